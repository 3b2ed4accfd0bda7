// Contact filtering and parameter mixing, on the Hopper and Walker2d models and on small hand-made cases.
import { describe, expect, it } from 'vitest';
import { loadRobot } from '../robots/robot-models.js';
import { canCollide, contactPairs } from './contact-pairs.js';
import { loadMjcf } from './mjcf-loader.js';

const names = (model: ReturnType<typeof loadMjcf>, pairs: { geom1: number; geom2: number }[]): string[] =>
  pairs.map((p) => `${model.geoms[p.geom1]!.name}-${model.geoms[p.geom2]!.name}`);

describe('contact pairs', () => {
  it('Hopper: the floor touches every part; only non-adjacent robot parts touch each other', () => {
    const m = loadRobot('hopper');
    expect(names(m, contactPairs(m))).toEqual([
      'floor-torso_geom', 'floor-thigh_geom', 'floor-leg_geom', 'floor-foot_geom',
      'torso_geom-leg_geom', 'torso_geom-foot_geom', 'thigh_geom-foot_geom',
    ]);
    const footFloor = contactPairs(m).find((p) => m.geoms[p.geom2]!.name === 'foot_geom' && p.geom1 === 0)!;
    // floor friction default (1, 0.005, 0.0001), foot 2.0 → element-wise max; condim max(3, 1)
    expect(footFloor).toMatchObject({ condim: 3, friction: [2, 0.005, 0.0001], margin: 0.001 });
    // the default class gives the floor the robot's solimp too
    footFloor.solimp.forEach((v, i) => expect(v).toBeCloseTo([0.8, 0.8, 0.01, 0.5, 2][i]!, 12));
  });

  it('Walker2d: robot conaffinity 0 leaves only floor contacts', () => {
    const m = loadRobot('walker2d');
    expect(contactPairs(m).every((p) => p.geom1 === 0)).toBe(true);
    expect(contactPairs(m)).toHaveLength(7);
  });

  it('equal priority mixes solref/solimp by solmix', () => {
    const m = loadMjcf(`<mujoco><worldbody><geom type="plane" size="1 1 1" solmix="3" solref="0.04 1" solimp="0.9 0.95 0.001"/>
      <body><joint/><geom size="0.1" solmix="1" solref="0.02 2" solimp="0.5 0.55 0.005"/></body></worldbody></mujoco>`);
    const pair = contactPairs(m)[0]!;
    // mix = 3 / (3 + 1) = 0.75 towards the floor
    pair.solref.forEach((v, i) => expect(v).toBeCloseTo([0.035, 1.25][i]!, 12));
    pair.solimp.forEach((v, i) => expect(v).toBeCloseTo([0.8, 0.85, 0.002, 0.5, 2][i]!, 12));
  });

  it('priority wins over mixing; exclusions and bitmasks filter', () => {
    const m = loadMjcf(`<mujoco><worldbody><geom name="floor" type="plane" size="1 1 1" priority="1" friction="0.3" condim="1"/>
      <body name="a"><joint/><geom name="ga" size="0.1" friction="0.9" condim="6"/></body>
      <body name="b"><joint/><geom name="gb" size="0.1" contype="2" conaffinity="2"/></body>
      <body name="c"><joint/><geom name="gc" size="0.1"/></body></worldbody>
      <contact><exclude body1="a" body2="c"/></contact></mujoco>`);
    expect(names(m, contactPairs(m))).toEqual(['floor-ga', 'floor-gc']);
    expect(contactPairs(m)[0]).toMatchObject({ condim: 1, friction: [0.3, 0.005, 0.0001] });
    expect(canCollide(m, 1, 3)).toBe(false);
    expect(canCollide(m, 0, 2)).toBe(false);
  });
});
