// Geom volumes/inertias and the per-body combination, checked against textbook formulas worked out by hand.
import { describe, expect, it } from 'vitest';
import { combineMassProperties, geomInertia, geomVolume } from './mass-properties.js';
import { loadMjcf } from './mjcf-loader.js';
import { quatRotate } from './math3d.js';

describe('geom volume and inertia', () => {
  it('sphere: V = 4/3 π r³, I = 2/5 m r²', () => {
    expect(geomVolume('sphere', [0.1])).toBeCloseTo((4 / 3) * Math.PI * 1e-3, 15);
    expect(geomInertia('sphere', [0.1], 2)).toEqual([0.008, 0.008, 0.008].map((v) => expect.closeTo(v, 15)));
  });

  it('box and ellipsoid use half-sizes', () => {
    expect(geomVolume('box', [0.1, 0.2, 0.3])).toBeCloseTo(8 * 0.006, 15);
    // box of full sides 0.2 × 0.4 × 0.6, m = 3: Ixx = m (0.4² + 0.6²) / 12
    const box = geomInertia('box', [0.1, 0.2, 0.3], 3);
    expect(box[0]).toBeCloseTo((3 * (0.16 + 0.36)) / 12, 14);
    expect(box[2]).toBeCloseTo((3 * (0.04 + 0.16)) / 12, 14);
    expect(geomVolume('ellipsoid', [0.1, 0.2, 0.3])).toBeCloseTo((4 / 3) * Math.PI * 0.006, 15);
    expect(geomInertia('ellipsoid', [0.1, 0.2, 0.3], 5)[1]).toBeCloseTo((5 * (0.01 + 0.09)) / 5, 14);
  });

  it('cylinder: I⊥ = m (3r² + h²)/12, I∥ = m r²/2 with h the full length', () => {
    const [transverse, , axial] = geomInertia('cylinder', [0.1, 0.5], 2);
    expect(transverse).toBeCloseTo((2 * (3 * 0.01 + 1)) / 12, 14);
    expect(axial).toBeCloseTo(0.01, 14);
  });

  it('capsule: a cylinder plus two hemispheres shifted by the parallel-axis theorem', () => {
    const r = 0.05;
    const half = 0.2;
    const h = 2 * half;
    const density = 1000;
    const cylinderMass = density * Math.PI * r * r * h;
    const sphereMass = density * (4 / 3) * Math.PI * r ** 3;
    expect(geomVolume('capsule', [r, half]) * density).toBeCloseTo(cylinderMass + sphereMass, 12);
    // A hemisphere (mass m/2) about a diameter of its flat face: 2/5 (m/2) r²; its COM sits 3r/8 from the face.
    // About the capsule centre (face at h/2): 2/5 (m/2) r² − (m/2)(3r/8)² + (m/2)(h/2 + 3r/8)².
    const hemisphere = (m: number): number => (2 / 5) * m * r * r - m * (3 * r / 8) ** 2 + m * (h / 2 + (3 * r) / 8) ** 2;
    const transverse = (cylinderMass * (3 * r * r + h * h)) / 12 + 2 * hemisphere(sphereMass / 2);
    const axial = (cylinderMass * r * r) / 2 + (2 / 5) * sphereMass * r * r;
    const inertia = geomInertia('capsule', [r, half], cylinderMass + sphereMass);
    expect(inertia[0]).toBeCloseTo(transverse, 12);
    expect(inertia[1]).toBeCloseTo(transverse, 12);
    expect(inertia[2]).toBeCloseTo(axial, 12);
  });
});

describe('body mass properties', () => {
  it('one geom: its frame is the inertial frame', () => {
    const p = combineMassProperties([{ mass: 2, inertia: [3, 2, 1], pos: [1, 2, 3], quat: [0, 0, 0, 1] }]);
    expect(p.mass).toBe(2);
    expect(p.com).toEqual([1, 2, 3]);
    expect(p.principalInertia).toEqual([3, 2, 1]);
  });

  it('two equal spheres at ±d on x: COM at 0, parallel-axis terms on y and z, moments sorted decreasing', () => {
    const m = 2;
    const i0 = 0.01;
    const d = 0.5;
    const p = combineMassProperties([
      { mass: m, inertia: [i0, i0, i0], pos: [d, 0, 0], quat: [0, 0, 0, 1] },
      { mass: m, inertia: [i0, i0, i0], pos: [-d, 0, 0], quat: [0, 0, 0, 1] },
    ]);
    expect(p.mass).toBe(4);
    expect(p.com).toEqual([0, 0, 0]);
    expect(p.inertiaTensor).toEqual([2 * i0, 2 * (i0 + m * d * d), 2 * (i0 + m * d * d), 0, 0, 0]);
    expect(p.principalInertia[0]).toBeCloseTo(2 * (i0 + m * d * d), 14);
    expect(p.principalInertia[1]).toBeCloseTo(2 * (i0 + m * d * d), 14);
    expect(p.principalInertia[2]).toBeCloseTo(2 * i0, 14);
    // The smallest moment's principal axis (third column of the frame) is the x axis.
    const third = quatRotate(p.inertiaQuat, [0, 0, 1]);
    expect(Math.abs(third[0])).toBeCloseTo(1, 12);
  });

  it('an off-diagonal product of inertia appears for masses off the axes', () => {
    const p = combineMassProperties([
      { mass: 1, inertia: [0, 0, 0], pos: [1, 1, 0], quat: [0, 0, 0, 1] },
      { mass: 1, inertia: [0, 0, 0], pos: [-1, -1, 0], quat: [0, 0, 0, 1] },
    ]);
    // Σ −m x y = −2; the principal moments of [[2,-2,0],[-2,2,0],[0,0,4]] are 4, 4, 0.
    expect(p.inertiaTensor[3]).toBe(-2);
    expect(p.principalInertia.map((v) => Math.round(v * 1e12) / 1e12)).toEqual([4, 4, 0]);
  });

  it('explicit geom mass overrides density; settotalmass rescales every body', () => {
    const model = loadMjcf(`<mujoco><compiler settotalmass="10"/><worldbody>
      <body name="a"><joint type="slide"/><geom type="sphere" size="0.1" mass="3"/></body>
      <body name="b"><joint type="slide"/><geom type="sphere" size="0.1" mass="1"/></body>
    </worldbody></mujoco>`);
    expect(model.bodies[1]!.mass).toBeCloseTo(7.5, 12);
    expect(model.bodies[2]!.mass).toBeCloseTo(2.5, 12);
    expect(model.bodies[1]!.principalInertia[0]).toBeCloseTo((2 / 5) * 7.5 * 0.01, 12);
    expect(model.geoms[0]!.density).toBeCloseTo(3 / ((4 / 3) * Math.PI * 1e-3), 9);
  });

  it('world geoms carry no mass; density 1000 is the default', () => {
    const model = loadMjcf(`<mujoco><worldbody><geom type="sphere" size="1"/>
      <body><joint/><geom type="box" size="0.1 0.1 0.1"/></body></worldbody></mujoco>`);
    expect(model.geoms[0]!.mass).toBe(0);
    expect(model.bodies[1]!.mass).toBeCloseTo(8, 12);
  });
});
