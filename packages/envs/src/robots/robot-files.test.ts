// Every robot file loads with the sizes, names and numbers of Gymnasium v5's model
// (shared/reference/envs-gymnasium-v5.md), and the embedded module is in sync with the .xml files.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { ROBOT_FILES, ROBOT_FOR_ENV, ROBOT_NAMES, loadRobot, robotXml } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEG = Math.PI / 180;

const total = (m: MjcfModel): number => m.bodies.reduce((sum, b) => sum + b.mass, 0);
const jointNames = (m: MjcfModel): string[] => m.joints.map((j) => j.name);
const motorJoints = (m: MjcfModel): string[] => m.actuators.map((a) => m.joints[a.joint]!.name);

/** nq, nv, nu and the observation sizes they imply (reference §1.2/§1.3). */
const SIZES: Record<string, { nq: number; nv: number; nu: number; nbody: number; timestep: number; integrator: string }> = {
  hopper: { nq: 6, nv: 6, nu: 3, nbody: 5, timestep: 0.002, integrator: 'RK4' },
  walker2d: { nq: 9, nv: 9, nu: 6, nbody: 8, timestep: 0.002, integrator: 'RK4' },
  half_cheetah: { nq: 9, nv: 9, nu: 6, nbody: 8, timestep: 0.01, integrator: 'Euler' },
  // Ant obs 105 = qpos[2:] (13) + qvel (14) + 13 bodies × 6 → nbody 14 with the world
  ant: { nq: 15, nv: 14, nu: 8, nbody: 14, timestep: 0.01, integrator: 'RK4' },
  // Humanoid obs 348 = qpos[2:] 22 + qvel 23 + cinert 13×10 + cvel 13×6 + qfrc_actuator[6:] 17 + cfrc_ext 13×6
  humanoid: { nq: 24, nv: 23, nu: 17, nbody: 14, timestep: 0.003, integrator: 'RK4' },
  humanoidstandup: { nq: 24, nv: 23, nu: 17, nbody: 14, timestep: 0.003, integrator: 'RK4' },
  // Swimmer obs 8 = qpos[2:] 3 + qvel 5
  swimmer: { nq: 5, nv: 5, nu: 2, nbody: 4, timestep: 0.01, integrator: 'RK4' },
  // Reacher: 2 arm hinges + 2 target slides
  reacher: { nq: 4, nv: 4, nu: 2, nbody: 5, timestep: 0.01, integrator: 'RK4' },
  // Pusher obs uses qpos[:7]: 7 arm hinges, then object and goal slides
  pusher: { nq: 11, nv: 11, nu: 7, nbody: 13, timestep: 0.01, integrator: 'Euler' },
  inverted_pendulum: { nq: 2, nv: 2, nu: 1, nbody: 3, timestep: 0.02, integrator: 'RK4' },
  inverted_double_pendulum: { nq: 3, nv: 3, nu: 1, nbody: 4, timestep: 0.01, integrator: 'RK4' },
};

describe('robot files', () => {
  it('one file per env, all listed', () => {
    expect(ROBOT_NAMES).toEqual(Object.keys(SIZES).sort());
    expect(new Set(Object.values(ROBOT_FOR_ENV))).toEqual(new Set(ROBOT_NAMES));
    expect(() => robotXml('nope')).toThrow(/unknown robot "nope"; expected one of: ant, /);
  });

  it.each(Object.entries(SIZES))('%s: sizes, option and ignored items', (name, sizes) => {
    const m = loadRobot(name);
    expect({ nq: m.nq, nv: m.nv, nu: m.nu, nbody: m.bodies.length }).toEqual({ nq: sizes.nq, nv: sizes.nv, nu: sizes.nu, nbody: sizes.nbody });
    expect(m.option.timestep).toBe(sizes.timestep);
    expect(m.option.integrator).toBe(sizes.integrator);
    // our files carry nothing the loader must skip
    expect(m.ignored).toEqual([]);
    // every motor is limited, as Gymnasium's are (§1.1)
    expect(m.actuators.every((a) => a.ctrlLimited)).toBe(true);
  });

  it('the generated module matches the .xml files', () => {
    for (const name of ROBOT_NAMES) expect(ROBOT_FILES[name]).toBe(readFileSync(join(here, `${name}.xml`), 'utf8'));
    const output = execFileSync(process.execPath, [join(here, 'generate-robot-files.mjs'), '--check'], { encoding: 'utf8' });
    expect(output).toMatch(/up to date/);
  });
});

describe('Hopper (reference §1.5)', () => {
  const m = loadRobot('hopper');
  it('joints, anchors, axes, ranges, damping, armature, gears', () => {
    expect(jointNames(m)).toEqual(['rootx', 'rootz', 'rooty', 'thigh_joint', 'leg_joint', 'foot_joint']);
    expect(motorJoints(m)).toEqual(['thigh_joint', 'leg_joint', 'foot_joint']);
    expect(m.actuators.map((a) => a.gear)).toEqual([200, 200, 200]);
    expect(m.qpos0).toEqual([0, 1.25, 0, 0, 0, 0]);
    for (const joint of m.joints.slice(3)) {
      expect(joint).toMatchObject({ axis: [0, -1, 0], damping: 1, armature: 1, limited: true });
    }
    expect(m.joints[3]!.range[0]).toBeCloseTo(-150 * DEG, 12);
    expect(m.joints[5]!.range[1]).toBeCloseTo(45 * DEG, 12);
    expect(m.joints.slice(0, 3).every((j) => !j.limited && j.armature === 0 && j.damping === 0)).toBe(true);
  });
  it('masses and contacts', () => {
    expect(m.bodies.slice(1).map((b) => b.name)).toEqual(['torso', 'thigh', 'leg', 'foot']);
    expect(m.bodies.slice(1).map((b) => Math.round(b.mass * 1000) / 1000)).toEqual([3.665, 4.058, 2.781, 5.316]);
    expect(total(m)).toBeCloseTo(15.82, 2);
    expect(m.geoms.slice(1).map((g) => g.friction[0])).toEqual([0.9, 0.9, 0.9, 2]);
    expect(m.geoms.slice(1).every((g) => g.condim === 1 && g.contype === 1 && g.conaffinity === 1 && g.margin === 0.001)).toBe(true);
    expect(m.geoms[0]).toMatchObject({ type: 'plane', condim: 3 });
  });
});

describe('Walker2d (reference §1.5)', () => {
  const m = loadRobot('walker2d');
  it('two legs, gear 100, feet friction 1.9, floor-only contacts', () => {
    expect(motorJoints(m)).toEqual(['thigh_joint', 'leg_joint', 'foot_joint', 'thigh_left_joint', 'leg_left_joint', 'foot_left_joint']);
    expect(m.actuators.every((a) => a.gear === 100)).toBe(true);
    expect(m.joints.slice(3).every((j) => j.damping === 0.1 && j.armature === 0.01)).toBe(true);
    expect(total(m)).toBeCloseTo(23.68, 2);
    expect(m.bodies.find((b) => b.name === 'foot_left')!.mass).toBeCloseTo(3.167, 3);
    expect(m.geoms.filter((g) => g.name.startsWith('foot')).map((g) => g.friction[0])).toEqual([1.9, 1.9]);
    expect(m.geoms.slice(1).every((g) => g.conaffinity === 0 && g.contype === 1)).toBe(true);
  });
});

describe('HalfCheetah (reference §1.5)', () => {
  const m = loadRobot('half_cheetah');
  it('14 kg total, joint springs and dampers, gears', () => {
    expect(total(m)).toBeCloseTo(14, 10);
    expect(m.bodies[1]!.mass).toBeCloseTo(6.25, 3);
    expect(m.actuators.map((a) => a.gear)).toEqual([120, 90, 60, 120, 60, 30]);
    expect(m.joints.slice(3).map((j) => [j.stiffness, j.damping])).toEqual([[240, 6], [180, 4.5], [120, 3], [180, 4.5], [120, 3], [60, 1.5]]);
    expect(m.joints[3]!.range).toEqual([-0.52, 1.05]);
    expect(m.joints[3]).toMatchObject({ armature: 0.1, solimpLimit: [0, 0.8, 0.03, 0.5, 2], solrefLimit: [0.02, 1] });
    expect(m.geoms.every((g) => g.friction[0] === 0.4)).toBe(true);
  });
});

describe('Ant (reference §1.5)', () => {
  const m = loadRobot('ant');
  it('free root, hips and ankles, actuator order, density 5', () => {
    expect(m.joints[0]!.type).toBe('free');
    expect(m.qpos0.slice(0, 7)).toEqual([0, 0, 0.75, 1, 0, 0, 0]);
    expect(motorJoints(m)).toEqual(['hip_4', 'ankle_4', 'hip_1', 'ankle_1', 'hip_2', 'ankle_2', 'hip_3', 'ankle_3']);
    expect(m.actuators.every((a) => a.gear === 150)).toBe(true);
    expect(m.bodies[1]!.mass).toBeCloseTo(0.327, 3);
    expect(total(m)).toBeCloseTo(0.911, 3);
    const ankle1 = m.joints.find((j) => j.name === 'ankle_1')!;
    expect(ankle1.axis[0]).toBeCloseTo(-Math.SQRT1_2, 12);
    expect(ankle1.range[0]).toBeCloseTo(30 * DEG, 12);
    expect(m.geoms.slice(1).every((g) => g.margin === 0.01 && g.friction[0] === 1 && g.conaffinity === 0)).toBe(true);
  });
});

describe('Humanoid, Swimmer, Reacher, pendulums, Pusher', () => {
  it('Humanoid: 17 motors with ±0.4 ctrl and the hip–knee tendons', () => {
    const m = loadRobot('humanoid');
    expect(m.actuators.map((a) => a.gear)).toEqual([100, 100, 100, 100, 100, 300, 200, 100, 100, 300, 200, 25, 25, 25, 25, 25, 25]);
    expect(m.actuators.every((a) => a.ctrlRange[0] === -0.4 && a.ctrlRange[1] === 0.4)).toBe(true);
    expect(m.option).toMatchObject({ solver: 'PGS', iterations: 50 });
    expect(m.tendons.map((t) => t.name)).toEqual(['left_hipknee', 'right_hipknee']);
    expect(m.qpos0[2]).toBe(1.4);
    expect(loadRobot('humanoidstandup').qpos0[2]).toBe(0.105);
  });
  it('Swimmer: viscous medium, three links', () => {
    const m = loadRobot('swimmer');
    expect(m.option).toMatchObject({ density: 4000, viscosity: 0.1 });
    expect(jointNames(m)).toEqual(['slider1', 'slider2', 'free_body_rot', 'motor1_rot', 'motor2_rot']);
    expect(m.actuators.every((a) => a.gear === 150)).toBe(true);
  });
  it('Reacher: arm, fingertip and target slides', () => {
    const m = loadRobot('reacher');
    expect(jointNames(m)).toEqual(['joint0', 'joint1', 'target_x', 'target_y']);
    expect(m.bodies.map((b) => b.name)).toContain('fingertip');
    expect(m.joints[1]!.range).toEqual([-3, 3]);
  });
  it('InvertedPendulum gear 100 ctrl ±3; InvertedDoublePendulum gear 500 with a tip site', () => {
    const single = loadRobot('inverted_pendulum');
    expect(single.actuators[0]).toMatchObject({ gear: 100, ctrlRange: [-3, 3] });
    const double = loadRobot('inverted_double_pendulum');
    expect(double.actuators[0]).toMatchObject({ gear: 500, ctrlRange: [-1, 1] });
    expect(double.sites[0]!.name).toBe('tip');
  });
  it('Pusher: 7 arm joints with ctrl ±2, no gravity', () => {
    const m = loadRobot('pusher');
    expect(m.actuators.every((a) => a.ctrlRange[0] === -2 && a.ctrlRange[1] === 2)).toBe(true);
    expect(m.option.gravity).toEqual([0, 0, 0]);
    expect(m.bodies.map((b) => b.name)).toEqual(expect.arrayContaining(['tips_arm', 'object', 'goal']));
  });
});
