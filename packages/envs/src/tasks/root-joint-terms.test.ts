// Folding a locked root's joint armature into its body: the mass matrix entries MuJoCo's armature would add.
import { describe, expect, it } from 'vitest';
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import { foldRootJointTerms } from './root-joint-terms.js';

const planar = (slideArmature: [number, number], extra = ''): string => `<mujoco><worldbody><body>
  <joint name="x" type="slide" axis="1 0 0" armature="${slideArmature[0]}" damping="0.5"/>
  <joint name="y" type="slide" axis="0 1 0" armature="${slideArmature[1]}" damping="0.5"/>
  <joint name="r" type="hinge" axis="0 0 1" armature="0.3" ${extra}/>
  <geom type="sphere" size="0.1" pos="1 0 0" mass="2"/>
</body></worldbody></mujoco>`;

describe('foldRootJointTerms', () => {
  it('adds slide armature as a point mass on the hinge axis and hinge armature as inertia about it', () => {
    const { model, damping } = foldRootJointTerms(loadMjcf(planar([0.2, 0.2])), 'test');
    const body = model.bodies[1]!;
    expect(body.mass).toBeCloseTo(2.2, 12); // M_xx = M_yy = m + a_slide
    expect(body.com[0]).toBeCloseTo(2 / 2.2, 12);
    // inertia about the hinge axis through the anchor: sphere 0.4·m·r² + m·1² + armature = 0.008 + 2 + 0.3
    const izz = body.inertiaTensor[2] + body.mass * body.com[0] ** 2;
    expect(izz).toBeCloseTo(2.308, 10);
    expect(model.joints.map((j) => j.armature)).toEqual([0, 0, 0]);
    expect(model.joints.map((j) => j.damping)).toEqual([0, 0, 0]);
    expect(damping).toEqual([{ body: 1, slide: 0.5, hinge: 0 }]);
  });

  it('rejects slides with different armature and root joints with stiffness', () => {
    expect(() => foldRootJointTerms(loadMjcf(planar([0.2, 0.1])), 'test')).toThrow(/root slides x, y have different armature \(0.2, 0.1\)/);
    expect(() => foldRootJointTerms(loadMjcf(planar([0.2, 0.2], 'stiffness="3"')), 'test')).toThrow(/root joint "r" has stiffness 3/);
  });
});
