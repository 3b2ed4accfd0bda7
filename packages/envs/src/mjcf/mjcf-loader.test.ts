// Each feature of the MJCF subset: compiler, option, defaults, orientations, fromto, joints, motors, tendons, contacts.
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../core/scene.js';
import { quatRotate } from './math3d.js';
import { loadMjcf } from './mjcf-loader.js';

const DEG = Math.PI / 180;

function expectVec(actual: Vec3, expected: Vec3): void {
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
}

/** One moving body with the given content, inside a document with the given top-level extras. */
function model(body: string, extras = ''): ReturnType<typeof loadMjcf> {
  return loadMjcf(`<mujoco model="t">${extras}<worldbody><body name="b" pos="1 2 3">${body}</body></worldbody></mujoco>`);
}

describe('compiler and option', () => {
  it('uses MuJoCo defaults when absent', () => {
    const m = model('<geom size="0.1"/>');
    expect(m.name).toBe('t');
    expect(m.compiler).toMatchObject({ angle: 'degree', eulerSeq: 'xyz', autoLimits: true, setTotalMass: undefined });
    expect(m.option).toEqual({
      timestep: 0.002, gravity: [0, 0, -9.81], wind: [0, 0, 0], density: 0, viscosity: 0, integrator: 'Euler',
      solver: 'Newton', iterations: 100, tolerance: 1e-8, cone: 'pyramidal', impRatio: 1,
    });
  });

  it('reads option values including the fluid density and viscosity', () => {
    const m = model('<geom size="0.1"/>', '<option timestep="0.01" integrator="RK4" density="4000" viscosity="0.1" gravity="0 0 -1" solver="PGS" iterations="50"/>');
    expect(m.option).toMatchObject({ timestep: 0.01, integrator: 'RK4', density: 4000, viscosity: 0.1, gravity: [0, 0, -1], solver: 'PGS', iterations: 50 });
  });

  it('converts hinge ranges, refs and axis-angles from degrees unless angle="radian"', () => {
    const degree = model('<joint range="-90 45" ref="30"/><geom size="0.1"/>');
    expect(degree.joints[0]!.range[0]).toBeCloseTo(-90 * DEG, 15);
    expect(degree.joints[0]!.range[1]).toBeCloseTo(45 * DEG, 15);
    expect(degree.joints[0]!.ref).toBeCloseTo(30 * DEG, 15);
    const radian = model('<joint range="-1 0.5"/><joint type="slide" range="-2 2"/><geom size="0.1"/>', '<compiler angle="radian"/>');
    expect(radian.joints[0]!.range).toEqual([-1, 0.5]);
    expect(radian.joints[1]!.range).toEqual([-2, 2]);
    // slide ranges are lengths: never converted
    expect(model('<joint type="slide" range="-2 2"/><geom size="0.1"/>').joints[0]!.range).toEqual([-2, 2]);
  });
});

describe('orientations and fromto', () => {
  const zOf = (body: string, extras = ''): Vec3 => quatRotate(model(body, extras).geoms[0]!.quat, [0, 0, 1]);

  it('quat is read as (w, x, y, z) and stored as (x, y, z, w)', () => {
    const m = model('<geom size="0.1" quat="0 1 0 0"/>');
    expect(m.geoms[0]!.quat).toEqual([1, 0, 0, 0]);
    const unnormalised = model('<geom size="0.1" quat="2 0 0 0"/>');
    expect(unnormalised.geoms[0]!.quat).toEqual([0, 0, 0, 1]);
  });

  it('axisangle, euler, xyaxes and zaxis give the rotation they describe', () => {
    expectVec(zOf('<geom size="0.1" axisangle="1 0 0 90"/>'), [0, -1, 0]);
    expectVec(zOf('<geom size="0.1" axisangle="0 1 0 1.5707963267948966"/>', '<compiler angle="radian"/>'), [1, 0, 0]);
    expectVec(zOf('<geom size="0.1" euler="0 90 0"/>'), [1, 0, 0]);
    expectVec(zOf('<geom size="0.1" zaxis="0 1 0"/>'), [0, 1, 0]);
    const xy = model('<geom size="0.1" xyaxes="0 1 0 -1 0 0"/>').geoms[0]!.quat;
    expectVec(quatRotate(xy, [1, 0, 0]), [0, 1, 0]);
    expectVec(quatRotate(xy, [0, 1, 0]), [-1, 0, 0]);
  });

  it('euler sequences: lower case rotates about moving axes, upper case about fixed axes', () => {
    // x by 90 then y by 90: intrinsic maps z to (0,-1,0)→ turned about the new y; extrinsic differs.
    const intrinsic = model('<geom size="0.1" euler="90 90 0"/>').geoms[0]!.quat;
    const extrinsic = model('<geom size="0.1" euler="90 90 0"/>', '<compiler eulerseq="XYZ"/>').geoms[0]!.quat;
    // intrinsic R = Rx(90)·Ry(90): z → Rx(90)(Ry(90) z) = Rx(90)(1,0,0) = (1,0,0)
    expectVec(quatRotate(intrinsic, [0, 0, 1]), [1, 0, 0]);
    // extrinsic R = Ry(90)·Rx(90): z → Ry(90)(0,-1,0) = (0,-1,0)
    expectVec(quatRotate(extrinsic, [0, 0, 1]), [0, -1, 0]);
  });

  it('an orientation on the element replaces a different one from its class', () => {
    const m = model('<geom size="0.1" axisangle="0 0 1 90"/><geom size="0.1"/>', '<default><geom euler="90 0 0"/></default>');
    expectVec(quatRotate(m.geoms[0]!.quat, [1, 0, 0]), [0, 1, 0]);
    expectVec(quatRotate(m.geoms[1]!.quat, [0, 0, 1]), [0, -1, 0]);
  });

  it('body orientation and position are local to the parent', () => {
    const m = model('<geom size="0.1"/><body name="c" pos="0 0 -1" axisangle="0 0 1 90"><joint/><geom size="0.1"/></body>');
    expect(m.bodies[1]!.pos).toEqual([1, 2, 3]);
    expect(m.bodies[2]!.pos).toEqual([0, 0, -1]);
    expectVec(quatRotate(m.bodies[2]!.quat, [1, 0, 0]), [0, 1, 0]);
  });

  it('fromto gives the midpoint, the half-length and a +Z axis along the segment', () => {
    const m = model('<geom type="capsule" fromto="0 0 0 1 0 0" size="0.05"/><geom type="box" fromto="0 0 0 0 0 2" size="0.1 0.3"/>');
    const capsule = m.geoms[0]!;
    expect(capsule.pos).toEqual([0.5, 0, 0]);
    expect(capsule.size).toEqual([0.05, 0.5]);
    const axis = quatRotate(capsule.quat, [0, 0, 1]);
    expect(Math.abs(axis[0])).toBeCloseTo(1, 12);
    // MuJoCo points +Z from "to" towards "from"
    expect(axis[0]).toBeCloseTo(-1, 12);
    // box/ellipsoid: size[0] is reused for both cross-section half-sizes, size[2] is the half-length
    expect(m.geoms[1]!.size).toEqual([0.1, 0.1, 1]);
  });
});

describe('default classes', () => {
  const defaults = `<default>
      <joint damping="1" armature="0.5"/>
      <geom friction="0.7 0.1 0.1" rgba="1 0 0 1"/>
      <default class="soft"><joint damping="3"/><geom friction="0.2"/></default>
      <default class="outer"><geom density="5"/><default class="inner"><joint stiffness="7"/></default></default>
    </default>`;

  it('main applies everywhere; explicit attributes win; partial vectors overlay entry by entry', () => {
    const m = model('<joint/><geom size="0.1" friction="0.9"/>', defaults);
    expect(m.joints[0]).toMatchObject({ damping: 1, armature: 0.5 });
    expect(m.geoms[0]!.friction).toEqual([0.9, 0.1, 0.1]);
    expect(m.geoms[0]!.rgba).toEqual([1, 0, 0, 1]);
  });

  it('class picks a class, nested classes inherit, childclass applies to descendants', () => {
    const m = model(
      `<joint class="soft"/><geom class="soft" size="0.1"/>
       <body name="c" childclass="inner"><joint/><geom size="0.1"/><body name="d"><joint class="main"/><geom size="0.1"/></body></body>`,
      defaults,
    );
    expect(m.joints[0]).toMatchObject({ damping: 3, armature: 0.5 });
    expect(m.geoms[0]!.friction).toEqual([0.2, 0.1, 0.1]);
    expect(m.joints[1]).toMatchObject({ damping: 1, stiffness: 7 });
    expect(m.geoms[1]!.density).toBe(5);
    expect(m.geoms[2]!.density).toBe(5);
    expect(m.joints[2]).toMatchObject({ stiffness: 0 });
  });
});

describe('joints and limits', () => {
  it('resolves limited by MuJoCo\'s rules (explicit, or autolimits with a range)', () => {
    const m = model('<joint name="a" range="-10 10"/><joint name="b"/><joint name="c" limited="false" range="-1 1"/><geom size="0.1"/>');
    expect(m.joints.map((j) => j.limited)).toEqual([true, false, false]);
  });

  it('never limits a free joint, even when a class says limited="true" (MuJoCo\'s rule)', () => {
    const m = loadMjcf(`<mujoco><default><joint limited="true" range="-1 1"/></default>
      <worldbody><body><joint type="free"/><geom size="0.1"/></body></worldbody></mujoco>`);
    expect(m.joints[0]).toMatchObject({ type: 'free', limited: false });
  });

  it('normalises axes, and fixes free/ball axes to z', () => {
    const m = model('<joint axis="0 3 4"/><joint type="ball"/><geom size="0.1"/>');
    expectVec(m.joints[0]!.axis, [0, 0.6, 0.8]);
    expect(m.joints[1]!.axis).toEqual([0, 0, 1]);
  });

  it('counts qpos/qvel per joint type and builds qpos0', () => {
    const m = loadMjcf(`<mujoco><worldbody><body name="r" pos="0 0 2"><freejoint name="root"/><geom size="0.1"/>
      <body><joint type="ball"/><joint type="slide" ref="0.3"/><geom size="0.1"/></body></body></worldbody></mujoco>`);
    expect([m.nq, m.nv]).toEqual([7 + 4 + 1, 6 + 3 + 1]);
    expect(m.joints.map((j) => [j.qposAddress, j.dofAddress])).toEqual([[0, 0], [7, 6], [11, 9]]);
    expect(m.qpos0).toEqual([0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0.3]);
  });

  it('reads damping, stiffness, armature, frictionloss, springref and limit softness', () => {
    const m = model('<joint damping="2" stiffness="3" armature="4" frictionloss="5" springref="10" solreflimit="0.05 2" solimplimit="0 0.8 0.03"/><geom size="0.1"/>');
    expect(m.joints[0]).toMatchObject({ damping: 2, stiffness: 3, armature: 4, frictionLoss: 5, solrefLimit: [0.05, 2], solimpLimit: [0, 0.8, 0.03, 0.5, 2] });
    expect(m.joints[0]!.springRef).toBeCloseTo(10 * DEG, 15);
  });
});

describe('geoms, sites, actuators, tendons and contacts', () => {
  it('reads contact attributes with MuJoCo defaults', () => {
    const m = model('<geom size="0.1"/><geom size="0.1" contype="2" conaffinity="0" condim="1" margin="0.01" solref="0.03 1" solimp="0.8 0.8 0.01"/>');
    expect(m.geoms[0]).toMatchObject({ type: 'sphere', friction: [1, 0.005, 0.0001], contype: 1, conaffinity: 1, condim: 3, margin: 0, solref: [0.02, 1] });
    expect(m.geoms[1]).toMatchObject({ contype: 2, conaffinity: 0, condim: 1, margin: 0.01, solref: [0.03, 1], solimp: [0.8, 0.8, 0.01, 0.5, 2] });
  });

  it('keeps only the size entries a type uses', () => {
    const m = loadMjcf(`<mujoco><worldbody><geom type="plane" size="0 0 1"/><body><joint/>
      <geom type="capsule" size="0.1 0.2 9"/><geom type="cylinder" size="0.08 0.001 0.1"/><geom type="ellipsoid" size="0.1 0.2 0.3"/></body></worldbody></mujoco>`);
    expect(m.geoms.map((g) => g.size)).toEqual([[0, 0, 1], [0.1, 0.2], [0.08, 0.001], [0.1, 0.2, 0.3]]);
  });

  it('reads sites', () => {
    const m = model('<geom size="0.1"/><site name="tip" pos="0 0 0.6" size="0.01 0.01"/>');
    expect(m.sites[0]).toMatchObject({ name: 'tip', body: 1, type: 'sphere', pos: [0, 0, 0.6], size: [0.01] });
  });

  it('reads motors: joint, gear, ctrl and force ranges, with defaults and autolimits', () => {
    const m = model(
      '<joint name="j"/><geom size="0.1"/>',
      `<default><motor ctrllimited="true" ctrlrange="-0.4 0.4"/></default>
       <actuator><motor name="m" joint="j" gear="200"/><motor joint="j" ctrllimited="false" forcerange="-5 5"/></actuator>`,
    );
    expect(m.nu).toBe(2);
    expect(m.actuators[0]).toMatchObject({ name: 'm', joint: 0, gear: 200, ctrlLimited: true, ctrlRange: [-0.4, 0.4], forceLimited: false });
    expect(m.actuators[1]).toMatchObject({ gear: 1, ctrlLimited: false, forceLimited: true, forceRange: [-5, 5] });
  });

  it('reads fixed tendons', () => {
    const m = model('<joint name="hip"/><joint name="knee"/><geom size="0.1"/>', `<tendon><fixed name="hk" stiffness="2">
      <joint joint="hip" coef="-1"/><joint joint="knee" coef="1"/></fixed></tendon>`);
    expect(m.tendons[0]).toMatchObject({ name: 'hk', joints: [{ joint: 0, coef: -1 }, { joint: 1, coef: 1 }], stiffness: 2, limited: false, springLength: undefined });
  });

  it('reads contact exclusions by body name', () => {
    const m = model('<joint/><geom size="0.1"/><body name="c"><joint/><geom size="0.1"/></body>', '<contact><exclude body1="b" body2="c"/></contact>');
    expect(m.contactExclusions).toEqual([{ body1: 1, body2: 2, line: 1 }]);
  });

  it('records visual-only elements and attributes as ignored', () => {
    const m = loadMjcf(`<mujoco>
<visual/>
<asset/>
<worldbody>
  <light pos="0 0 3"/>
  <body><camera name="c"/><joint/><geom size="0.1" material="m"/></body>
</worldbody></mujoco>`);
    expect(m.ignored).toEqual([
      { element: 'visual', attribute: undefined, line: 2 },
      { element: 'asset', attribute: undefined, line: 3 },
      { element: 'light', attribute: undefined, line: 5 },
      { element: 'camera', attribute: undefined, line: 6 },
      { element: 'geom', attribute: 'material', line: 6 },
    ]);
  });

  it('numbers bodies depth first and a body\'s joints and geoms before its children\'s', () => {
    const m = loadMjcf(`<mujoco><worldbody><body name="a"><body name="a1"><joint name="j2"/><geom size="0.1"/></body>
      <joint name="j1"/><geom name="g1" size="0.1"/></body><body name="b"><joint name="j3"/><geom size="0.1"/></body></worldbody></mujoco>`);
    expect(m.bodies.map((b) => b.name)).toEqual(['world', 'a', 'a1', 'b']);
    expect(m.joints.map((j) => j.name)).toEqual(['j1', 'j2', 'j3']);
    expect(m.geoms[0]!.name).toBe('g1');
    expect(m.bodies[1]!.children).toEqual([2]);
  });
});
