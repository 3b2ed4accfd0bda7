// Lending mass at a joint anchor keeps the robot's mass distribution and gives the light link the mass.
import { describe, expect, it } from 'vitest';
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import type { MjcfBody } from '../mjcf/mjcf-model.js';
import { lendAnchorMass } from './anchor-mass.js';

// A 1 kg box parent (COM at its origin), and a light sphere child whose hinge sits 0.1 m from its own centre.
const arm = `<mujoco><worldbody><body name="heavy" pos="0 0 1"><joint name="root" type="hinge" axis="0 0 1"/>
  <geom type="box" size="0.1 0.1 0.1" mass="1"/>
  <body name="light" pos="0.3 0 0"><joint name="flex" type="hinge" axis="0 1 0" pos="-0.1 0 0"/>
    <geom type="sphere" size="0.01" mass="0.005"/></body></body></worldbody></mujoco>`;

/** Inertia tensor [xx, yy, zz, xy, xz, yz] of a body about point p (body frame): I_com + m·(|d|²·1 − d·dᵀ), d = com − p. */
function aboutPoint(b: MjcfBody, p: number[]): number[] {
  const d = [b.com[0] - p[0]!, b.com[1] - p[1]!, b.com[2] - p[2]!];
  const t = b.inertiaTensor;
  return [
    t[0] + b.mass * (d[1]! ** 2 + d[2]! ** 2), t[1] + b.mass * (d[0]! ** 2 + d[2]! ** 2), t[2] + b.mass * (d[0]! ** 2 + d[1]! ** 2),
    t[3] - b.mass * d[0]! * d[1]!, t[4] - b.mass * d[0]! * d[2]!, t[5] - b.mass * d[1]! * d[2]!,
  ];
}

describe('lendAnchorMass', () => {
  it('moves the mass to the anchor: the pair keeps its total mass, COM and inertia; the link keeps its inertia about the anchor', () => {
    const model = loadMjcf(arm);
    const lent = lendAnchorMass(model, 'light', 0.2, 'test');
    const [heavy0, light0, heavy1, light1] = [model.bodies[1]!, model.bodies[2]!, lent.bodies[1]!, lent.bodies[2]!];
    expect(light1.mass).toBeCloseTo(0.205, 12);
    expect(heavy1.mass).toBeCloseTo(0.8, 12);
    // the anchor is (-0.1, 0, 0) in the light body's frame and (0.2, 0, 0) in the heavy body's (frames aligned)
    expect(light1.com[0]).toBeCloseTo((0.005 * 0 + 0.2 * -0.1) / 0.205, 12);
    expect(heavy1.com[0]).toBeCloseTo((1 * 0 - 0.2 * 0.2) / 0.8, 12);
    // inertia about the anchor: the light link's is unchanged (a point mass on the axis adds nothing there) …
    const light0Anchor = aboutPoint(light0, [-0.1, 0, 0]);
    aboutPoint(light1, [-0.1, 0, 0]).forEach((v, k) => expect(v).toBeCloseTo(light0Anchor[k]!, 12));
    // … and the pair's, about the heavy body's origin, is unchanged (the light body sits at +0.3 in x there)
    const pair = (h: MjcfBody, l: MjcfBody): number[] => {
      const a = aboutPoint(h, [0, 0, 0]);
      const b = aboutPoint(l, [-0.3, 0, 0]);
      return a.map((v, k) => v + b[k]!);
    };
    const before = pair(heavy0, light0);
    pair(heavy1, light1).forEach((v, k) => expect(v).toBeCloseTo(before[k]!, 12));
    expect(model.bodies[2]!.mass).toBeCloseTo(0.005, 12); // the input is not modified
  });

  it('rejects an unknown body, a root, a non-positive mass and a parent that would lose more than half its mass', () => {
    const model = loadMjcf(arm);
    expect(() => lendAnchorMass(model, 'wrist', 0.1, 'test')).toThrow(/no body named "wrist"; expected one of world, heavy, light/);
    expect(() => lendAnchorMass(model, 'heavy', 0.1, 'test')).toThrow(/body "heavy" is a root/);
    expect(() => lendAnchorMass(model, 'light', 0, 'test')).toThrow(/mass must be a positive number of kg, got 0/);
    expect(() => lendAnchorMass(model, 'light', 0.6, 'test')).toThrow(/body "heavy" \(1 kg\) cannot lend 0.6 kg; expected at most half its mass/);
  });
});
