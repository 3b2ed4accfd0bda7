// InvertedPendulum-v5 (gymnasium/envs/mujoco/inverted_pendulum_v5.py): keep a pole upright on a cart.
import type { Info, StepResult } from '../core/env.js';
import { Box } from '../spaces/box.js';
import { loadTaskModel, MujocoEnv } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import type { TaskOverlay } from './task-overlay.js';

export interface InvertedPendulumOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  reset_noise_scale: number;
}

/** Gymnasium's InvertedPendulum-v5 keyword arguments and defaults. */
export const INVERTED_PENDULUM_DEFAULTS: InvertedPendulumOptions = { xml_file: 'inverted_pendulum', frame_skip: 2, reset_noise_scale: 0.01 };

/** obs = qpos + qvel (cart x, pole angle, their rates); reward 1 while |angle| ≤ 0.2 and obs finite, which also ends the episode. */
export class InvertedPendulumEnv extends MujocoEnv {
  readonly observationSpace: Box;
  private readonly options: InvertedPendulumOptions;

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<InvertedPendulumOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...INVERTED_PENDULUM_DEFAULTS, ...options };
    const model = loadTaskModel(resolved.xml_file, 'InvertedPendulum-v5');
    super('InvertedPendulum-v5', model, resolved.frame_skip, { ...TASK_OVERLAYS['InvertedPendulum-v5']!, ...overlay });
    this.options = resolved;
    this.observationSpace = new Box(-Infinity, Infinity, [model.nq + model.nv]);
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const s = this.options.reset_noise_scale;
    this.setState(this.uniformNoise(this.initQpos, s), this.uniformNoise(this.initQvel, s));
    return { obs: this.remember(this.observation()), info: {} };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    const obs = this.observation();
    const terminated = !obs.every(Number.isFinite) || Math.abs(obs[1]!) > 0.2;
    const reward = terminated ? 0 : 1;
    const info: Info = { reward_survive: reward };
    if (terminated) info['termination_reason'] = `pole angle ${obs[1]} outside [-0.2, 0.2]`;
    return { obs: this.remember(obs), reward, terminated, truncated: false, info };
  }

  private observation(): Float32Array {
    const obs = new Float32Array(this.observationSpace.size);
    obs.set(this.qpos);
    obs.set(this.qvel, this.qpos.length);
    return obs;
  }
}
