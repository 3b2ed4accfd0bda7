// Humanoid-v5 (gymnasium/envs/mujoco/humanoid_v5.py): a 3D biped walks forward without falling.
import type { Info, StepResult } from '../core/env.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { cfrcExt } from '../physics/contact-forces.js';
import { Box } from '../spaces/box.js';
import { ComQuantities } from './com-quantities.js';
import { splitHingeChains, type HingeChainSettings } from './hinge-chains.js';
import { loadTaskModel, MujocoEnv } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import type { TaskOverlay } from './task-overlay.js';

export interface HumanoidObservationOptions {
  exclude_current_positions_from_observation: boolean;
  include_cinert_in_observation: boolean;
  include_cvel_in_observation: boolean;
  include_qfrc_actuator_in_observation: boolean;
  include_cfrc_ext_in_observation: boolean;
}

export interface HumanoidOptions extends HumanoidObservationOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  forward_reward_weight: number;
  ctrl_cost_weight: number;
  contact_cost_weight: number;
  contact_cost_range: number[];
  healthy_reward: number;
  terminate_when_unhealthy: boolean;
  healthy_z_range: number[];
  reset_noise_scale: number;
}

/** Gymnasium's Humanoid-v5 keyword arguments and defaults. */
export const HUMANOID_DEFAULTS: HumanoidOptions = {
  xml_file: 'humanoid',
  frame_skip: 5,
  forward_reward_weight: 1.25,
  ctrl_cost_weight: 0.1,
  contact_cost_weight: 5e-7,
  contact_cost_range: [-Infinity, 10.0],
  healthy_reward: 5.0,
  terminate_when_unhealthy: true,
  healthy_z_range: [1.0, 2.0],
  reset_noise_scale: 1e-2,
  exclude_current_positions_from_observation: true,
  include_cinert_in_observation: true,
  include_cvel_in_observation: true,
  include_qfrc_actuator_in_observation: true,
  include_cfrc_ext_in_observation: true,
};

/** Rapier-only: the intermediate bodies of the hips', abdomen's and shoulders' hinge chains (hinge-chains.ts). */
export const HUMANOID_CHAIN: HingeChainSettings = { mass: 0.3, inertia: 6e-3, straighten: 0.01 };

/**
 * The Humanoid model and observation shared by Humanoid-v5 and HumanoidStandup-v5:
 * obs = qpos[2:] (22) + qvel (23) + cinert[1:] (13 × 10) + cvel[1:] (13 × 6) + qfrc_actuator[6:] (17) +
 * cfrc_ext[1:] (13 × 6) = 348, each block switchable as in Gymnasium. Bodies with several hinges are split into
 * hinge chains for Rapier; every quantity is reported for MuJoCo's 14 bodies in MuJoCo's order.
 */
export abstract class HumanoidModelEnv extends MujocoEnv {
  readonly observationSpace: Box;
  /** MuJoCo's `cfrc_ext` (6 per MuJoCo body, body 0 = world) after the last step. */
  readonly contactForces: Float64Array;
  /** MuJoCo's `qfrc_actuator` after the last step. */
  readonly actuatorForces: Float64Array;
  protected readonly coms: ComQuantities;
  protected readonly mujocoModel: MjcfModel;
  private readonly bodyOf: number[];
  private readonly splitCfrc: Float64Array;
  private readonly observe: HumanoidObservationOptions;

  protected constructor(id: string, xmlFile: string, frameSkip: number, observe: HumanoidObservationOptions, overlay: Partial<TaskOverlay>) {
    const mujocoModel = loadTaskModel(xmlFile, id);
    const split = splitHingeChains(mujocoModel, HUMANOID_CHAIN, id);
    super(id, split.model, frameSkip, { ...TASK_OVERLAYS[id]!, ...overlay });
    this.mujocoModel = mujocoModel;
    this.bodyOf = split.bodyOf;
    this.observe = observe;
    const nbody = mujocoModel.bodies.length;
    this.contactForces = new Float64Array(6 * nbody);
    this.actuatorForces = new Float64Array(mujocoModel.nv);
    this.splitCfrc = new Float64Array(6 * split.model.bodies.length);
    this.coms = new ComQuantities(mujocoModel, this.physics, split.bodyOf);
    const size =
      mujocoModel.nq + mujocoModel.nv - (observe.exclude_current_positions_from_observation ? 2 : 0) +
      (observe.include_cinert_in_observation ? 10 * (nbody - 1) : 0) +
      (observe.include_cvel_in_observation ? 6 * (nbody - 1) : 0) +
      (observe.include_qfrc_actuator_in_observation ? mujocoModel.nv - 6 : 0) +
      (observe.include_cfrc_ext_in_observation ? 6 * (nbody - 1) : 0);
    this.observationSpace = new Box(-Infinity, Infinity, [size]);
  }

  /** Fixed tendon lengths and velocities (MuJoCo's `ten_length`, `ten_velocity`: Σ coef·q, Σ coef·q̇). */
  tendonState(): { length: number[]; velocity: number[] } {
    const length = this.model.tendons.map((t) => t.joints.reduce((s, j) => s + j.coef * this.qpos[this.model.joints[j.joint]!.qposAddress]!, 0));
    const velocity = this.model.tendons.map((t) => t.joints.reduce((s, j) => s + j.coef * this.qvel[this.model.joints[j.joint]!.dofAddress]!, 0));
    return { length, velocity };
  }

  /** Updates cinert, cvel, qfrc_actuator and cfrc_ext after a step (or a reset, with zero forces). */
  protected updateQuantities(action: Float32Array | undefined): void {
    this.coms.update(this.reader);
    this.actuatorForces.fill(0);
    this.contactForces.fill(0);
    if (!action) return;
    for (const a of this.model.actuators) {
      const u = action[a.id]!;
      const clamped = a.ctrlLimited ? Math.min(a.ctrlRange[1], Math.max(a.ctrlRange[0], u)) : u;
      const dof = this.model.joints[a.joint]!.dofAddress;
      this.actuatorForces[dof] = this.actuatorForces[dof]! + a.gear * clamped;
    }
    cfrcExt(this.physics, this.reader, this.splitCfrc);
    for (let b = 1; b < this.mujocoModel.bodies.length; b++) {
      const o = 6 * this.bodyOf[b]!;
      for (let k = 0; k < 6; k++) this.contactForces[6 * b + k] = this.splitCfrc[o + k]!;
    }
  }

  /** Σ cfrc_ext² over every body (the contact cost's norm). */
  protected contactForceSquared(): number {
    let sum = 0;
    for (const f of this.contactForces) sum += f * f;
    return sum;
  }

  protected observation(): Float32Array {
    const o = this.observe;
    const obs = new Float32Array(this.observationSpace.size);
    let k = 0;
    for (let i = o.exclude_current_positions_from_observation ? 2 : 0; i < this.qpos.length; i++) obs[k++] = this.qpos[i]!;
    for (let i = 0; i < this.qvel.length; i++) obs[k++] = this.qvel[i]!;
    if (o.include_cinert_in_observation) for (let i = 10; i < this.coms.cinert.length; i++) obs[k++] = this.coms.cinert[i]!;
    if (o.include_cvel_in_observation) for (let i = 6; i < this.coms.cvel.length; i++) obs[k++] = this.coms.cvel[i]!;
    if (o.include_qfrc_actuator_in_observation) for (let i = 6; i < this.actuatorForces.length; i++) obs[k++] = this.actuatorForces[i]!;
    if (o.include_cfrc_ext_in_observation) for (let i = 6; i < this.contactForces.length; i++) obs[k++] = this.contactForces[i]!;
    return obs;
  }
}

/**
 * reward = forward_reward_weight·vx(mass centre) + healthy_reward·is_healthy − ctrl_cost_weight·‖ctrl‖²
 *          − clip(contact_cost_weight·‖cfrc_ext‖², contact_cost_range);
 * healthy iff healthy_z_range[0] < z < healthy_z_range[1] (strict); reset: qpos, qvel += U(±reset_noise_scale).
 */
export class HumanoidEnv extends HumanoidModelEnv {
  private readonly options: HumanoidOptions;
  private readonly before = new Float64Array(3);
  private readonly after = new Float64Array(3);

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<HumanoidOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...HUMANOID_DEFAULTS, ...options };
    super('Humanoid-v5', resolved.xml_file, resolved.frame_skip, resolved, overlay);
    this.options = resolved;
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const s = this.options.reset_noise_scale;
    this.setState(this.uniformNoise(this.initQpos, s), this.uniformNoise(this.initQvel, s));
    this.updateQuantities(undefined);
    return { obs: this.remember(this.observation()), info: this.stateInfo() };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    this.coms.massCenter(this.reader, this.before);
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    this.coms.massCenter(this.reader, this.after);
    this.updateQuantities(action);
    const o = this.options;
    const xVelocity = (this.after[0]! - this.before[0]!) / this.dt;
    const yVelocity = (this.after[1]! - this.before[1]!) / this.dt;
    const z = this.qpos[2]!;
    const [zLo, zHi] = o.healthy_z_range as [number, number];
    const healthy = zLo < z && z < zHi;
    const forward = o.forward_reward_weight * xVelocity;
    const survive = healthy ? o.healthy_reward : 0;
    let squared = 0;
    for (let i = 0; i < action.length; i++) squared += action[i]! * action[i]!;
    const ctrlCost = o.ctrl_cost_weight * squared;
    const [cLo, cHi] = o.contact_cost_range as [number, number];
    const contactCost = Math.min(cHi, Math.max(cLo, o.contact_cost_weight * this.contactForceSquared()));
    const terminated = !healthy && o.terminate_when_unhealthy;
    const info: Info = {
      ...this.stateInfo(), x_velocity: xVelocity, y_velocity: yVelocity,
      reward_survive: survive, reward_forward: forward, reward_ctrl: -ctrlCost, reward_contact: -contactCost,
    };
    if (terminated) info['termination_reason'] = `z = ${z} outside healthy_z_range (${zLo}, ${zHi})`;
    return { obs: this.remember(this.observation()), reward: forward + survive - ctrlCost - contactCost, terminated, truncated: false, info };
  }

  /** Gymnasium's position and tendon info (its key is spelled `tendon_lenght`). */
  private stateInfo(): Info {
    const tendons = this.tendonState();
    const x = this.qpos[0]!, y = this.qpos[1]!;
    return { x_position: x, y_position: y, tendon_lenght: tendons.length, tendon_velocity: tendons.velocity, distance_from_origin: Math.hypot(x, y) };
  }
}
