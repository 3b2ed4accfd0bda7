// InvertedDoublePendulum-v5 (gymnasium/envs/mujoco/inverted_double_pendulum_v5.py): balance two poles on a cart.
import type { Info, StepResult } from '../core/env.js';
import { Box } from '../spaces/box.js';
import { loadTaskModel, MujocoEnv } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import type { TaskOverlay } from './task-overlay.js';

export interface InvertedDoublePendulumOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  healthy_reward: number;
  reset_noise_scale: number;
}

/** Gymnasium's InvertedDoublePendulum-v5 keyword arguments and defaults. */
export const INVERTED_DOUBLE_PENDULUM_DEFAULTS: InvertedDoublePendulumOptions = {
  xml_file: 'inverted_double_pendulum',
  frame_skip: 5,
  healthy_reward: 10.0,
  reset_noise_scale: 0.1,
};

/**
 * obs = cart x, sin(θ1, θ2), cos(θ1, θ2), clip(qvel, ±10), clip(qfrc_constraint[0], ±10) (9);
 * reward = healthy_reward·alive − (0.01·x_tip² + (z_tip − 2)²) − (1e-3·ω1² + 5e-3·ω2²); terminated iff z_tip ≤ 1
 * (tip = site 0). qfrc_constraint[0] (the slider limit's force; no contacts here) is not readable from Rapier: it is
 * recovered from the cart direction's momentum balance over the last Rapier step:
 * F = ΔPx/h − (τ − damping·ẋ) − m·g_x.
 */
export class InvertedDoublePendulumEnv extends MujocoEnv {
  readonly observationSpace: Box;
  private readonly options: InvertedDoublePendulumOptions;
  private momentumBefore = 0;
  private constraintForce = 0;
  private readonly totalMass: number;

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<InvertedDoublePendulumOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...INVERTED_DOUBLE_PENDULUM_DEFAULTS, ...options };
    const model = loadTaskModel(resolved.xml_file, 'InvertedDoublePendulum-v5');
    super('InvertedDoublePendulum-v5', model, resolved.frame_skip, { ...TASK_OVERLAYS['InvertedDoublePendulum-v5']!, ...overlay });
    this.options = resolved;
    if (model.sites.length === 0) throw new Error('InvertedDoublePendulum-v5: the model needs a tip site (site 0)');
    this.totalMass = this.physics.groups.groups.slice(1).reduce((sum, g) => sum + g.massProperties.mass, 0);
    this.observationSpace = new Box(-Infinity, Infinity, [9]);
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const s = this.options.reset_noise_scale;
    this.setState(this.uniformNoise(this.initQpos, s), this.normalNoise(this.initQvel, s));
    this.constraintForce = 0;
    return { obs: this.remember(this.observation()), info: {} };
  }

  protected override beforeLastWorldStep(): void {
    this.momentumBefore = this.momentumX();
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    const h = this.physics.world.timestep;
    const slider = this.model.joints[0]!;
    const gear = this.model.actuators[0]!.gear;
    const [lo, hi] = this.model.actuators[0]!.ctrlRange;
    const tau = gear * Math.min(hi, Math.max(lo, action[0]!)) - slider.damping * this.qvel[0]!;
    this.constraintForce = (this.momentumX() - this.momentumBefore) / h - tau - this.totalMass * this.model.option.gravity[0];
    const [x, , y] = this.siteWorldPosition(0);
    const v1 = this.qvel[1]!;
    const v2 = this.qvel[2]!;
    const terminated = y <= 1;
    const distancePenalty = 0.01 * x * x + (y - 2) ** 2;
    const velocityPenalty = 1e-3 * v1 * v1 + 5e-3 * v2 * v2;
    const alive = terminated ? 0 : this.options.healthy_reward;
    const reward = alive - distancePenalty - velocityPenalty;
    const info: Info = { reward_survive: alive, distance_penalty: -distancePenalty, velocity_penalty: -velocityPenalty };
    if (terminated) info['termination_reason'] = `tip height ${y} ≤ 1`;
    return { obs: this.remember(this.observation()), reward, terminated, truncated: false, info };
  }

  /** Σ m·v_com,x over the moving bodies (the reader must be refreshed). */
  private momentumX(): number {
    const groups = this.physics.groups.groups;
    let p = 0;
    for (let g = 1; g < groups.length; g++) p += groups[g]!.massProperties.mass * this.reader.cache[16 * g + 10]!;
    return p;
  }

  private observation(): Float32Array {
    const clip = (v: number): number => Math.min(10, Math.max(-10, v));
    const q = this.qpos;
    const v = this.qvel;
    return Float32Array.of(
      q[0]!, Math.sin(q[1]!), Math.sin(q[2]!), Math.cos(q[1]!), Math.cos(q[2]!),
      clip(v[0]!), clip(v[1]!), clip(v[2]!), clip(this.constraintForce),
    );
  }
}
