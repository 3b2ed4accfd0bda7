// Rigid groups: joint-less bodies weld into their moving ancestor, with mass combined in the root's frame.
import { describe, expect, it } from 'vitest';
import { bodyWorldPoses } from './kinematics.js';
import { loadMjcf } from './mjcf-loader.js';
import { rigidGroups } from './rigid-groups.js';

describe('rigidGroups', () => {
  const model = loadMjcf(`<mujoco><compiler angle="degree"/><worldbody><geom type="plane" size="1 1 1"/>
    <body name="root" pos="0 0 1"><joint type="slide" axis="0 0 1"/><geom type="sphere" size="0.1" mass="1"/>
      <body name="weld" pos="1 0 0" axisangle="0 0 1 90"><geom type="sphere" size="0.1" mass="3" pos="1 0 0"/><site name="s" pos="1 0 0"/>
        <body name="moving"><joint/><geom type="sphere" size="0.1" mass="2"/></body>
      </body>
    </body></worldbody></mujoco>`);

  it('groups the world, each body with joints, and the joint-less bodies under them', () => {
    const { groups, groupOfBody } = rigidGroups(model);
    expect(groups.map((g) => g.root)).toEqual([0, 1, 3]);
    expect(groups[1]!.bodies).toEqual([1, 2]);
    expect(groupOfBody).toEqual([0, 1, 1, 2]);
    expect(groups[0]!.geoms.map((g) => g.id)).toEqual([0]);
  });

  it('poses welded geoms and sites in the root frame and combines mass there', () => {
    const group = rigidGroups(model).groups[1]!;
    // the weld body sits at x = 1 turned 90° about z, so its local (1, 0, 0) is the root's (1, 1, 0)
    const weldGeom = group.geoms.find((g) => g.id === 2)!;
    weldGeom.pos.forEach((v, i) => expect(v).toBeCloseTo([1, 1, 0][i]!, 12));
    group.sites[0]!.pos.forEach((v, i) => expect(v).toBeCloseTo([1, 1, 0][i]!, 12));
    // masses 1 at the origin and 3 at (1, 1, 0): COM (0.75, 0.75, 0)
    expect(group.massProperties.mass).toBe(4);
    group.massProperties.com.forEach((v, i) => expect(v).toBeCloseTo([0.75, 0.75, 0][i]!, 12));
    // I_zz about the COM: 2 spheres' own 2/5 m r² + Σ m (dx² + dy²) = 0.016 + 1·1.125 + 3·0.125
    const izz = 0.4 * 4 * 0.01 + 1 * (0.75 ** 2 * 2) + 3 * (0.25 ** 2 * 2);
    expect(group.massProperties.inertiaTensor[2]).toBeCloseTo(izz, 12);
  });

  it('world poses compose the tree', () => {
    const poses = bodyWorldPoses(model);
    poses[3]!.pos.forEach((v, i) => expect(v).toBeCloseTo([1, 0, 1][i]!, 12));
  });
});
