// The shared step of Hopper-v5 and Walker2d-v5 (gymnasium/envs/mujoco/hopper_v5.py, walker2d_v5.py).
import type { Info, StepResult } from '../core/env.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { Box } from '../spaces/box.js';
import { MujocoEnv } from './mujoco-env.js';
import type { TaskOverlay } from './task-overlay.js';

/** Keyword arguments shared by Hopper-v5 and Walker2d-v5, under Gymnasium's names. */
export interface PlanarWalkerOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  forward_reward_weight: number;
  ctrl_cost_weight: number;
  healthy_reward: number;
  terminate_when_unhealthy: boolean;
  healthy_z_range: number[];
  healthy_angle_range: number[];
  reset_noise_scale: number;
  exclude_current_positions_from_observation: boolean;
}

/**
 * obs = qpos[1:] (qpos with `exclude_current_positions_from_observation=false`) + clip(qvel, −10, 10);
 * reward = healthy_reward·is_healthy + forward_reward_weight·(x_after − x_before)/dt − ctrl_cost_weight·‖a‖²;
 * terminated = !is_healthy && terminate_when_unhealthy; reset: qpos, qvel += U(±reset_noise_scale).
 */
export abstract class PlanarWalkerEnv extends MujocoEnv {
  readonly observationSpace: Box;
  protected readonly options: PlanarWalkerOptions;

  protected constructor(id: string, model: MjcfModel, options: PlanarWalkerOptions, overlay: TaskOverlay) {
    super(id, model, options.frame_skip, overlay);
    this.options = options;
    const size = model.nq + model.nv - (options.exclude_current_positions_from_observation ? 1 : 0);
    this.observationSpace = new Box(-Infinity, Infinity, [size]);
  }

  /** Why the current state is unhealthy, or undefined when healthy. */
  protected abstract unhealthyReason(): string | undefined;

  protected resetState(): { obs: Float32Array; info: Info } {
    const s = this.options.reset_noise_scale;
    const qpos = this.uniformNoise(this.initQpos, s);
    const qvel = this.uniformNoise(this.initQvel, s);
    this.setState(qpos, qvel);
    return { obs: this.remember(this.observation()), info: { x_position: this.qpos[0]!, z_distance_from_origin: this.qpos[1]! - this.initQpos[1]! } };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const xBefore = this.qpos[0]!;
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    const xAfter = this.qpos[0]!;
    const xVelocity = (xAfter - xBefore) / this.dt;
    const o = this.options;
    const reason = this.unhealthyReason();
    const healthy = reason === undefined;
    const forward = o.forward_reward_weight * xVelocity;
    const survive = healthy ? o.healthy_reward : 0;
    let squared = 0;
    for (let i = 0; i < action.length; i++) squared += action[i]! * action[i]!;
    const ctrlCost = o.ctrl_cost_weight * squared;
    const reward = forward + survive - ctrlCost;
    const terminated = !healthy && o.terminate_when_unhealthy;
    const info: Info = {
      x_position: xAfter,
      z_distance_from_origin: this.qpos[1]! - this.initQpos[1]!,
      x_velocity: xVelocity,
      reward_forward: forward,
      reward_ctrl: -ctrlCost,
      reward_survive: survive,
    };
    if (terminated) info['termination_reason'] = reason;
    return { obs: this.remember(this.observation()), reward, terminated, truncated: false, info };
  }

  private observation(): Float32Array {
    const skip = this.options.exclude_current_positions_from_observation ? 1 : 0;
    const obs = new Float32Array(this.observationSpace.size);
    let k = 0;
    for (let i = skip; i < this.qpos.length; i++) obs[k++] = this.qpos[i]!;
    for (let i = 0; i < this.qvel.length; i++) obs[k++] = Math.min(10, Math.max(-10, this.qvel[i]!));
    return obs;
  }
}
