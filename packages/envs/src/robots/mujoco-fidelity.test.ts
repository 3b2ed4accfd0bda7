// Fidelity anchor: every robot file compiled by our loader matches real MuJoCo (npm mujoco-js) body by body.
import loadMujoco from 'mujoco-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { contactPairs } from '../mjcf/contact-pairs.js';
import { bodyWorldPoses } from '../mjcf/kinematics.js';
import { quatToMatrix } from '../mjcf/math3d.js';
import { rigidGroups } from '../mjcf/rigid-groups.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { ROBOT_FILES, ROBOT_NAMES, loadRobot } from './index.js';

interface CompiledMujoco {
  counts: Record<'nq' | 'nv' | 'nu' | 'nbody' | 'njnt' | 'ngeom' | 'nsite' | 'ntendon', number>;
  arrays: Record<string, number[]>;
  /** xpos and xquat after mj_forward at qpos0. */
  world: Record<'xpos' | 'xquat', number[]>;
  /** mjOption fields. */
  option: { timestep: number; gravity: number[]; wind: number[]; density: number; viscosity: number; integrator: number; solver: number; iterations: number; cone: number; impratio: number; tolerance: number };
  /** Contacts MuJoCo generates when every geom margin is 100 m: one entry per colliding geom pair ("low-high"). */
  contacts: Map<string, { dim: number; friction: number[]; solref: number[]; solimp: number[] }>;
  /** The same file compiled with fusestatic="true": joint-less bodies merged into their parents. */
  fused: Record<'body_mass' | 'body_ipos' | 'body_iquat' | 'body_inertia', number[]> & { nbody: number };
}

let compiled: Map<string, CompiledMujoco>;

const ARRAYS = [
  'body_mass', 'body_ipos', 'body_iquat', 'body_inertia', 'body_pos', 'body_quat', 'body_parentid',
  'jnt_type', 'jnt_range', 'jnt_limited', 'jnt_pos', 'jnt_axis', 'jnt_stiffness', 'jnt_qposadr', 'jnt_dofadr',
  'dof_armature', 'dof_damping', 'qpos0', 'geom_size', 'geom_pos', 'geom_quat', 'geom_friction', 'geom_bodyid',
  'actuator_gear', 'actuator_ctrlrange', 'actuator_trnid', 'body_weldid',
  'qpos_spring', 'jnt_margin', 'jnt_solref', 'jnt_solimp', 'dof_frictionloss', 'geom_type', 'geom_contype',
  'geom_conaffinity', 'geom_condim', 'geom_priority', 'geom_margin', 'geom_gap', 'geom_solmix', 'geom_solref',
  'geom_solimp', 'geom_rgba', 'actuator_ctrllimited', 'actuator_forcelimited', 'actuator_forcerange',
  'tendon_adr', 'tendon_num', 'tendon_limited', 'tendon_range', 'tendon_stiffness', 'tendon_damping', 'wrap_objid',
  'wrap_prm', 'site_bodyid', 'site_pos', 'site_quat',
];

beforeAll(async () => {
  const mujoco = await loadMujoco();
  compiled = new Map();
  for (const name of ROBOT_NAMES) {
    mujoco.FS.writeFile(`/${name}.xml`, ROBOT_FILES[name]);
    const model = mujoco.MjModel.loadFromXML(`/${name}.xml`);
    const m = model as unknown as Record<string, unknown>;
    const arrays: Record<string, number[]> = {};
    for (const key of ARRAYS) arrays[key] = Array.from(m[key] as ArrayLike<number>);
    const opt = model.opt;
    const option = {
      timestep: opt.timestep, gravity: Array.from(opt.gravity as ArrayLike<number>), wind: Array.from(opt.wind as ArrayLike<number>),
      density: opt.density, viscosity: opt.viscosity, integrator: opt.integrator as number, solver: opt.solver as number,
      iterations: opt.iterations, cone: opt.cone as number, impratio: opt.impratio, tolerance: opt.tolerance,
    };
    const data = new mujoco.MjData(model);
    mujoco.mj_forward(model, data);
    const world = { xpos: Array.from(data.xpos as ArrayLike<number>), xquat: Array.from(data.xquat as ArrayLike<number>) };
    data.delete();
    // With every geom margin at 100 m (set in the XML, so MuJoCo's broadphase bounds grow too), every pair
    // MuJoCo's filter lets through produces a contact at qpos0.
    mujoco.FS.writeFile(`/${name}-margins.xml`, withHugeMargins(ROBOT_FILES[name]));
    const marginModel = mujoco.MjModel.loadFromXML(`/${name}-margins.xml`);
    const contactData = new mujoco.MjData(marginModel);
    mujoco.mj_forward(marginModel, contactData);
    const contacts: CompiledMujoco['contacts'] = new Map();
    for (let i = 0; i < contactData.ncon; i++) {
      const c = contactData.contact.get(i)!;
      contacts.set(`${Math.min(c.geom1, c.geom2)}-${Math.max(c.geom1, c.geom2)}`, {
        dim: c.dim, friction: Array.from(c.friction as ArrayLike<number>), solref: Array.from(c.solref as ArrayLike<number>),
        solimp: Array.from(c.solimp as ArrayLike<number>),
      });
    }
    marginModel.delete();
    contactData.delete();
    mujoco.FS.writeFile(`/${name}-fused.xml`, ROBOT_FILES[name].replace('<compiler ', '<compiler fusestatic="true" '));
    const fusedModel = mujoco.MjModel.loadFromXML(`/${name}-fused.xml`);
    const f = fusedModel as unknown as Record<string, ArrayLike<number>>;
    const fused = {
      nbody: fusedModel.nbody,
      body_mass: Array.from(f['body_mass']!), body_ipos: Array.from(f['body_ipos']!),
      body_iquat: Array.from(f['body_iquat']!), body_inertia: Array.from(f['body_inertia']!),
    };
    fusedModel.delete();
    compiled.set(name, {
      counts: {
        nq: model.nq, nv: model.nv, nu: model.nu, nbody: model.nbody, njnt: model.njnt, ngeom: model.ngeom,
        nsite: model.nsite, ntendon: model.ntendon,
      },
      arrays,
      world,
      option,
      contacts,
      fused,
    });
    model.delete();
  }
});

/** The XML with every <geom> (defaults included) given margin="100". */
function withHugeMargins(xml: string): string {
  return xml.replace(/<geom\b([^>]*?)\s*\/>/g, (_tag, attributes: string) => `<geom${attributes.replace(/\s+margin="[^"]*"/, '')} margin="100"/>`);
}

/** R·diag(d)·Rᵀ as a 9-vector, to compare inertia independently of how the principal frame is signed. */
function fullTensor(d: number[], q: number[]): number[] {
  const m = quatToMatrix([q[0]!, q[1]!, q[2]!, q[3]!]);
  const out: number[] = [];
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) out.push(m[3 * i]! * d[0]! * m[3 * j]! + m[3 * i + 1]! * d[1]! * m[3 * j + 1]! + m[3 * i + 2]! * d[2]! * m[3 * j + 2]!);
  return out;
}

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  actual.forEach((value, index) => {
    expect(Math.abs(value - expected[index]!), `${label}[${index}]: ${value} vs MuJoCo ${expected[index]}`).toBeLessThanOrEqual(tolerance);
  });
}

/** MuJoCo stores quats (w, x, y, z); ours are (x, y, z, w). */
function wxyz(q: readonly number[]): number[] {
  return [q[3]!, q[0]!, q[1]!, q[2]!];
}

describe.each(ROBOT_NAMES)('robot %s against mujoco-js', (name) => {
  let model: MjcfModel;
  let mj: CompiledMujoco;
  beforeAll(() => {
    model = loadRobot(name);
    mj = compiled.get(name)!;
  });

  it('has MuJoCo\'s counts', () => {
    expect({
      nq: model.nq, nv: model.nv, nu: model.nu, nbody: model.bodies.length, njnt: model.joints.length,
      ngeom: model.geoms.length, nsite: model.sites.length, ntendon: model.tendons.length,
    }).toEqual(mj.counts);
  });

  it('has MuJoCo\'s body tree, body masses, centres of mass and inertia', () => {
    const a = mj.arrays;
    model.bodies.forEach((body, i) => {
      expect(body.parent, `body ${i} parent`).toBe(i === 0 ? -1 : a['body_parentid']![i]);
      const scale = Math.max(1, a['body_mass']![i]!);
      expect(Math.abs(body.mass - a['body_mass']![i]!) / scale, `body ${i} mass`).toBeLessThan(1e-12);
      expectClose(body.pos, a['body_pos']!.slice(3 * i, 3 * i + 3), 1e-12, `body ${i} pos`);
      expectClose(wxyz(body.quat), a['body_quat']!.slice(4 * i, 4 * i + 4), 1e-12, `body ${i} quat`);
      if (i === 0) return;
      expectClose(body.com, a['body_ipos']!.slice(3 * i, 3 * i + 3), 1e-12, `body ${i} ipos`);
      const inertia = a['body_inertia']!.slice(3 * i, 3 * i + 3);
      const tolerance = 1e-10 * Math.max(...inertia);
      // Principal moments in MuJoCo's order, and the same principal frame (compared as the full tensor).
      expectClose(body.principalInertia, inertia, tolerance, `body ${i} inertia`);
      expectClose(
        fullTensor(body.principalInertia, body.inertiaQuat),
        fullTensor(inertia, [...a['body_iquat']!.slice(4 * i + 1, 4 * i + 4), a['body_iquat']![4 * i]!]),
        tolerance,
        `body ${i} inertia tensor`,
      );
      const t = body.inertiaTensor;
      expectClose([t[0], t[3], t[4], t[3], t[1], t[5], t[4], t[5], t[2]], fullTensor(body.principalInertia, body.inertiaQuat), tolerance, `body ${i} stored tensor`);
    });
  });

  it('has MuJoCo\'s joints, dofs and qpos0', () => {
    const a = mj.arrays;
    const typeIds = { free: 0, ball: 1, slide: 2, hinge: 3 } as const;
    model.joints.forEach((joint, j) => {
      expect(typeIds[joint.type], `joint ${joint.name} type`).toBe(a['jnt_type']![j]);
      expect(joint.limited ? 1 : 0, `joint ${joint.name} limited`).toBe(a['jnt_limited']![j]);
      if (joint.limited) expectClose(joint.range, a['jnt_range']!.slice(2 * j, 2 * j + 2), 1e-12, `joint ${joint.name} range`);
      expectClose(joint.pos, a['jnt_pos']!.slice(3 * j, 3 * j + 3), 1e-12, `joint ${joint.name} pos`);
      expectClose(joint.axis, a['jnt_axis']!.slice(3 * j, 3 * j + 3), 1e-12, `joint ${joint.name} axis`);
      expect(joint.stiffness, `joint ${joint.name} stiffness`).toBe(a['jnt_stiffness']![j]);
      expect(joint.qposAddress).toBe(a['jnt_qposadr']![j]);
      expect(joint.dofAddress).toBe(a['jnt_dofadr']![j]);
      expect(joint.armature, `joint ${joint.name} armature`).toBe(a['dof_armature']![joint.dofAddress]);
      expect(joint.damping, `joint ${joint.name} damping`).toBe(a['dof_damping']![joint.dofAddress]);
    });
    expectClose(model.qpos0, a['qpos0']!, 1e-12, 'qpos0');
  });

  it('has MuJoCo\'s geoms and actuators', () => {
    const a = mj.arrays;
    model.geoms.forEach((geom, g) => {
      expect(geom.body).toBe(a['geom_bodyid']![g]);
      const size = a['geom_size']!.slice(3 * g, 3 * g + geom.size.length);
      expectClose(geom.size, size, 1e-12, `geom ${g} size`);
      expectClose(geom.pos, a['geom_pos']!.slice(3 * g, 3 * g + 3), 1e-12, `geom ${g} pos`);
      expectClose(wxyz(geom.quat), a['geom_quat']!.slice(4 * g, 4 * g + 4), 1e-9, `geom ${g} quat`);
      expectClose(geom.friction, a['geom_friction']!.slice(3 * g, 3 * g + 3), 1e-12, `geom ${g} friction`);
    });
    model.actuators.forEach((actuator, u) => {
      expect(actuator.joint).toBe(a['actuator_trnid']![2 * u]);
      expect(actuator.gear).toBe(a['actuator_gear']![6 * u]);
      expectClose(actuator.ctrlRange, a['actuator_ctrlrange']!.slice(2 * u, 2 * u + 2), 0, `actuator ${u} ctrlrange`);
    });
  });

  it('has MuJoCo\'s world poses at qpos0', () => {
    bodyWorldPoses(model).forEach((pose, i) => {
      expectClose(pose.pos, mj.world.xpos.slice(3 * i, 3 * i + 3), 1e-12, `body ${i} xpos`);
      expectClose(wxyz(pose.quat), mj.world.xquat.slice(4 * i, 4 * i + 4), 1e-12, `body ${i} xquat`);
    });
  });

  it('welds joint-less bodies like MuJoCo (body_weldid) and combines their mass like fusestatic', () => {
    const { groups, groupOfBody } = rigidGroups(model);
    model.bodies.forEach((_, i) => expect(groups[groupOfBody[i]!]!.root, `body ${i} weld root`).toBe(mj.arrays['body_weldid']![i]));
    expect(groups.length).toBe(mj.fused.nbody);
    groups.forEach((group, i) => {
      if (i === 0) return;
      const p = group.massProperties;
      expect(Math.abs(p.mass - mj.fused.body_mass[i]!), `group ${i} mass`).toBeLessThan(1e-12 * Math.max(1, p.mass));
      expectClose(p.com, mj.fused.body_ipos.slice(3 * i, 3 * i + 3), 1e-12, `group ${i} com`);
      const inertia = mj.fused.body_inertia.slice(3 * i, 3 * i + 3);
      const tolerance = 1e-10 * Math.max(...inertia);
      expectClose([...p.principalInertia].sort(), [...inertia].sort(), tolerance, `group ${i} principal moments`);
      expectClose(
        fullTensor(p.principalInertia, p.inertiaQuat),
        fullTensor(inertia, [...mj.fused.body_iquat.slice(4 * i + 1, 4 * i + 4), mj.fused.body_iquat[4 * i]!]),
        tolerance,
        `group ${i} inertia tensor`,
      );
    });
  });

  it('lets the same geom pairs collide as MuJoCo, with the same mixed contact parameters', () => {
    const pairs = contactPairs(model);
    expect(pairs.map((p) => `${p.geom1}-${p.geom2}`).sort()).toEqual([...mj.contacts.keys()].sort());
    for (const pair of pairs) {
      const c = mj.contacts.get(`${pair.geom1}-${pair.geom2}`)!;
      expect(pair.condim).toBe(c.dim);
      // MuJoCo unpacks (slide, torsion, roll) into 5 entries: slide, slide, torsion, roll, roll
      expectClose(pair.friction, [c.friction[0]!, c.friction[2]!, c.friction[3]!], 1e-12, 'friction');
      expectClose(pair.solref, c.solref, 1e-12, 'solref');
      expectClose(pair.solimp, c.solimp, 1e-12, 'solimp');
    }
  });

  it('has MuJoCo\'s option', () => {
    const o = model.option;
    const integrators = ['Euler', 'RK4', 'implicit', 'implicitfast'];
    const solvers = ['PGS', 'CG', 'Newton'];
    expect({
      timestep: o.timestep, gravity: o.gravity, wind: o.wind, density: o.density, viscosity: o.viscosity,
      integrator: integrators.indexOf(o.integrator), solver: solvers.indexOf(o.solver), iterations: o.iterations,
      cone: o.cone === 'pyramidal' ? 0 : 1, impratio: o.impRatio, tolerance: o.tolerance,
    }).toEqual(mj.option);
  });

  it('has MuJoCo\'s joint springs and limits, geom contact and colour settings, motor limits, tendons and sites', () => {
    const a = mj.arrays;
    const geomTypes = { plane: 0, sphere: 2, capsule: 3, ellipsoid: 4, cylinder: 5, box: 6 } as const;
    model.joints.forEach((joint, j) => {
      if (joint.type === 'hinge' || joint.type === 'slide') expect(joint.springRef).toBeCloseTo(a['qpos_spring']![joint.qposAddress]!, 12);
      expect(joint.margin).toBe(a['jnt_margin']![j]);
      expectClose(joint.solrefLimit, a['jnt_solref']!.slice(2 * j, 2 * j + 2), 0, `joint ${j} solreflimit`);
      expectClose(joint.solimpLimit, a['jnt_solimp']!.slice(5 * j, 5 * j + 5), 0, `joint ${j} solimplimit`);
      expect(joint.frictionLoss).toBe(a['dof_frictionloss']![joint.dofAddress]);
    });
    model.geoms.forEach((geom, g) => {
      expect(geomTypes[geom.type]).toBe(a['geom_type']![g]);
      expect([geom.contype, geom.conaffinity, geom.condim, geom.priority]).toEqual(
        [a['geom_contype']![g], a['geom_conaffinity']![g], a['geom_condim']![g], a['geom_priority']![g]],
      );
      expect([geom.margin, geom.gap, geom.solmix]).toEqual([a['geom_margin']![g], a['geom_gap']![g], a['geom_solmix']![g]]);
      expectClose(geom.solref, a['geom_solref']!.slice(2 * g, 2 * g + 2), 0, `geom ${g} solref`);
      expectClose(geom.solimp, a['geom_solimp']!.slice(5 * g, 5 * g + 5), 0, `geom ${g} solimp`);
      // MuJoCo stores rgba as float32
      expectClose(geom.rgba, a['geom_rgba']!.slice(4 * g, 4 * g + 4), 1e-7, `geom ${g} rgba`);
    });
    model.actuators.forEach((actuator, u) => {
      expect([actuator.ctrlLimited ? 1 : 0, actuator.forceLimited ? 1 : 0]).toEqual([a['actuator_ctrllimited']![u], a['actuator_forcelimited']![u]]);
      if (actuator.forceLimited) expectClose(actuator.forceRange, a['actuator_forcerange']!.slice(2 * u, 2 * u + 2), 0, 'forcerange');
    });
    model.tendons.forEach((tendon, t) => {
      expect(tendon.limited ? 1 : 0).toBe(a['tendon_limited']![t]);
      expect([tendon.stiffness, tendon.damping]).toEqual([a['tendon_stiffness']![t], a['tendon_damping']![t]]);
      const start = a['tendon_adr']![t]!;
      expect(tendon.joints.length).toBe(a['tendon_num']![t]);
      tendon.joints.forEach((term, k) => {
        expect(term.joint).toBe(a['wrap_objid']![start + k]);
        expect(term.coef).toBe(a['wrap_prm']![start + k]);
      });
    });
    model.sites.forEach((site, s) => {
      expect(site.body).toBe(a['site_bodyid']![s]);
      expectClose(site.pos, a['site_pos']!.slice(3 * s, 3 * s + 3), 1e-12, `site ${s} pos`);
      expectClose(wxyz(site.quat), a['site_quat']!.slice(4 * s, 4 * s + 4), 1e-12, `site ${s} quat`);
    });
  });
});
