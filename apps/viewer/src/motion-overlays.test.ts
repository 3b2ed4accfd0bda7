// Tests of the overlay math: whole-robot centre of mass (mass-weighted, COM offsets rotated) and finite-difference velocity.
import { decodeRolloutFile, encodeRolloutFile, sampleHopperRollout, sampleHopperScene, unwrap, type WireScene } from '@rapier-gym/protocol';
import { describe, expect, it } from 'vitest';
import { bodyVelocity, centreOfMass } from './motion-overlays.js';
import { RolloutStore } from './rollout-store.js';

describe('centreOfMass', () => {
  it('weights each body COM by mass, rotating the local COM offset by the body quaternion', () => {
    const scene: WireScene = {
      name: 'two-bodies',
      up: 'z',
      dt: 0.01,
      trackBody: 1,
      bodies: [
        { name: 'world', parent: -1, geoms: [] },
        { name: 'a', parent: 0, geoms: [], mass: 1, com: [0, 0, 0] },
        // Body b: COM 1 m along its local x; turned a quarter about z, that offset points along world +y.
        { name: 'b', parent: 0, geoms: [], mass: 3, com: [1, 0, 0] },
      ],
    };
    const s = Math.SQRT1_2;
    const poses = new Float32Array([0, 0, 0, 0, 0, 0, 1, /* a */ 0, 0, 1, 0, 0, 0, 1, /* b */ 4, 0, 1, 0, 0, s, s]);
    // (1 * (0,0,1) + 3 * (4,1,1)) / 4 = (3, 0.75, 1)
    const com = centreOfMass(scene, poses);
    expect(com.x).toBeCloseTo(3, 6);
    expect(com.y).toBeCloseTo(0.75, 6);
    expect(com.z).toBeCloseTo(1, 6);
  });

  it('falls back to the tracked body position when no body has a mass', () => {
    const scene = sampleHopperScene();
    scene.bodies.forEach((body) => delete body.mass);
    const poses = new Float32Array(5 * 7);
    poses.set([2, 0, 1.25], 7);
    expect(centreOfMass(scene, poses).toArray()).toEqual([2, 0, 1.25]);
  });
});

describe('bodyVelocity', () => {
  it('differences positions over the frame interval (the sample torso moves at 1 m/s along x)', () => {
    const track = new RolloutStore().addRollout(unwrap(decodeRolloutFile(encodeRolloutFile(sampleHopperRollout({ episodes: 1, frames: 5 }))))).episodes[0]!;
    const velocity = bodyVelocity(track, 1, 3);
    expect(velocity.x).toBeCloseTo(1, 3);
    expect(velocity.y).toBe(0);
    expect(bodyVelocity(track, 1, 0).toArray()).toEqual([0, 0, 0]);
  });
});
