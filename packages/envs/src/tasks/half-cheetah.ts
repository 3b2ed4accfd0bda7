// HalfCheetah-v5 (gymnasium/envs/mujoco/half_cheetah_v5.py): run forward as fast as possible; never terminates.
import type { Info, StepResult } from '../core/env.js';
import { Box } from '../spaces/box.js';
import { loadTaskModel, MujocoEnv } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import type { TaskOverlay } from './task-overlay.js';

export interface HalfCheetahOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  forward_reward_weight: number;
  ctrl_cost_weight: number;
  reset_noise_scale: number;
  exclude_current_positions_from_observation: boolean;
}

/** Gymnasium's HalfCheetah-v5 keyword arguments and defaults. */
export const HALF_CHEETAH_DEFAULTS: HalfCheetahOptions = {
  xml_file: 'half_cheetah',
  frame_skip: 5,
  forward_reward_weight: 1.0,
  ctrl_cost_weight: 0.1,
  reset_noise_scale: 0.1,
  exclude_current_positions_from_observation: true,
};

/**
 * obs = qpos[1:] + qvel (not clipped); reward = forward_reward_weight·x_velocity − ctrl_cost_weight·‖a‖²;
 * reset: qpos += U(±s), qvel += s·N(0, 1).
 */
export class HalfCheetahEnv extends MujocoEnv {
  readonly observationSpace: Box;
  private readonly options: HalfCheetahOptions;

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<HalfCheetahOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...HALF_CHEETAH_DEFAULTS, ...options };
    const model = loadTaskModel(resolved.xml_file, 'HalfCheetah-v5');
    super('HalfCheetah-v5', model, resolved.frame_skip, { ...TASK_OVERLAYS['HalfCheetah-v5']!, ...overlay });
    this.options = resolved;
    const size = model.nq + model.nv - (resolved.exclude_current_positions_from_observation ? 1 : 0);
    this.observationSpace = new Box(-Infinity, Infinity, [size]);
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const s = this.options.reset_noise_scale;
    this.setState(this.uniformNoise(this.initQpos, s), this.normalNoise(this.initQvel, s));
    return { obs: this.remember(this.observation()), info: { x_position: this.qpos[0]! } };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const xBefore = this.qpos[0]!;
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    const xVelocity = (this.qpos[0]! - xBefore) / this.dt;
    const forward = this.options.forward_reward_weight * xVelocity;
    let squared = 0;
    for (let i = 0; i < action.length; i++) squared += action[i]! * action[i]!;
    const ctrlCost = this.options.ctrl_cost_weight * squared;
    const info: Info = { x_position: this.qpos[0]!, x_velocity: xVelocity, reward_forward: forward, reward_ctrl: -ctrlCost };
    return { obs: this.remember(this.observation()), reward: forward - ctrlCost, terminated: false, truncated: false, info };
  }

  private observation(): Float32Array {
    const skip = this.options.exclude_current_positions_from_observation ? 1 : 0;
    const obs = new Float32Array(this.observationSpace.size);
    let k = 0;
    for (let i = skip; i < this.qpos.length; i++) obs[k++] = this.qpos[i]!;
    for (let i = 0; i < this.qvel.length; i++) obs[k++] = this.qvel[i]!;
    return obs;
  }
}
