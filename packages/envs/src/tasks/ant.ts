// Ant-v5 (gymnasium/envs/mujoco/ant_v5.py): a four-legged robot walks forward; contact forces enter obs and reward.
import type { Info, StepResult } from '../core/env.js';
import { cfrcExt } from '../physics/contact-forces.js';
import { Box } from '../spaces/box.js';
import { loadTaskModel, MujocoEnv } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import type { TaskOverlay } from './task-overlay.js';

export interface AntOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  forward_reward_weight: number;
  ctrl_cost_weight: number;
  contact_cost_weight: number;
  healthy_reward: number;
  main_body: number;
  terminate_when_unhealthy: boolean;
  healthy_z_range: number[];
  contact_force_range: number[];
  reset_noise_scale: number;
  exclude_current_positions_from_observation: boolean;
  include_cfrc_ext_in_observation: boolean;
}

/** Gymnasium's Ant-v5 keyword arguments and defaults (`main_body` as a body id). */
export const ANT_DEFAULTS: AntOptions = {
  xml_file: 'ant',
  frame_skip: 5,
  forward_reward_weight: 1,
  ctrl_cost_weight: 0.5,
  contact_cost_weight: 5e-4,
  healthy_reward: 1.0,
  main_body: 1,
  terminate_when_unhealthy: true,
  healthy_z_range: [0.2, 1.0],
  contact_force_range: [-1.0, 1.0],
  reset_noise_scale: 0.1,
  exclude_current_positions_from_observation: true,
  include_cfrc_ext_in_observation: true,
};

/**
 * obs = qpos[2:] + qvel + clip(cfrc_ext[1:], contact_force_range) flattened (105 by default);
 * reward = forward_reward_weight·vx(main body) + healthy_reward·is_healthy − ctrl_cost_weight·‖a‖²
 *          − contact_cost_weight·‖clip(cfrc_ext)‖²;
 * healthy iff the state is finite and healthy_z_range[0] ≤ z ≤ healthy_z_range[1] (inclusive, as in ant_v5.py).
 * cfrc_ext comes from Rapier's contact impulses (physics/contact-forces.ts), in MuJoCo's layout and frame.
 */
export class AntEnv extends MujocoEnv {
  readonly observationSpace: Box;
  private readonly options: AntOptions;
  private readonly cfrc: Float64Array;
  private readonly mainGroup: number;

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<AntOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...ANT_DEFAULTS, ...options };
    const model = loadTaskModel(resolved.xml_file, 'Ant-v5');
    super('Ant-v5', model, resolved.frame_skip, { ...TASK_OVERLAYS['Ant-v5']!, ...overlay });
    this.options = resolved;
    const mainGroup = this.physics.groups.groups.findIndex((g) => g.root === resolved.main_body);
    if (mainGroup <= 0) {
      throw new Error(`Ant-v5: main_body must be the id of a moving body with joints, got ${String(resolved.main_body)}`);
    }
    this.mainGroup = mainGroup;
    this.cfrc = new Float64Array(6 * model.bodies.length);
    const size =
      model.nq - (resolved.exclude_current_positions_from_observation ? 2 : 0) + model.nv +
      (resolved.include_cfrc_ext_in_observation ? 6 * (model.bodies.length - 1) : 0);
    this.observationSpace = new Box(-Infinity, Infinity, [size]);
  }

  /** MuJoCo's `cfrc_ext` after the last step (6 per body, body 0 = world). */
  get contactForces(): Float64Array {
    return this.cfrc;
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const s = this.options.reset_noise_scale;
    this.setState(this.uniformNoise(this.initQpos, s), this.normalNoise(this.initQvel, s));
    this.cfrc.fill(0);
    return { obs: this.remember(this.observation()), info: this.positionInfo() };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const before = this.mainBodyXY();
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    cfrcExt(this.physics, this.reader, this.cfrc);
    const after = this.mainBodyXY();
    const o = this.options;
    const xVelocity = (after[0] - before[0]) / this.dt;
    const yVelocity = (after[1] - before[1]) / this.dt;
    const z = this.qpos[2]!;
    const [zLo, zHi] = o.healthy_z_range as [number, number];
    const healthy = zLo <= z && z <= zHi;
    const forward = o.forward_reward_weight * xVelocity;
    const survive = healthy ? o.healthy_reward : 0;
    let squared = 0;
    for (let i = 0; i < action.length; i++) squared += action[i]! * action[i]!;
    const ctrlCost = o.ctrl_cost_weight * squared;
    const [lo, hi] = o.contact_force_range as [number, number];
    let contact = 0;
    for (let i = 0; i < this.cfrc.length; i++) {
      const f = Math.min(hi, Math.max(lo, this.cfrc[i]!));
      contact += f * f;
    }
    const contactCost = o.contact_cost_weight * contact;
    const reward = forward + survive - ctrlCost - contactCost;
    const terminated = !healthy && o.terminate_when_unhealthy;
    const info: Info = {
      ...this.positionInfo(),
      x_velocity: xVelocity,
      y_velocity: yVelocity,
      reward_forward: forward,
      reward_ctrl: -ctrlCost,
      reward_contact: -contactCost,
      reward_survive: survive,
    };
    if (terminated) info['termination_reason'] = `z = ${z} outside healthy_z_range [${zLo}, ${zHi}]`;
    return { obs: this.remember(this.observation()), reward, terminated, truncated: false, info };
  }

  private positionInfo(): Info {
    const dx = this.qpos[0]! - this.initQpos[0]!;
    const dy = this.qpos[1]! - this.initQpos[1]!;
    return { x_position: this.qpos[0]!, y_position: this.qpos[1]!, distance_from_origin: Math.hypot(dx, dy) };
  }

  /** World x, y of the main body's frame origin (MuJoCo's `xpos[main_body]`). */
  private mainBodyXY(): [number, number] {
    const o = 16 * this.mainGroup;
    return [this.reader.cache[o]!, this.reader.cache[o + 1]!];
  }

  private observation(): Float32Array {
    const o = this.options;
    const obs = new Float32Array(this.observationSpace.size);
    let k = 0;
    for (let i = o.exclude_current_positions_from_observation ? 2 : 0; i < this.qpos.length; i++) obs[k++] = this.qpos[i]!;
    for (let i = 0; i < this.qvel.length; i++) obs[k++] = this.qvel[i]!;
    if (o.include_cfrc_ext_in_observation) {
      const [lo, hi] = o.contact_force_range as [number, number];
      for (let i = 6; i < this.cfrc.length; i++) obs[k++] = Math.min(hi, Math.max(lo, this.cfrc[i]!));
    }
    return obs;
  }
}
