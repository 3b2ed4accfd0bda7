// The typed robot model the MJCF loader produces and the Rapier world builder consumes (see docs/mjcf.md).
import type { GeomType, Quat, Rgba, Vec3 } from '../core/scene.js';
import type { SymmetricTensor } from './math3d.js';


/**
 * Conventions, for every pose in this model:
 * - lengths in metres, angles in radians (whatever `compiler angle` said), world Z up;
 * - quaternions are (x, y, z, w), as in `core/scene.ts`, three.js and Rapier (MuJoCo's XML writes w first);
 * - every pose is local: a body's in its parent's frame, a geom's/site's/joint's/inertial frame's in its body's frame.
 */

/** `<compiler>` settings after defaults (MuJoCo's defaults in brackets). */
export interface MjcfCompiler {
  /** Unit of angles in the XML: `degree` [MuJoCo default] or `radian`. Already applied to the model. */
  angle: 'degree' | 'radian';
  /** Euler sequence for `euler` orientations ['xyz']; lower case = intrinsic (moving) axes. */
  eulerSeq: string;
  /** `true`, `false` or `auto` ['auto'; the subset has no `<inertial>`, so `auto` acts as `true`]. */
  inertiaFromGeom: 'true' | 'false' | 'auto';
  /** When set (> 0), all body masses and inertias are scaled so the total is this many kg [none]. */
  setTotalMass: number | undefined;
  /** Whether a `range` alone makes a joint/actuator limited [true]. */
  autoLimits: boolean;
  /** Lower bound on every moving body's mass [0]. */
  boundMass: number;
  /** Lower bound on every moving body's principal moments [0]. */
  boundInertia: number;
}

export type MjcfIntegrator = 'Euler' | 'RK4' | 'implicit' | 'implicitfast';
export type MjcfSolver = 'PGS' | 'CG' | 'Newton';

/** `<option>` settings (MuJoCo's defaults in brackets). */
export interface MjcfOption {
  /** Physics step in seconds [0.002]. */
  timestep: number;
  /** Gravity in m/s² [0, 0, -9.81]. */
  gravity: Vec3;
  /** Velocity of the medium, m/s [0, 0, 0]. */
  wind: Vec3;
  /** Density of the medium in kg/m³ (fluid forces when > 0) [0]. */
  density: number;
  /** Viscosity of the medium in Pa·s (fluid forces when > 0) [0]. */
  viscosity: number;
  /** MuJoCo's integrator; Rapier has its own, so this is recorded for the builder to note ['Euler']. */
  integrator: MjcfIntegrator;
  /** MuJoCo's constraint solver ['Newton']. */
  solver: MjcfSolver;
  /** Solver iterations [100]. */
  iterations: number;
  /** Solver tolerance [1e-8]. */
  tolerance: number;
  /** Friction cone ['pyramidal']. */
  cone: 'pyramidal' | 'elliptic';
  /** Frictional-to-normal impedance ratio [1]. */
  impRatio: number;
}

/** Mass properties of a body about its centre of mass, as MuJoCo compiles them. */
export interface MjcfMassProperties {
  /** kg. */
  mass: number;
  /** Centre of mass in the body frame (MuJoCo `body_ipos`). */
  com: Vec3;
  /** Principal moments about the COM, kg·m², in MuJoCo's order (`body_inertia`). */
  principalInertia: Vec3;
  /** Rotation from the body frame to the principal axes (MuJoCo `body_iquat`, here (x, y, z, w)). */
  inertiaQuat: Quat;
  /** Full inertia tensor about the COM in the body frame, [xx, yy, zz, xy, xz, yz]. */
  inertiaTensor: SymmetricTensor;
}

/** A body; `bodies[0]` is the world. Ids follow MuJoCo's depth-first order, so they equal MuJoCo's body ids. */
export interface MjcfBody extends MjcfMassProperties {
  id: number;
  /** The `name` attribute, or '' when the XML gives none (Ant's lower legs). */
  name: string;
  /** Parent body id; -1 for the world. */
  parent: number;
  children: number[];
  /** Pose in the parent body's frame. */
  pos: Vec3;
  quat: Quat;
  /** Ids into `MjcfModel.joints`, `geoms`, `sites`, in XML order. */
  joints: number[];
  geoms: number[];
  sites: number[];
  line: number;
}

export type MjcfJointType = 'free' | 'ball' | 'slide' | 'hinge';

export interface MjcfJoint {
  id: number;
  name: string;
  type: MjcfJointType;
  body: number;
  /** Anchor in the body frame (0 for free joints). */
  pos: Vec3;
  /** Unit axis in the body frame ((0, 0, 1) for free and ball joints, as MuJoCo stores it). */
  axis: Vec3;
  /** Resolved by MuJoCo's rule: `limited="true"`, or `auto` (default) with autolimits and range[0] < range[1]. */
  limited: boolean;
  /** Radians for hinge/ball (ball: [0, max cone angle]), metres for slide; [0, 0] when none given. */
  range: [number, number];
  /** Viscous damping, N·m·s/rad or N·s/m [0]. */
  damping: number;
  /** Spring stiffness towards `springRef` [0]. */
  stiffness: number;
  /** Spring rest position (radians for hinge) [0]. */
  springRef: number;
  /** Rotor inertia added to the joint's diagonal of the mass matrix [0]. */
  armature: number;
  /** Dry friction loss [0]. */
  frictionLoss: number;
  /** Joint coordinate at the body's XML pose: qpos0 for hinge/slide (radians for hinge) [0]. */
  ref: number;
  /** Limit activation margin [0]. */
  margin: number;
  /** Limit softness, MuJoCo `solreflimit` [0.02, 1] and `solimplimit` [0.9, 0.95, 0.001, 0.5, 2]. */
  solrefLimit: number[];
  solimpLimit: number[];
  /** First index of this joint in qpos (free 7, ball 4, slide/hinge 1) and in qvel (6, 3, 1). */
  qposAddress: number;
  dofAddress: number;
  line: number;
}

export interface MjcfGeom {
  id: number;
  name: string;
  type: GeomType;
  body: number;
  /** Size in `core/scene.ts`'s convention for `type` (capsule: [radius, halfLength]; plane: [halfX, halfY, grid]). */
  size: number[];
  /** Pose in the body frame; `fromto` is already resolved (centre, +Z along from−to, half-length in size). */
  pos: Vec3;
  quat: Quat;
  /** Sliding, torsional, rolling friction [1, 0.005, 0.0001]. */
  friction: Vec3;
  /** Collision bitmasks [1, 1] and contact dimensionality [3]. */
  contype: number;
  conaffinity: number;
  condim: number;
  /** Contact priority [0], activation margin [0], gap [0], solver mixing weight [1]. */
  priority: number;
  margin: number;
  gap: number;
  solmix: number;
  /** Contact softness, MuJoCo `solref` [0.02, 1] and `solimp` [0.9, 0.95, 0.001, 0.5, 2]. */
  solref: number[];
  solimp: number[];
  rgba: Rgba;
  /** Density used for the mass (explicit `mass` turns into mass / volume) [1000]. */
  density: number;
  /** Geom mass in kg (0 for world geoms, which infer no inertia). */
  mass: number;
  /** Principal moments about the geom's own frame (axes = geom axes), kg·m². */
  inertia: Vec3;
  /** Visual group [0]; geoms outside groups 0..5 carry no mass, as in MuJoCo. */
  group: number;
  line: number;
}

export type MjcfSiteType = 'sphere' | 'capsule' | 'ellipsoid' | 'cylinder' | 'box';

export interface MjcfSite {
  id: number;
  name: string;
  type: MjcfSiteType;
  body: number;
  size: number[];
  pos: Vec3;
  quat: Quat;
  rgba: Rgba;
  line: number;
}

/** A `<motor>`: force/torque = gear · clamp(ctrl, ctrlRange) on one joint. */
export interface MjcfActuator {
  id: number;
  name: string;
  type: 'motor';
  /** Joint id the motor drives (joint transmission only in this subset). */
  joint: number;
  /** Scalar gear (first entry of MuJoCo's `gear`) [1]. */
  gear: number;
  ctrlLimited: boolean;
  ctrlRange: [number, number];
  forceLimited: boolean;
  forceRange: [number, number];
  line: number;
}

/** A `<fixed>` tendon: length = Σ coef · q(joint). */
export interface MjcfFixedTendon {
  id: number;
  name: string;
  joints: { joint: number; coef: number }[];
  limited: boolean;
  range: [number, number];
  stiffness: number;
  damping: number;
  frictionLoss: number;
  /** Spring rest length; undefined means MuJoCo's default (the length at qpos0). */
  springLength: number | undefined;
  margin: number;
  solrefLimit: number[];
  solimpLimit: number[];
  line: number;
}

/** `<contact><exclude body1 body2/>`: contacts between these two bodies are disabled. */
export interface MjcfContactExclusion {
  body1: number;
  body2: number;
  line: number;
}

/** Something in the XML that the loader accepted without effect on the model (purely visual or bookkeeping). */
export interface MjcfIgnored {
  element: string;
  /** Undefined when the whole element (and its content) was ignored. */
  attribute: string | undefined;
  line: number;
}

/** The compiled model. Arrays are in MuJoCo's id order, so indices equal MuJoCo's ids. */
export interface MjcfModel {
  /** `<mujoco model="...">`. */
  name: string;
  compiler: MjcfCompiler;
  option: MjcfOption;
  bodies: MjcfBody[];
  joints: MjcfJoint[];
  geoms: MjcfGeom[];
  sites: MjcfSite[];
  actuators: MjcfActuator[];
  tendons: MjcfFixedTendon[];
  contactExclusions: MjcfContactExclusion[];
  /** Sizes of qpos, qvel and ctrl (MuJoCo's nq, nv, nu). */
  nq: number;
  nv: number;
  nu: number;
  /** qpos at the XML pose (MuJoCo `qpos0`): free = body pos + (w, x, y, z) quat as MuJoCo orders qpos, ball = identity (w first), hinge/slide = ref. */
  qpos0: number[];
  ignored: MjcfIgnored[];
}
