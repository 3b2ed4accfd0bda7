// Where the scenes put things: rotating geom points by the posed quaternions reproduces Gymnasium's drawings.
import { describe, expect, it } from 'vitest';
import { POSE_STRIDE, type Vec3 } from '../core/scene.js';
import { AcrobotEnv } from './acrobot.js';
import { CartPoleEnv } from './cart-pole.js';
import { MountainCarContinuousEnv, mountainCarHeight } from './mountain-car-continuous.js';
import { PendulumEnv } from './pendulum.js';

/** Rotates v by the unit quaternion q = (x, y, z, w): v' = v + 2w (u × v) + 2 u × (u × v), u = (x, y, z). */
function rotate(q: ArrayLike<number>, v: Vec3): Vec3 {
  const [x, y, z, w] = [q[0]!, q[1]!, q[2]!, q[3]!];
  const c1 = [y * v[2] - z * v[1], z * v[0] - x * v[2], x * v[1] - y * v[0]];
  const c2 = [y * c1[2]! - z * c1[1]!, z * c1[0]! - x * c1[2]!, x * c1[1]! - y * c1[0]!];
  return [v[0] + 2 * w * c1[0]! + 2 * c2[0]!, v[1] + 2 * w * c1[1]! + 2 * c2[1]!, v[2] + 2 * w * c1[2]! + 2 * c2[2]!];
}

/** World position of a point given in body `index`'s frame. */
function worldPoint(poses: Float32Array, index: number, local: Vec3): Vec3 {
  const o = index * POSE_STRIDE;
  const r = rotate(poses.subarray(o + 3, o + 7), local);
  return [poses[o]! + r[0], poses[o + 1]! + r[1], poses[o + 2]! + r[2]];
}

function expectNear(actual: Vec3, expected: Vec3, digits = 5): void {
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, digits));
}

describe('scene geometry', () => {
  it('Pendulum: the rod points up at theta = 0 and turns counter-clockwise (to -x) as theta grows', () => {
    const env = new PendulumEnv();
    env.reset({ seed: 0 });
    for (const theta of [0, 0.5, Math.PI / 2, 2.5, -1]) {
      env.setState([theta, 0]);
      const poses = env.poses();
      const hinge = worldPoint(poses, 1, [0, 0, 0]);
      const tip = worldPoint(poses, 1, [0, 0, 1]);
      expectNear([tip[0] - hinge[0], tip[1] - hinge[1], tip[2] - hinge[2]], [-Math.sin(theta), 0, Math.cos(theta)]);
    }
    const rod = env.scene().bodies[1]!.geoms[0]!;
    expect(rod).toMatchObject({ type: 'capsule', size: [0.1, 0.5], pos: [0, 0, 0.5] });
  });

  it('CartPole: the cart slides with x and the 1 m pole leans to +x for positive theta', () => {
    const env = new CartPoleEnv();
    env.reset({ seed: 0 });
    env.setState([1.2, 0, 0.3, 0]);
    const poses = env.poses();
    const cart = worldPoint(poses, 1, [0, 0, 0]);
    const hinge = worldPoint(poses, 2, [0, 0, 0]);
    const tip = worldPoint(poses, 2, [0, 0, 1]);
    expect(cart[0]).toBeCloseTo(1.2, 6);
    expect(hinge[0]).toBeCloseTo(1.2, 6);
    expectNear([tip[0] - hinge[0], tip[1] - hinge[1], tip[2] - hinge[2]], [Math.sin(0.3), 0, Math.cos(0.3)]);
    // The cart's bottom rests on the track's top face at z = 0.
    const cartGeom = env.scene().bodies[1]!.geoms[0]!;
    expect(cart[2] - cartGeom.size[2]!).toBeCloseTo(0, 6);
  });

  it('Acrobot: link 2 starts where link 1 ends and the tip height is the termination measure', () => {
    const env = new AcrobotEnv();
    env.reset({ seed: 0 });
    for (const [t1, t2] of [[0, 0], [0.7, -1.2], [Math.PI, 0], [-2, 2.5]] as const) {
      env.setState([t1, t2, 0, 0]);
      const poses = env.poses();
      const shoulder = worldPoint(poses, 1, [0, 0, 0]);
      const elbow1 = worldPoint(poses, 1, [0, 0, -1]);
      const elbow2 = worldPoint(poses, 2, [0, 0, 0]);
      const tip = worldPoint(poses, 2, [0, 0, -1]);
      expectNear(elbow1, elbow2);
      expectNear(
        [tip[0] - shoulder[0], tip[1] - shoulder[1], tip[2] - shoulder[2]],
        [Math.sin(t1) + Math.sin(t1 + t2), 0, -Math.cos(t1) - Math.cos(t1 + t2)],
      );
    }
    const goal = env.scene().bodies[0]!.geoms.find((g) => g.name === 'goal_line')!;
    expect(goal.pos[2] - env.poses()[POSE_STRIDE + 2]!).toBeCloseTo(1, 6);
  });

  it('MountainCarContinuous: the hill segments lie on y = sin(3x) 0.45 + 0.55 and the car rides above it', () => {
    const env = new MountainCarContinuousEnv();
    env.reset({ seed: 0 });
    const hill = env.scene().bodies[0]!.geoms.filter((g) => g.name?.startsWith('hill'));
    expect(hill.length).toBeGreaterThan(20);
    for (const segment of hill) {
      for (const end of [-1, 1]) {
        const local = rotate(segment.quat, [end * segment.size[0]!, 0, 0]);
        const x = segment.pos[0] + local[0];
        expect(segment.pos[2] + local[2]).toBeCloseTo(mountainCarHeight(x), 9);
      }
    }
    const xs = hill.flatMap((g) => [g.pos[0] - g.size[0]!, g.pos[0] + g.size[0]!]);
    expect(Math.min(...xs)).toBeLessThan(-1.15);
    expect(Math.max(...xs)).toBeGreaterThan(0.55);
    env.setState([-0.3, 0]);
    const car = worldPoint(env.poses(), 1, [0, 0, 0]);
    expect(car[0]).toBeCloseTo(-0.3, 6);
    expect(car[2]).toBeCloseTo(mountainCarHeight(-0.3) + 0.03, 6);
  });
});
