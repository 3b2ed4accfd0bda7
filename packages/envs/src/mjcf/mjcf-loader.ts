// Compiles MJCF text (the subset in docs/mjcf.md) into a typed MjcfModel, following MuJoCo's compiler rules.
import type { GeomType, Quat, Rgba, Vec3 } from '../core/scene.js';
import { AttributeReader, type AttributeSpec } from './attribute-reader.js';
import { DefaultClasses, MAIN_CLASS } from './default-classes.js';
import {
  BODY_SPEC, COMPILER_SPEC, EXCLUDE_SPEC, FIXED_TENDON_SPEC, FREEJOINT_SPEC, GEOM_SPEC, IGNORED_IN_BODY,
  IGNORED_TOP_LEVEL, JOINT_SPEC, MOTOR_SPEC, MUJOCO_SPEC, OPTION_SPEC, SITE_SPEC, TENDON_JOINT_SPEC,
} from './element-specs.js';
import { combineMassProperties, geomInertia, geomVolume, scaleMassProperties } from './mass-properties.js';
import { IDENTITY_QUAT, norm3, quatMultiply, quatRotate, quatZToVector } from './math3d.js';
import { MjcfError } from './mjcf-error.js';
import type {
  MjcfActuator, MjcfBody, MjcfCompiler, MjcfContactExclusion, MjcfFixedTendon, MjcfGeom, MjcfIgnored, MjcfJoint,
  MjcfJointType, MjcfModel, MjcfOption, MjcfSite, MjcfSiteType,
} from './mjcf-model.js';
import { readOrientation, type AngleSettings } from './orientation.js';
import { parseXmlTree, type XmlElement } from './xml-tree.js';

const GEOM_TYPES: readonly GeomType[] = ['plane', 'sphere', 'capsule', 'cylinder', 'box', 'ellipsoid'];
const SITE_TYPES: readonly MjcfSiteType[] = ['sphere', 'capsule', 'ellipsoid', 'cylinder', 'box'];
/** How many size entries each type uses (MuJoCo `mjGEOMINFO`, plane keeps its 3). */
const SIZE_ARITY: Record<GeomType, number> = { plane: 3, sphere: 1, capsule: 2, cylinder: 2, box: 3, ellipsoid: 3 };
const DEFAULT_RGBA: Rgba = [0.5, 0.5, 0.5, 1];
const DEFAULT_SOLREF = [0.02, 1] as const;
const DEFAULT_SOLIMP = [0.9, 0.95, 0.001, 0.5, 2] as const;
const TOP_LEVEL_SECTIONS = ['compiler', 'option', 'default', 'worldbody', 'actuator', 'tendon', 'contact'];

/** Parses and compiles an MJCF document. Throws MjcfError (element, attribute, line) on bad or unsupported input. */
export function loadMjcf(xml: string): MjcfModel {
  return new MjcfCompilerRun(parseXmlTree(xml)).run();
}

class MjcfCompilerRun {
  private readonly ignored: MjcfIgnored[] = [];
  private readonly defaults = new DefaultClasses();
  private compiler: MjcfCompiler = {
    angle: 'degree', eulerSeq: 'xyz', inertiaFromGeom: 'auto', setTotalMass: undefined, autoLimits: true, boundMass: 0, boundInertia: 0,
  };
  private option: MjcfOption = {
    timestep: 0.002, gravity: [0, 0, -9.81], wind: [0, 0, 0], density: 0, viscosity: 0, integrator: 'Euler', solver: 'Newton',
    iterations: 100, tolerance: 1e-8, cone: 'pyramidal', impRatio: 1,
  };
  private readonly bodies: MjcfBody[] = [];
  private readonly joints: MjcfJoint[] = [];
  private readonly geoms: MjcfGeom[] = [];
  private readonly sites: MjcfSite[] = [];
  private readonly actuators: MjcfActuator[] = [];
  private readonly tendons: MjcfFixedTendon[] = [];
  private readonly exclusions: MjcfContactExclusion[] = [];
  private nq = 0;
  private nv = 0;

  constructor(private readonly root: XmlElement) {}

  run(): MjcfModel {
    if (this.root.name !== 'mujoco') {
      throw new MjcfError({ element: this.root.name, line: this.root.line }, 'expected the root element <mujoco>');
    }
    const rootReader = AttributeReader.forElement(this.root, MUJOCO_SPEC, this.ignored);
    const sections = new Map<string, XmlElement[]>();
    for (const child of this.root.children) {
      if ((IGNORED_TOP_LEVEL as readonly string[]).includes(child.name)) {
        this.ignored.push({ element: child.name, attribute: undefined, line: child.line });
      } else if (TOP_LEVEL_SECTIONS.includes(child.name)) {
        sections.set(child.name, [...(sections.get(child.name) ?? []), child]);
      } else {
        throw new MjcfError(
          { element: child.name, line: child.line },
          `unsupported element in <mujoco>; expected one of: ${[...TOP_LEVEL_SECTIONS, ...IGNORED_TOP_LEVEL].join(', ')}`,
        );
      }
    }
    // Compiler settings, options and defaults apply to the whole file whatever their position (as in MuJoCo).
    for (const element of sections.get('compiler') ?? []) this.readCompiler(element);
    for (const element of sections.get('option') ?? []) this.readOption(element);
    const defaults = sections.get('default') ?? [];
    if (defaults.length > 1) {
      throw new MjcfError({ element: 'default', line: defaults[1]!.line }, 'only one top-level <default> is allowed');
    }
    for (const element of defaults) this.defaults.addTopLevel(element, this.ignored);
    const worldbodies = sections.get('worldbody') ?? [];
    this.addWorld(worldbodies);
    for (const element of sections.get('tendon') ?? []) this.readTendons(element);
    for (const element of sections.get('actuator') ?? []) this.readActuators(element);
    for (const element of sections.get('contact') ?? []) this.readContact(element);
    this.compileMass();
    return {
      name: rootReader.string('model') ?? '',
      compiler: this.compiler,
      option: this.option,
      bodies: this.bodies,
      joints: this.joints,
      geoms: this.geoms,
      sites: this.sites,
      actuators: this.actuators,
      tendons: this.tendons,
      contactExclusions: this.exclusions,
      nq: this.nq,
      nv: this.nv,
      nu: this.actuators.length,
      qpos0: this.qpos0(),
      ignored: this.ignored,
    };
  }

  // ---------------------------------------------------------------- settings

  private readCompiler(element: XmlElement): void {
    this.noChildren(element);
    const r = AttributeReader.forElement(element, COMPILER_SPEC, this.ignored);
    r.onlyValue('coordinate', 'local', 'MuJoCo 3 removed global coordinates');
    const inertiaFromGeom = r.choice('inertiafromgeom', ['true', 'false', 'auto'], this.compiler.inertiaFromGeom);
    if (inertiaFromGeom === 'false') {
      r.fail('inertiafromgeom', 'only "true" or "auto" is supported (the subset has no <inertial> element)');
    }
    const eulerSeq = r.string('eulerseq') ?? this.compiler.eulerSeq;
    if (!/^[xyzXYZ]{3}$/.test(eulerSeq)) r.fail('eulerseq', `expected three of x, y, z, X, Y, Z, received "${eulerSeq}"`);
    const setTotalMass = r.numbers('settotalmass', 1)?.[0];
    this.compiler = {
      angle: r.choice('angle', ['degree', 'radian'], this.compiler.angle),
      eulerSeq,
      inertiaFromGeom,
      setTotalMass: setTotalMass === undefined ? this.compiler.setTotalMass : setTotalMass > 0 ? setTotalMass : undefined,
      autoLimits: r.boolean('autolimits', this.compiler.autoLimits),
      boundMass: r.number('boundmass', this.compiler.boundMass),
      boundInertia: r.number('boundinertia', this.compiler.boundInertia),
    };
  }

  private readOption(element: XmlElement): void {
    this.noChildren(element);
    const r = AttributeReader.forElement(element, OPTION_SPEC, this.ignored);
    const o = this.option;
    const timestep = r.number('timestep', o.timestep);
    if (!(timestep > 0)) r.fail('timestep', `expected a positive time step, received ${timestep}`);
    const iterations = r.int('iterations', o.iterations);
    if (iterations < 0) r.fail('iterations', `expected a non-negative integer, received ${iterations}`);
    for (const name of ['density', 'viscosity'] as const) {
      if (r.number(name, 0) < 0) r.fail(name, `expected a non-negative value, received ${r.number(name, 0)}`);
    }
    this.option = {
      timestep,
      gravity: r.vec3('gravity', o.gravity),
      wind: r.vec3('wind', o.wind),
      density: r.number('density', o.density),
      viscosity: r.number('viscosity', o.viscosity),
      integrator: r.choice('integrator', ['Euler', 'RK4', 'implicit', 'implicitfast'], o.integrator),
      solver: r.choice('solver', ['PGS', 'CG', 'Newton'], o.solver),
      iterations,
      tolerance: r.number('tolerance', o.tolerance),
      cone: r.choice('cone', ['pyramidal', 'elliptic'], o.cone),
      impRatio: r.number('impratio', o.impRatio),
    };
  }

  private get angles(): AngleSettings {
    return { degree: this.compiler.angle === 'degree', eulerSeq: this.compiler.eulerSeq };
  }

  private toRadians(value: number): number {
    return this.compiler.angle === 'degree' ? (value * Math.PI) / 180 : value;
  }

  // ---------------------------------------------------------------- bodies

  private addWorld(worldbodies: XmlElement[]): void {
    const world: MjcfBody = this.newBody(0, 'world', -1, [0, 0, 0], [...IDENTITY_QUAT], 0);
    this.bodies.push(world);
    for (const element of worldbodies) {
      AttributeReader.forElement(element, { supported: [] }, this.ignored);
      this.readBodyContent(element, world, MAIN_CLASS, true);
    }
  }

  private newBody(id: number, name: string, parent: number, pos: Vec3, quat: Quat, line: number): MjcfBody {
    return {
      id, name, parent, children: [], pos, quat, joints: [], geoms: [], sites: [], line,
      mass: 0, com: [0, 0, 0], principalInertia: [0, 0, 0], inertiaQuat: [...IDENTITY_QUAT], inertiaTensor: [0, 0, 0, 0, 0, 0],
    };
  }

  /** Reads a body's own joints, geoms and sites first, then its child bodies (MuJoCo's id order). */
  private readBodyContent(element: XmlElement, body: MjcfBody, childClass: string, isWorld: boolean): void {
    const childBodies: XmlElement[] = [];
    for (const child of element.children) {
      switch (child.name) {
        case 'body':
          childBodies.push(child);
          break;
        case 'geom':
          this.readGeom(child, body, childClass);
          break;
        case 'site':
          this.readSite(child, body, childClass);
          break;
        case 'joint':
        case 'freejoint':
          if (isWorld) throw new MjcfError({ element: child.name, line: child.line }, 'joints are not allowed in <worldbody>');
          this.readJoint(child, body, childClass);
          break;
        default:
          if ((IGNORED_IN_BODY as readonly string[]).includes(child.name)) {
            this.ignored.push({ element: child.name, attribute: undefined, line: child.line });
            break;
          }
          throw new MjcfError(
            { element: child.name, line: child.line },
            `unsupported element in <${element.name}>; expected one of: body, geom, joint, freejoint, site, ${IGNORED_IN_BODY.join(', ')}`,
          );
      }
    }
    for (const child of childBodies) this.readBody(child, body, childClass);
  }

  private readBody(element: XmlElement, parent: MjcfBody, inheritedClass: string): void {
    const r = AttributeReader.forElement(element, BODY_SPEC, this.ignored);
    r.onlyValue('mocap', 'false', 'mocap bodies are outside the subset');
    if (r.has('gravcomp') && r.number('gravcomp', 0) !== 0) r.fail('gravcomp', `only 0 is supported, received ${r.string('gravcomp')}`);
    const childClass = r.string('childclass') ?? inheritedClass;
    if (!this.defaults.has(childClass)) r.fail('childclass', `unknown default class "${childClass}"`);
    const body = this.newBody(
      this.bodies.length,
      r.string('name') ?? '',
      parent.id,
      r.vec3('pos', [0, 0, 0]),
      readOrientation(r, this.angles) ?? [...IDENTITY_QUAT],
      element.line,
    );
    if (body.name !== '' && this.bodies.some((b) => b.name === body.name)) r.fail('name', `duplicate body name "${body.name}"`);
    this.bodies.push(body);
    parent.children.push(body.id);
    this.readBodyContent(element, body, childClass, false);
  }

  /** The element's reader with its default class applied (explicit `class`, else the inherited childclass). */
  private readWithClass(element: XmlElement, spec: AttributeSpec, kind: string, inheritedClass: string): AttributeReader {
    const own = AttributeReader.forElement(element, spec, this.ignored);
    const className = own.string('class') ?? inheritedClass;
    if (!this.defaults.has(className)) own.fail('class', `unknown default class "${className}"`);
    return own.withDefaults(this.defaults.lookup(className, kind));
  }

  // ---------------------------------------------------------------- joints

  private readJoint(element: XmlElement, body: MjcfBody, inheritedClass: string): void {
    const isFreeElement = element.name === 'freejoint';
    this.noChildren(element);
    const r = isFreeElement
      ? AttributeReader.forElement(element, FREEJOINT_SPEC, this.ignored)
      : this.readWithClass(element, JOINT_SPEC, 'joint', inheritedClass);
    const type: MjcfJointType = isFreeElement ? 'free' : r.choice('type', ['free', 'ball', 'slide', 'hinge'], 'hinge');
    const name = r.string('name') ?? '';
    if (name !== '' && this.joints.some((j) => j.name === name)) r.fail('name', `duplicate joint name "${name}"`);

    let axis: Vec3 = r.vec3('axis', [0, 0, 1]);
    const axisLength = norm3(axis);
    if (axisLength < 1e-14) r.fail('axis', 'axis has zero length');
    axis = type === 'free' || type === 'ball' ? [0, 0, 1] : [axis[0] / axisLength, axis[1] / axisLength, axis[2] / axisLength];

    const rawRange = r.pair('range', [0, 0]);
    const limitedFlag = r.flag('limited');
    const limited = this.resolveLimited(r, 'limited', 'range', limitedFlag, rawRange, type === 'free');
    if (limited && type === 'free') r.fail('limited', 'a free joint cannot be limited');
    if (limited && type !== 'ball' && !(rawRange[0] < rawRange[1])) {
      r.fail('range', `expected range[0] < range[1] on a limited joint, received [${rawRange.join(', ')}]`);
    }
    if (limited && type === 'ball' && rawRange[0] !== 0) {
      r.fail('range', `a ball joint's range must start at 0, received [${rawRange.join(', ')}]`);
    }
    const angular = type === 'hinge' || type === 'ball';
    const range: [number, number] = angular ? [this.toRadians(rawRange[0]), this.toRadians(rawRange[1])] : rawRange;
    const hingeAngle = (value: number): number => (type === 'hinge' ? this.toRadians(value) : value);

    const joint: MjcfJoint = {
      id: this.joints.length,
      name,
      type,
      body: body.id,
      pos: type === 'free' ? [0, 0, 0] : r.vec3('pos', [0, 0, 0]),
      axis,
      limited,
      range,
      damping: this.nonNegative(r, 'damping'),
      stiffness: this.nonNegative(r, 'stiffness'),
      springRef: hingeAngle(r.number('springref', 0)),
      armature: this.nonNegative(r, 'armature'),
      frictionLoss: this.nonNegative(r, 'frictionloss'),
      ref: hingeAngle(r.number('ref', 0)),
      margin: r.number('margin', 0),
      solrefLimit: r.padded('solreflimit', DEFAULT_SOLREF, 2),
      solimpLimit: r.padded('solimplimit', DEFAULT_SOLIMP, 3),
      qposAddress: this.nq,
      dofAddress: this.nv,
      line: element.line,
    };
    if (type === 'free' && body.parent !== 0) {
      throw new MjcfError({ element: element.name, line: element.line }, 'a free joint is only supported on a child of <worldbody>');
    }
    this.nq += type === 'free' ? 7 : type === 'ball' ? 4 : 1;
    this.nv += type === 'free' ? 6 : type === 'ball' ? 3 : 1;
    this.joints.push(joint);
    body.joints.push(joint.id);
  }

  /** MuJoCo's rule for `limited`/`ctrllimited`: explicit true/false, or auto = autolimits and range[0] < range[1]. */
  private resolveLimited(
    r: AttributeReader, flagName: string, rangeName: string, flag: 'true' | 'false' | 'auto', range: [number, number], never: boolean,
  ): boolean {
    if (never && flag !== 'true') return false;
    if (flag === 'true') return true;
    if (flag === 'false') return false;
    const hasRange = !(range[0] === 0 && range[1] === 0);
    if (!this.compiler.autoLimits && hasRange) {
      r.fail(rangeName, `"${rangeName}" is given without "${flagName}" while compiler autolimits is false; set "${flagName}" explicitly`);
    }
    return range[0] < range[1];
  }

  private nonNegative(r: AttributeReader, name: string): number {
    const value = r.number(name, 0);
    if (value < 0) r.fail(name, `expected a non-negative value, received ${value}`);
    return value;
  }

  // ---------------------------------------------------------------- geoms and sites

  private readGeom(element: XmlElement, body: MjcfBody, inheritedClass: string): void {
    this.noChildren(element);
    const r = this.readWithClass(element, GEOM_SPEC, 'geom', inheritedClass);
    const type = r.choice('type', GEOM_TYPES, 'sphere');
    r.onlyValue('fluidshape', 'none', 'fluid forces use MuJoCo\'s default inertia-box model');
    r.onlyValue('shellinertia', 'false', 'only solid inertia is supported');
    const size = r.padded('size', [0, 0, 0], 1);
    let pos = r.vec3('pos', [0, 0, 0]);
    let quat = readOrientation(r, this.angles) ?? [...IDENTITY_QUAT];

    const fromto = r.numbers('fromto', 6);
    if (fromto) {
      if (type !== 'capsule' && type !== 'cylinder' && type !== 'box' && type !== 'ellipsoid') {
        r.fail('fromto', `fromto needs a capsule, cylinder, box or ellipsoid, received type "${type}"`);
      }
      if (pos[0] !== 0 || pos[1] !== 0 || pos[2] !== 0) r.fail('pos', 'both pos and fromto are given');
      const vec: Vec3 = [fromto[0]! - fromto[3]!, fromto[1]! - fromto[4]!, fromto[2]! - fromto[5]!];
      const half = norm3(vec) / 2;
      if (half < 1e-14) r.fail('fromto', 'the two points coincide');
      if (type === 'box' || type === 'ellipsoid') {
        size[2] = half;
        size[1] = size[0]!;
      } else {
        size[1] = half;
      }
      pos = [(fromto[0]! + fromto[3]!) / 2, (fromto[1]! + fromto[4]!) / 2, (fromto[2]! + fromto[5]!) / 2];
      quat = quatZToVector(vec);
    } else if ((type === 'capsule' || type === 'cylinder') && !r.has('size')) {
      r.fail(undefined, `a ${type} needs "size" (radius half-length) or "fromto"`);
    }
    this.checkGeomSize(r, type, size);
    const condim = r.int('condim', 3);
    if (![1, 3, 4, 6].includes(condim)) r.fail('condim', `expected 1, 3, 4 or 6, received ${condim}`);
    const group = r.int('group', 0);

    // Mass: only moving bodies infer inertia; explicit mass overrides density (density = mass / volume).
    const volume = geomVolume(type, size);
    let density = this.nonNegative(r, 'density') || (r.has('density') ? 0 : 1000);
    let mass = 0;
    const infers = body.id > 0 && group >= 0 && group <= 5;
    if (r.has('mass')) {
      const explicit = this.nonNegative(r, 'mass');
      if (explicit === 0) density = 0;
      else if (volume > 1e-14) {
        density = explicit / volume;
        if (infers) mass = explicit;
      }
    } else if (infers) {
      mass = density * volume;
    }
    if (type === 'plane' && body.id !== 0 && this.hasJointOnPath(body)) {
      r.fail('type', 'a plane is only allowed in the world or a body without joints');
    }
    const geom: MjcfGeom = {
      id: this.geoms.length,
      name: r.string('name') ?? '',
      type,
      body: body.id,
      size: size.slice(0, SIZE_ARITY[type]),
      pos,
      quat,
      friction: r.padded('friction', [1, 0.005, 0.0001], 1) as Vec3,
      contype: r.int('contype', 1),
      conaffinity: r.int('conaffinity', 1),
      condim,
      priority: r.int('priority', 0),
      margin: r.number('margin', 0),
      gap: r.number('gap', 0),
      solmix: r.number('solmix', 1),
      solref: r.padded('solref', DEFAULT_SOLREF, 2),
      solimp: r.padded('solimp', DEFAULT_SOLIMP, 3),
      rgba: r.numbers('rgba', 4) as Rgba | undefined ?? [...DEFAULT_RGBA],
      density,
      mass,
      inertia: mass > 0 ? geomInertia(type, size, mass) : [0, 0, 0],
      group,
      line: element.line,
    };
    this.geoms.push(geom);
    body.geoms.push(geom.id);
  }

  private checkGeomSize(r: AttributeReader, type: GeomType, size: number[]): void {
    if (type === 'plane') {
      if (!(size[2]! > 0)) r.fail('size', `a plane needs a positive third size (grid spacing), received [${size.join(', ')}]`);
      if (size[0]! < 0 || size[1]! < 0) r.fail('size', `plane half-sizes must be >= 0 (0 = infinite), received [${size.join(', ')}]`);
      return;
    }
    for (let i = 0; i < SIZE_ARITY[type]; i++) {
      if (!(size[i]! > 0)) {
        r.fail(r.has('size') ? 'size' : undefined, `a ${type} needs ${SIZE_ARITY[type]} positive size value(s), received [${size.slice(0, SIZE_ARITY[type]).join(', ')}]`);
      }
    }
  }

  private hasJointOnPath(body: MjcfBody): boolean {
    for (let b: MjcfBody | undefined = body; b && b.id !== 0; b = this.bodies[b.parent]) {
      if (b.joints.length > 0) return true;
    }
    return false;
  }

  private readSite(element: XmlElement, body: MjcfBody, inheritedClass: string): void {
    this.noChildren(element);
    const r = this.readWithClass(element, SITE_SPEC, 'site', inheritedClass);
    const type = r.choice('type', SITE_TYPES, 'sphere');
    const size = r.padded('size', [0.005, 0.005, 0.005], 1);
    const site: MjcfSite = {
      id: this.sites.length,
      name: r.string('name') ?? '',
      type,
      body: body.id,
      size: size.slice(0, type === 'sphere' ? 1 : type === 'capsule' || type === 'cylinder' ? 2 : 3),
      pos: r.vec3('pos', [0, 0, 0]),
      quat: readOrientation(r, this.angles) ?? [...IDENTITY_QUAT],
      rgba: (r.numbers('rgba', 4) as Rgba | undefined) ?? [...DEFAULT_RGBA],
      line: element.line,
    };
    this.sites.push(site);
    body.sites.push(site.id);
  }

  // ---------------------------------------------------------------- tendons, actuators, contacts

  private readTendons(section: XmlElement): void {
    AttributeReader.forElement(section, { supported: [] }, this.ignored);
    for (const element of section.children) {
      if (element.name !== 'fixed') {
        throw new MjcfError({ element: element.name, line: element.line }, 'unsupported tendon; expected <fixed>');
      }
      const r = this.readWithClass(element, FIXED_TENDON_SPEC, 'tendon', MAIN_CLASS);
      const terms: { joint: number; coef: number }[] = [];
      for (const child of element.children) {
        if (child.name !== 'joint') {
          throw new MjcfError({ element: child.name, line: child.line }, 'unsupported element in <fixed>; expected <joint>');
        }
        this.noChildren(child);
        const jr = AttributeReader.forElement(child, TENDON_JOINT_SPEC, this.ignored);
        const jointName = jr.required('joint');
        if (!jr.has('coef')) jr.fail(undefined, 'missing required attribute "coef"');
        const joint = this.joints.find((j) => j.name === jointName) ?? jr.fail('joint', `unknown joint "${jointName}"`);
        if (joint.type !== 'hinge' && joint.type !== 'slide') jr.fail('joint', `a fixed tendon needs a hinge or slide joint, "${jointName}" is ${joint.type}`);
        terms.push({ joint: joint.id, coef: jr.number('coef', 1) });
      }
      if (terms.length === 0) r.fail(undefined, 'a fixed tendon needs at least one <joint>');
      const range = r.pair('range', [0, 0]);
      const limited = this.resolveLimited(r, 'limited', 'range', r.flag('limited'), range, false);
      if (limited && !(range[0] < range[1])) r.fail('range', `expected range[0] < range[1], received [${range.join(', ')}]`);
      const springLength = r.numbers('springlength', 1, 2);
      if (springLength && springLength.length === 2 && springLength[0] !== springLength[1]) {
        r.fail('springlength', 'a dead-band spring (two different lengths) is outside the subset');
      }
      this.tendons.push({
        id: this.tendons.length,
        name: r.string('name') ?? '',
        joints: terms,
        limited,
        range,
        stiffness: this.nonNegative(r, 'stiffness'),
        damping: this.nonNegative(r, 'damping'),
        frictionLoss: this.nonNegative(r, 'frictionloss'),
        springLength: springLength === undefined || springLength[0] === -1 ? undefined : springLength[0],
        margin: r.number('margin', 0),
        solrefLimit: r.padded('solreflimit', DEFAULT_SOLREF, 2),
        solimpLimit: r.padded('solimplimit', DEFAULT_SOLIMP, 3),
        line: element.line,
      });
    }
  }

  private readActuators(section: XmlElement): void {
    AttributeReader.forElement(section, { supported: [] }, this.ignored);
    for (const element of section.children) {
      if (element.name !== 'motor') {
        throw new MjcfError({ element: element.name, line: element.line }, 'unsupported actuator; expected <motor>');
      }
      this.noChildren(element);
      const r = this.readWithClass(element, MOTOR_SPEC, 'motor', MAIN_CLASS);
      for (const other of ['tendon', 'site'] as const) {
        if (r.has(other)) r.fail(other, 'only joint transmission is supported; use "joint"');
      }
      const jointName = r.required('joint');
      const joint = this.joints.find((j) => j.name === jointName) ?? r.fail('joint', `unknown joint "${jointName}"`);
      if (joint.type !== 'hinge' && joint.type !== 'slide') {
        r.fail('joint', `a motor needs a hinge or slide joint, "${jointName}" is ${joint.type}`);
      }
      const gear = r.padded('gear', [1, 0, 0, 0, 0, 0], 1);
      const ctrlRange = r.pair('ctrlrange', [0, 0]);
      const ctrlLimited = this.resolveLimited(r, 'ctrllimited', 'ctrlrange', r.flag('ctrllimited'), ctrlRange, false);
      if (ctrlLimited && !(ctrlRange[0] < ctrlRange[1])) {
        r.fail('ctrlrange', `expected ctrlrange[0] < ctrlrange[1] on a limited motor, received [${ctrlRange.join(', ')}]`);
      }
      const forceRange = r.pair('forcerange', [0, 0]);
      const forceLimited = this.resolveLimited(r, 'forcelimited', 'forcerange', r.flag('forcelimited'), forceRange, false);
      if (forceLimited && !(forceRange[0] < forceRange[1])) {
        r.fail('forcerange', `expected forcerange[0] < forcerange[1], received [${forceRange.join(', ')}]`);
      }
      this.actuators.push({
        id: this.actuators.length,
        name: r.string('name') ?? '',
        type: 'motor',
        joint: joint.id,
        gear: gear[0]!,
        ctrlLimited,
        ctrlRange,
        forceLimited,
        forceRange,
        line: element.line,
      });
    }
  }

  private readContact(section: XmlElement): void {
    AttributeReader.forElement(section, { supported: [] }, this.ignored);
    for (const element of section.children) {
      if (element.name !== 'exclude') {
        throw new MjcfError({ element: element.name, line: element.line }, 'unsupported contact element; expected <exclude>');
      }
      this.noChildren(element);
      const r = AttributeReader.forElement(element, EXCLUDE_SPEC, this.ignored);
      const ids = (['body1', 'body2'] as const).map((attribute) => {
        const name = r.required(attribute);
        const body = this.bodies.find((b) => b.name === name) ?? r.fail(attribute, `unknown body "${name}"`);
        return body.id;
      });
      this.exclusions.push({ body1: ids[0]!, body2: ids[1]!, line: element.line });
    }
  }

  // ---------------------------------------------------------------- compile

  private compileMass(): void {
    for (const body of this.bodies) {
      if (body.id === 0) continue;
      const properties = combineMassProperties(body.geoms.map((id) => this.geoms[id]!));
      properties.mass = Math.max(properties.mass, this.compiler.boundMass);
      properties.principalInertia = properties.principalInertia.map((v) => Math.max(v, this.compiler.boundInertia)) as Vec3;
      Object.assign(body, properties);
    }
    for (const body of this.bodies) {
      if (body.joints.length > 0 && !this.hasValidMass(body)) {
        throw new MjcfError(
          { element: 'body', line: body.line },
          `moving body "${body.name}" needs positive mass and inertia (from its geoms or a joint-less child's)`,
        );
      }
    }
    const target = this.compiler.setTotalMass;
    if (target !== undefined) {
      const total = this.bodies.reduce((sum, b) => sum + b.mass, 0);
      const scale = Math.max(1e-15, target / Math.max(1e-15, total));
      for (const body of this.bodies) if (body.id > 0) scaleMassProperties(body, scale);
    }
  }

  /** MuJoCo `CheckBodyMassInertia`: the body, or a joint-less descendant welded to it, has mass and inertia ≥ 1e-15. */
  private hasValidMass(body: MjcfBody): boolean {
    const MIN = 1e-15;
    if (body.mass >= MIN && body.principalInertia.every((v) => v >= MIN)) return true;
    return body.children.some((id) => {
      const child = this.bodies[id]!;
      return child.joints.length === 0 && this.hasValidMass(child);
    });
  }

  private qpos0(): number[] {
    const qpos: number[] = [];
    for (const joint of this.joints) {
      if (joint.type === 'free') {
        const { pos, quat } = this.worldPose(joint.body);
        qpos.push(...pos, quat[3], quat[0], quat[1], quat[2]);
      } else if (joint.type === 'ball') qpos.push(1, 0, 0, 0);
      else qpos.push(joint.ref);
    }
    return qpos;
  }

  private worldPose(bodyId: number): { pos: Vec3; quat: Quat } {
    let pos: Vec3 = [0, 0, 0];
    let quat: Quat = [...IDENTITY_QUAT];
    const chain: MjcfBody[] = [];
    for (let b = this.bodies[bodyId]; b && b.id !== 0; b = this.bodies[b.parent]) chain.unshift(b);
    for (const b of chain) {
      const offset = quatRotate(quat, b.pos);
      pos = [pos[0] + offset[0], pos[1] + offset[1], pos[2] + offset[2]];
      quat = quatMultiply(quat, b.quat);
    }
    return { pos, quat };
  }

  private noChildren(element: XmlElement): void {
    const child = element.children[0];
    if (child) throw new MjcfError({ element: child.name, line: child.line }, `unexpected element inside <${element.name}>`);
  }
}
