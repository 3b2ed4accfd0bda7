// HumanoidStandup-v5 (gymnasium/envs/mujoco/humanoidstandup_v5.py): the Humanoid lying on its back learns to stand up.
import type { Info, StepResult } from '../core/env.js';
import { HumanoidModelEnv, type HumanoidObservationOptions } from './humanoid.js';
import type { TaskOverlay } from './task-overlay.js';

export interface HumanoidStandupOptions extends HumanoidObservationOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  uph_cost_weight: number;
  ctrl_cost_weight: number;
  impact_cost_weight: number;
  impact_cost_range: number[];
  reset_noise_scale: number;
}

/** Gymnasium's HumanoidStandup-v5 keyword arguments and defaults. */
export const HUMANOID_STANDUP_DEFAULTS: HumanoidStandupOptions = {
  xml_file: 'humanoidstandup',
  frame_skip: 5,
  uph_cost_weight: 1,
  ctrl_cost_weight: 0.1,
  impact_cost_weight: 0.5e-6,
  impact_cost_range: [-Infinity, 10.0],
  reset_noise_scale: 1e-2,
  exclude_current_positions_from_observation: true,
  include_cinert_in_observation: true,
  include_cvel_in_observation: true,
  include_qfrc_actuator_in_observation: true,
  include_cfrc_ext_in_observation: true,
};

/**
 * obs as Humanoid-v5 (348); reward = uph_cost_weight·z/timestep (MuJoCo's 0.003 s step, not dt) − ctrl_cost_weight·‖ctrl‖²
 * − clip(impact_cost_weight·‖cfrc_ext‖², impact_cost_range) + 1; never terminates; reset: qpos, qvel += U(±reset_noise_scale).
 * Info carries Gymnasium's keys plus `reward_alive` (the constant 1), so that the reward is the sum of the info terms.
 */
export class HumanoidStandupEnv extends HumanoidModelEnv {
  private readonly options: HumanoidStandupOptions;

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<HumanoidStandupOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...HUMANOID_STANDUP_DEFAULTS, ...options };
    super('HumanoidStandup-v5', resolved.xml_file, resolved.frame_skip, resolved, overlay);
    this.options = resolved;
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const s = this.options.reset_noise_scale;
    this.setState(this.uniformNoise(this.initQpos, s), this.uniformNoise(this.initQvel, s));
    this.updateQuantities(undefined);
    return { obs: this.remember(this.observation()), info: this.stateInfo() };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    this.updateQuantities(action);
    const o = this.options;
    const linup = (o.uph_cost_weight * this.qpos[2]!) / this.model.option.timestep;
    let squared = 0;
    for (let i = 0; i < action.length; i++) squared += action[i]! * action[i]!;
    const ctrlCost = o.ctrl_cost_weight * squared;
    const [lo, hi] = o.impact_cost_range as [number, number];
    const impactCost = Math.min(hi, Math.max(lo, o.impact_cost_weight * this.contactForceSquared()));
    const info: Info = { reward_linup: linup, reward_quadctrl: -ctrlCost, reward_impact: -impactCost, reward_alive: 1, ...this.stateInfo() };
    return { obs: this.remember(this.observation()), reward: linup - ctrlCost - impactCost + 1, terminated: false, truncated: false, info };
  }

  private stateInfo(): Info {
    const tendons = this.tendonState();
    return {
      x_position: this.qpos[0]!, y_position: this.qpos[1]!, z_distance_from_origin: this.qpos[2]! - this.initQpos[2]!,
      tendon_lenght: tendons.length, tendon_velocity: tendons.velocity,
    };
  }
}
