// RawWorldIO must write exactly what Rapier's object API writes: two identical worlds, one driven each way, stay bit-identical.
import type { World } from '@dimforge/rapier3d-simd-compat';
import { beforeAll, describe, expect, it } from 'vitest';
import { init, rapier, type Rapier } from './rapier-runtime.js';
import { rawWorldIO } from './raw-world-io.js';

let R: Rapier;
beforeAll(async () => {
  await init();
  R = rapier();
});

/** A tumbling box on a hinge above a floor, and a free capsule, with gravity tilted so every axis moves. */
function makeWorld(): { world: World; handles: number[] } {
  const world = new R.World({ x: 0.3, y: -0.2, z: -9.81 });
  world.createCollider(R.ColliderDesc.cuboid(5, 5, 0.1));
  const box = world.createRigidBody(R.RigidBodyDesc.dynamic().setTranslation(0, 0, 1).setAngvel({ x: 0.4, y: -1.1, z: 0.7 }));
  world.createCollider(R.ColliderDesc.cuboid(0.2, 0.1, 0.05), box);
  const arm = world.createRigidBody(R.RigidBodyDesc.dynamic().setTranslation(0.4, 0, 1));
  world.createCollider(R.ColliderDesc.capsule(0.2, 0.05), arm);
  world.createImpulseJoint(R.JointData.revolute({ x: 0.2, y: 0, z: 0 }, { x: -0.2, y: 0, z: 0 }, { x: 0, y: 1, z: 0 }), box, arm, true);
  return { world, handles: [box.handle, arm.handle] };
}

function state(world: World, handles: number[]): number[] {
  return handles.flatMap((h) => {
    const b = world.getRigidBody(h);
    const t = b.translation(), q = b.rotation(), v = b.linvel(), w = b.angvel();
    return [t.x, t.y, t.z, q.x, q.y, q.z, q.w, v.x, v.y, v.z, w.x, w.y, w.z];
  });
}

describe('RawWorldIO', () => {
  it('steps, pushes and sets bodies exactly as the object API does', () => {
    const a = makeWorld();
    const b = makeWorld();
    const io = rawWorldIO(R);
    const raw = b.world.bodies.raw;
    for (let i = 0; i < 60; i++) {
      const s = Math.sin(i);
      const [boxA, armA] = a.handles.map((h) => a.world.getRigidBody(h));
      boxA!.resetForces(false);
      boxA!.resetTorques(false);
      armA!.resetForces(false);
      boxA!.addTorque({ x: 0.5 * s, y: -0.2, z: 0.1 }, true);
      boxA!.addForce({ x: s, y: 0, z: 2 }, true);
      armA!.addForceAtPoint({ x: 0, y: 0.3, z: s }, { x: 0.5, y: 0.1, z: 1 }, true);
      a.world.step();
      const [boxB, armB] = b.handles;
      raw.rbResetForces(boxB!, false);
      raw.rbResetTorques(boxB!, false);
      raw.rbResetForces(armB!, false);
      io.addTorque(raw, boxB!, 0.5 * s, -0.2, 0.1, true);
      io.addForce(raw, boxB!, s, 0, 2, true);
      io.addForceAtPoint(raw, armB!, 0, 0.3, s, 0.5, 0.1, 1, true);
      io.step(b.world);
      if (i === 30) {
        // teleport both the same way
        const box = a.world.getRigidBody(a.handles[0]!);
        box.setTranslation({ x: 0.1, y: 0.2, z: 0.9 }, true);
        box.setRotation({ x: 0, y: 0.6, z: 0, w: 0.8 }, true);
        box.setLinvel({ x: 1, y: -1, z: 0.5 }, true);
        box.setAngvel({ x: 0, y: 2, z: 0 }, true);
        io.setTranslation(raw, b.handles[0]!, 0.1, 0.2, 0.9, true);
        io.setRotation(raw, b.handles[0]!, 0, 0.6, 0, 0.8, true);
        io.setLinvel(raw, b.handles[0]!, 1, -1, 0.5, true);
        io.setAngvel(raw, b.handles[0]!, 0, 2, 0, true);
      }
    }
    const expected = state(a.world, a.handles);
    expect(state(b.world, b.handles)).toEqual(expected);
    // the bodies did move: the comparison is not between two resting worlds
    expect(Math.abs(expected[2]! - 0.9)).toBeGreaterThan(0.05);
    a.world.free();
    b.world.free();
  });

  it('reads the same f32 values as the object API', () => {
    const { world, handles } = makeWorld();
    for (let i = 0; i < 10; i++) world.step();
    const io = rawWorldIO(R);
    const raw = world.bodies.raw;
    const body = world.getRigidBody(handles[0]!);
    const t = body.translation(), q = body.rotation(), v = body.linvel(), w = body.angvel();
    expect([...io.readTranslation(raw, handles[0]!).subarray(0, 3)]).toEqual([t.x, t.y, t.z]);
    expect([...io.readRotation(raw, handles[0]!)]).toEqual([q.x, q.y, q.z, q.w]);
    expect([...io.readLinvel(raw, handles[0]!).subarray(0, 3)]).toEqual([v.x, v.y, v.z]);
    expect([...io.readAngvel(raw, handles[0]!).subarray(0, 3)]).toEqual([w.x, w.y, w.z]);
    world.free();
  });
});
