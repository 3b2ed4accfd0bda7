// Splitting a body with several hinges into a chain: ids, qpos layout, masses and the parent–child contact filter kept.
import { describe, expect, it } from 'vitest';
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import { splitHingeChains } from './hinge-chains.js';

const hip = (secondPos = '0 0 0') => `<mujoco><worldbody><body name="pelvis" pos="0 0 1"><freejoint/>
  <geom type="sphere" size="0.1" mass="6"/>
  <body name="thigh" pos="0 -0.1 -0.05">
    <joint name="hip_x" type="hinge" axis="1 0 0" armature="0.01"/>
    <joint name="hip_y" type="hinge" axis="0 1 0" pos="${secondPos}" armature="0.008"/>
    <geom type="capsule" fromto="0 0 0 0 0 -0.3" size="0.05"/>
    <body name="shin" pos="0 0 -0.4"><joint name="knee" type="hinge" axis="0 -1 0"/><geom type="sphere" size="0.05"/></body>
  </body></body></worldbody></mujoco>`;

describe('splitHingeChains', () => {
  it('gives each hinge but the last an intermediate body, keeping joints, qpos, total mass and the contact filter', () => {
    const model = loadMjcf(hip());
    const { model: split, bodyOf } = splitHingeChains(model, { mass: 0.3, inertia: 0.005, straighten: 0.01 }, 'test');
    expect(split.bodies.map((b) => b.name)).toEqual(['world', 'pelvis', 'thigh:hip_x', 'thigh', 'shin']);
    expect(bodyOf).toEqual([0, 1, 3, 4]);
    expect(split.joints.map((j) => j.body)).toEqual([1, 2, 3, 4]); // every joint on its body's new id, also below the chain
    expect(split.bodies[4]!.parent).toBe(3);
    expect(split.joints.map((j) => j.qposAddress)).toEqual(model.joints.map((j) => j.qposAddress));
    expect(split.bodies[2]!.parent).toBe(1);
    expect(split.bodies[3]!.parent).toBe(2);
    expect(split.bodies[2]!.pos).toEqual([0, -0.1, -0.05]); // the chain starts at the body's frame
    expect(split.bodies[3]!.pos).toEqual([0, 0, 0]);
    expect(split.joints[1]!.armature).toBeCloseTo(0.005, 12); // 0.01 − the intermediate body's inertia
    expect(split.joints[2]!.armature).toBe(0.008);
    const total = (m: typeof model) => m.bodies.reduce((s, b) => s + b.mass, 0);
    expect(total(split)).toBeCloseTo(total(model), 12);
    expect(split.bodies[1]!.mass).toBeCloseTo(6 - 0.3, 12);
    // the pelvis' COM moves away from the hip anchor (0, −0.1, −0.05) so that pelvis + point mass keep MuJoCo's COM
    const com = split.bodies[1]!.com;
    expect(5.7 * com[1] + 0.3 * -0.1).toBeCloseTo(6 * model.bodies[1]!.com[1], 12);
    expect(split.contactExclusions).toEqual([{ body1: 1, body2: 3, line: model.bodies[2]!.line }]);
    expect(split.bodies[3]!.geoms).toEqual(model.bodies[2]!.geoms);
  });

  it('rejects hinges with different anchors', () => {
    expect(() => splitHingeChains(loadMjcf(hip('0 0 0.1')), { mass: 0.3, inertia: 0.005, straighten: 0.01 }, 'test'))
      .toThrow(/the hinges of body "thigh" have different anchors/);
  });
});
