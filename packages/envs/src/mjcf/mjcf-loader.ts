// Compiles MJCF text (the subset in docs/mjcf.md) into a typed MjcfModel, following MuJoCo's compiler rules.
import type { Quat, Vec3 } from '../core/scene.js';
import { AttributeReader } from './attribute-reader.js';
import { compileBodyMasses } from './body-mass.js';
import { angleSettings, DEFAULT_COMPILER, DEFAULT_OPTION, readCompiler, readOption } from './compiler-settings.js';
import { DefaultClasses, MAIN_CLASS } from './default-classes.js';
import {
  BODY_SPEC, FREEJOINT_SPEC, GEOM_SPEC, IGNORED_IN_BODY, IGNORED_TOP_LEVEL, JOINT_SPEC, MUJOCO_SPEC, SITE_SPEC,
} from './element-specs.js';
import { readGeom, readSite } from './geom-reader.js';
import { bodyWorldPoses } from './kinematics.js';
import { JOINT_WIDTH, readJoint } from './joint-reader.js';
import { IDENTITY_QUAT } from './math3d.js';
import { MjcfError } from './mjcf-error.js';
import type { MjcfBody, MjcfCompiler, MjcfGeom, MjcfIgnored, MjcfJoint, MjcfJointType, MjcfModel, MjcfOption, MjcfSite } from './mjcf-model.js';
import { readOrientation } from './orientation.js';
import { readActuators, readContact, readTendons, type SectionContext } from './section-readers.js';
import { expectNoChildren, parseXmlTree, type XmlElement } from './xml-tree.js';

const TOP_LEVEL_SECTIONS = ['compiler', 'option', 'default', 'worldbody', 'actuator', 'tendon', 'contact'];

/** Parses and compiles an MJCF document. Throws MjcfError (element, attribute, line) on bad or unsupported input. */
export function loadMjcf(xml: string): MjcfModel {
  const root = parseXmlTree(xml);
  if (root.name !== 'mujoco') {
    throw new MjcfError({ element: root.name, line: root.line }, 'expected the root element <mujoco>');
  }
  const ignored: MjcfIgnored[] = [];
  const rootReader = AttributeReader.forElement(root, MUJOCO_SPEC, ignored);
  const sections = groupSections(root, ignored);

  // Compiler settings, options and defaults apply to the whole file whatever their position (as in MuJoCo).
  let compiler: MjcfCompiler = { ...DEFAULT_COMPILER };
  for (const element of sections.get('compiler') ?? []) compiler = readCompiler(element, compiler, ignored);
  let option: MjcfOption = { ...DEFAULT_OPTION, gravity: [...DEFAULT_OPTION.gravity], wind: [...DEFAULT_OPTION.wind] };
  for (const element of sections.get('option') ?? []) option = readOption(element, option, ignored);
  const defaults = new DefaultClasses();
  const defaultElements = sections.get('default') ?? [];
  if (defaultElements.length > 1) {
    throw new MjcfError({ element: 'default', line: defaultElements[1]!.line }, 'only one top-level <default> is allowed');
  }
  for (const element of defaultElements) defaults.addTopLevel(element, ignored);

  const tree = new BodyTreeReader(compiler, defaults, ignored);
  tree.readWorld(sections.get('worldbody') ?? []);
  const context: SectionContext = { compiler, defaults, ignored, bodies: tree.bodies, joints: tree.joints };
  const tendons = (sections.get('tendon') ?? []).flatMap((element, _, all) => readTendons(element, context, countBefore(all, element)));
  const actuators = (sections.get('actuator') ?? []).flatMap((element, _, all) => readActuators(element, context, countBefore(all, element)));
  const contactExclusions = (sections.get('contact') ?? []).flatMap((element) => readContact(element, context));
  compileBodyMasses(tree.bodies, tree.geoms, compiler);

  const model: MjcfModel = {
    name: rootReader.string('model') ?? '',
    compiler,
    option,
    bodies: tree.bodies,
    joints: tree.joints,
    geoms: tree.geoms,
    sites: tree.sites,
    actuators,
    tendons,
    contactExclusions,
    nq: tree.nq,
    nv: tree.nv,
    nu: actuators.length,
    qpos0: [],
    ignored,
  };
  model.qpos0 = qpos0(model);
  return model;
}

/** Top-level children by section name; visual-only sections are recorded as ignored, unknown ones throw. */
function groupSections(root: XmlElement, ignored: MjcfIgnored[]): Map<string, XmlElement[]> {
  const sections = new Map<string, XmlElement[]>();
  for (const child of root.children) {
    if ((IGNORED_TOP_LEVEL as readonly string[]).includes(child.name)) {
      ignored.push({ element: child.name, attribute: undefined, line: child.line });
    } else if (TOP_LEVEL_SECTIONS.includes(child.name)) {
      sections.set(child.name, [...(sections.get(child.name) ?? []), child]);
    } else {
      throw new MjcfError(
        { element: child.name, line: child.line },
        `unsupported element in <mujoco>; expected one of: ${[...TOP_LEVEL_SECTIONS, ...IGNORED_TOP_LEVEL].join(', ')}`,
      );
    }
  }
  return sections;
}

/** Number of child elements in the sections before `element` (ids continue across repeated sections). */
function countBefore(all: XmlElement[], element: XmlElement): number {
  return all.slice(0, all.indexOf(element)).reduce((sum, e) => sum + e.children.length, 0);
}

/** MuJoCo `qpos0`: free = world pose (quat w first), ball = identity (w first), hinge/slide = ref. */
function qpos0(model: MjcfModel): number[] {
  const poses = bodyWorldPoses(model);
  return model.joints.flatMap((joint) => {
    if (joint.type === 'free') {
      const { pos, quat } = poses[joint.body]!;
      return [...pos, quat[3], quat[0], quat[1], quat[2]];
    }
    return joint.type === 'ball' ? [1, 0, 0, 0] : [joint.ref];
  });
}

/** Reads <worldbody> depth first, numbering bodies, joints, geoms and sites in MuJoCo's order. */
class BodyTreeReader {
  readonly bodies: MjcfBody[] = [];
  readonly joints: MjcfJoint[] = [];
  readonly geoms: MjcfGeom[] = [];
  readonly sites: MjcfSite[] = [];
  nq = 0;
  nv = 0;

  constructor(
    private readonly compiler: MjcfCompiler,
    private readonly defaults: DefaultClasses,
    private readonly ignored: MjcfIgnored[],
  ) {}

  readWorld(worldbodies: XmlElement[]): void {
    const world = newBody(0, 'world', -1, [0, 0, 0], [...IDENTITY_QUAT], 0);
    this.bodies.push(world);
    for (const element of worldbodies) {
      AttributeReader.forElement(element, { supported: [] }, this.ignored);
      this.readContent(element, world, MAIN_CLASS);
    }
  }

  /**
   * A body's joints are read first (so its geoms know whether the body moves), then its geoms and sites, then its
   * child bodies; within each kind XML order is kept, which gives MuJoCo's ids.
   */
  private readContent(element: XmlElement, body: MjcfBody, childClass: string): void {
    for (const child of element.children) {
      if (child.name !== 'joint' && child.name !== 'freejoint') continue;
      if (body.id === 0) throw new MjcfError({ element: child.name, line: child.line }, 'joints are not allowed in <worldbody>');
      this.readJoint(child, body, childClass);
    }
    for (const child of element.children) {
      if (child.name === 'body' || child.name === 'joint' || child.name === 'freejoint') continue;
      if (child.name === 'geom') this.readGeom(child, body, childClass);
      else if (child.name === 'site') this.readSite(child, body, childClass);
      else if ((IGNORED_IN_BODY as readonly string[]).includes(child.name)) {
        this.ignored.push({ element: child.name, attribute: undefined, line: child.line });
      } else {
        throw new MjcfError(
          { element: child.name, line: child.line },
          `unsupported element in <${element.name}>; expected one of: body, geom, joint, freejoint, site, ${IGNORED_IN_BODY.join(', ')}`,
        );
      }
    }
    for (const child of element.children) if (child.name === 'body') this.readBody(child, body, childClass);
  }

  private readBody(element: XmlElement, parent: MjcfBody, inheritedClass: string): void {
    const r = AttributeReader.forElement(element, BODY_SPEC, this.ignored);
    r.onlyValue('mocap', 'false', 'mocap bodies are outside the subset');
    if (r.number('gravcomp', 0) !== 0) r.fail('gravcomp', `only 0 is supported, received ${r.string('gravcomp')}`);
    const childClass = r.string('childclass') ?? inheritedClass;
    if (!this.defaults.has(childClass)) r.fail('childclass', `unknown default class "${childClass}"`);
    const name = r.string('name') ?? '';
    if (name !== '' && this.bodies.some((b) => b.name === name)) r.fail('name', `duplicate body name "${name}"`);
    const pose = { pos: r.vec3('pos', [0, 0, 0]), quat: readOrientation(r, angleSettings(this.compiler)) ?? [...IDENTITY_QUAT] };
    const body = newBody(this.bodies.length, name, parent.id, pose.pos, pose.quat, element.line);
    this.bodies.push(body);
    parent.children.push(body.id);
    this.readContent(element, body, childClass);
  }

  private readJoint(element: XmlElement, body: MjcfBody, inheritedClass: string): void {
    expectNoChildren(element);
    const isFreeElement = element.name === 'freejoint';
    const r = isFreeElement
      ? AttributeReader.forElement(element, FREEJOINT_SPEC, this.ignored)
      : this.defaults.readerFor(element, JOINT_SPEC, 'joint', inheritedClass, this.ignored);
    const type: MjcfJointType = isFreeElement ? 'free' : r.choice('type', ['free', 'ball', 'slide', 'hinge'], 'hinge');
    if (type === 'free' && body.parent !== 0) r.fail(undefined, 'a free joint is only supported on a child of <worldbody>');
    const name = r.string('name') ?? '';
    if (name !== '' && this.joints.some((j) => j.name === name)) r.fail('name', `duplicate joint name "${name}"`);
    const joint = readJoint(r, type, { id: this.joints.length, body: body.id, qposAddress: this.nq, dofAddress: this.nv }, this.compiler);
    this.nq += JOINT_WIDTH[type].nq;
    this.nv += JOINT_WIDTH[type].nv;
    this.joints.push(joint);
    body.joints.push(joint.id);
  }

  private readGeom(element: XmlElement, body: MjcfBody, inheritedClass: string): void {
    expectNoChildren(element);
    const r = this.defaults.readerFor(element, GEOM_SPEC, 'geom', inheritedClass, this.ignored);
    const geom = readGeom(r, { id: this.geoms.length, body: body.id, moving: this.moves(body) }, angleSettings(this.compiler));
    this.geoms.push(geom);
    body.geoms.push(geom.id);
  }

  private readSite(element: XmlElement, body: MjcfBody, inheritedClass: string): void {
    expectNoChildren(element);
    const r = this.defaults.readerFor(element, SITE_SPEC, 'site', inheritedClass, this.ignored);
    const site = readSite(r, this.sites.length, body.id, angleSettings(this.compiler));
    this.sites.push(site);
    body.sites.push(site.id);
  }

  /** True when the body or an ancestor below the world has joints. */
  private moves(body: MjcfBody): boolean {
    for (let b: MjcfBody | undefined = body; b && b.id !== 0; b = this.bodies[b.parent]) {
      if (b.joints.length > 0) return true;
    }
    return false;
  }
}

function newBody(id: number, name: string, parent: number, pos: Vec3, quat: Quat, line: number): MjcfBody {
  return {
    id, name, parent, children: [], pos, quat, joints: [], geoms: [], sites: [], line,
    mass: 0, com: [0, 0, 0], principalInertia: [0, 0, 0], inertiaQuat: [...IDENTITY_QUAT], inertiaTensor: [0, 0, 0, 0, 0, 0],
  };
}
