// Reads <compiler> and <option> into typed settings with MuJoCo's defaults.
import { AttributeReader } from './attribute-reader.js';
import { COMPILER_SPEC, OPTION_SPEC } from './element-specs.js';
import type { MjcfCompiler, MjcfIgnored, MjcfOption } from './mjcf-model.js';
import type { AngleSettings } from './orientation.js';
import { expectNoChildren, type XmlElement } from './xml-tree.js';

export const DEFAULT_COMPILER: Readonly<MjcfCompiler> = {
  angle: 'degree', eulerSeq: 'xyz', inertiaFromGeom: 'auto', setTotalMass: undefined, autoLimits: true, boundMass: 0, boundInertia: 0,
};

export const DEFAULT_OPTION: Readonly<MjcfOption> = {
  timestep: 0.002, gravity: [0, 0, -9.81], wind: [0, 0, 0], density: 0, viscosity: 0, integrator: 'Euler', solver: 'Newton',
  iterations: 100, tolerance: 1e-8, cone: 'pyramidal', impRatio: 1,
};

/** `base` updated with one <compiler> element's attributes. */
export function readCompiler(element: XmlElement, base: MjcfCompiler, ignored: MjcfIgnored[]): MjcfCompiler {
  expectNoChildren(element);
  const r = AttributeReader.forElement(element, COMPILER_SPEC, ignored);
  r.onlyValue('coordinate', 'local', 'MuJoCo 3 removed global coordinates');
  const inertiaFromGeom = r.choice('inertiafromgeom', ['true', 'false', 'auto'], base.inertiaFromGeom);
  if (inertiaFromGeom === 'false') {
    r.fail('inertiafromgeom', 'only "true" or "auto" is supported (the subset has no <inertial> element)');
  }
  const eulerSeq = r.string('eulerseq') ?? base.eulerSeq;
  if (!/^[xyzXYZ]{3}$/.test(eulerSeq)) r.fail('eulerseq', `expected three of x, y, z, X, Y, Z, received "${eulerSeq}"`);
  const setTotalMass = r.numbers('settotalmass', 1)?.[0];
  return {
    angle: r.choice('angle', ['degree', 'radian'], base.angle),
    eulerSeq,
    inertiaFromGeom,
    // MuJoCo: a non-positive settotalmass means "do not rescale"
    setTotalMass: setTotalMass === undefined ? base.setTotalMass : setTotalMass > 0 ? setTotalMass : undefined,
    autoLimits: r.boolean('autolimits', base.autoLimits),
    boundMass: r.nonNegative('boundmass', base.boundMass),
    boundInertia: r.nonNegative('boundinertia', base.boundInertia),
  };
}

/** `base` updated with one <option> element's attributes. */
export function readOption(element: XmlElement, base: MjcfOption, ignored: MjcfIgnored[]): MjcfOption {
  expectNoChildren(element);
  const r = AttributeReader.forElement(element, OPTION_SPEC, ignored);
  const timestep = r.number('timestep', base.timestep);
  if (!(timestep > 0)) r.fail('timestep', `expected a positive time step, received ${timestep}`);
  const iterations = r.int('iterations', base.iterations);
  if (iterations < 0) r.fail('iterations', `expected a non-negative integer, received ${iterations}`);
  return {
    timestep,
    gravity: r.vec3('gravity', base.gravity),
    wind: r.vec3('wind', base.wind),
    density: r.nonNegative('density', base.density),
    viscosity: r.nonNegative('viscosity', base.viscosity),
    integrator: r.choice('integrator', ['Euler', 'RK4', 'implicit', 'implicitfast'], base.integrator),
    solver: r.choice('solver', ['PGS', 'CG', 'Newton'], base.solver),
    iterations,
    tolerance: r.nonNegative('tolerance', base.tolerance),
    cone: r.choice('cone', ['pyramidal', 'elliptic'], base.cone),
    impRatio: r.nonNegative('impratio', base.impRatio),
  };
}

/** How orientation attributes read angles under these compiler settings. */
export function angleSettings(compiler: MjcfCompiler): AngleSettings {
  return { degree: compiler.angle === 'degree', eulerSeq: compiler.eulerSeq };
}

/** An angle from the XML in radians. */
export function angleToRadians(compiler: MjcfCompiler, value: number): number {
  return compiler.angle === 'degree' ? (value * Math.PI) / 180 : value;
}
