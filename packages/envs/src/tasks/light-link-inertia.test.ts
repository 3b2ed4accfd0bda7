// Raising a light link's inertia keeps its own hinge's mass-matrix diagonal (link inertia about the axis + armature).
import { describe, expect, it } from 'vitest';
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import { raiseLightLinkInertia } from './light-link-inertia.js';

const arm = `<mujoco><worldbody><body name="heavy"><joint type="hinge" axis="0 0 1"/><geom type="box" size="0.2 0.2 0.2"/>
  <body name="light" pos="0.3 0 0"><joint name="flex" type="hinge" axis="0 1 0" armature="0.04"/>
    <geom type="capsule" fromto="0 -0.02 0 0 0.02 0" size="0.01" density="300"/></body></body></worldbody></mujoco>`;

describe('raiseLightLinkInertia', () => {
  it('raises only links below the floor and takes the added inertia about the hinge off its armature', () => {
    const model = loadMjcf(arm);
    const light = model.bodies[2]!;
    const before = light.inertiaTensor[1] + model.joints[1]!.armature; // I_yy + armature: the hinge's diagonal
    const { model: raised, raised: names } = raiseLightLinkInertia(model, 1e-4);
    expect(names).toEqual(['light']);
    const after = raised.bodies[2]!;
    expect(after.principalInertia).toEqual([1e-4, 1e-4, 1e-4]);
    expect(after.mass).toBe(light.mass);
    expect(after.com).toEqual(light.com);
    expect(after.inertiaTensor[1]).toBeCloseTo(1e-4, 12);
    expect(after.inertiaTensor[1] + raised.joints[1]!.armature).toBeCloseTo(before, 12);
    expect(raised.bodies[1]).toBe(model.bodies[1]); // the heavy link is untouched
    expect(model.bodies[2]!.principalInertia).toEqual(light.principalInertia); // the input model is not modified
  });

  it('leaves a link alone when the floor would exceed its hinge armature', () => {
    expect(raiseLightLinkInertia(loadMjcf(arm), 0.1).raised).toEqual([]);
  });
});
