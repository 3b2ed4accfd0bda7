// Swimmer-v5 (gymnasium/envs/mujoco/swimmer_v5.py): a three-link swimmer moves forward through a viscous fluid.
import type { Info, StepResult } from '../core/env.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { Box } from '../spaces/box.js';
import { FluidDrag } from './fluid-drag.js';
import { loadTaskModel, MujocoEnv } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import { foldRootJointTerms } from './root-joint-terms.js';
import type { TaskOverlay } from './task-overlay.js';

export interface SwimmerOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  forward_reward_weight: number;
  ctrl_cost_weight: number;
  reset_noise_scale: number;
  exclude_current_positions_from_observation: boolean;
}

/** Gymnasium's Swimmer-v5 keyword arguments and defaults. */
export const SWIMMER_DEFAULTS: SwimmerOptions = {
  xml_file: 'swimmer',
  frame_skip: 4,
  forward_reward_weight: 1.0,
  ctrl_cost_weight: 1e-4,
  reset_noise_scale: 0.1,
  exclude_current_positions_from_observation: true,
};

/**
 * obs = qpos[2:] (torso angle, two joint angles; all of qpos without exclusion) + qvel (5) = 8;
 * reward = forward_reward_weight·(x_after − x_before)/dt − ctrl_cost_weight·‖a‖², x = qpos[0] (the torso's slider);
 * never terminates; reset: qpos, qvel += U(±reset_noise_scale).
 * The fluid (option density 4000, viscosity 0.1) acts through MuJoCo's inertia-box model as Rapier forces
 * (fluid-drag.ts); the root sliders' and hinge's armature (0.1) is folded into the torso (root-joint-terms.ts).
 */
export class SwimmerEnv extends MujocoEnv {
  readonly observationSpace: Box;
  private readonly options: SwimmerOptions;
  private readonly drag: FluidDrag;

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<SwimmerOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...SWIMMER_DEFAULTS, ...options };
    const original: MjcfModel = loadTaskModel(resolved.xml_file, 'Swimmer-v5');
    const folded = foldRootJointTerms(original, 'Swimmer-v5');
    super('Swimmer-v5', folded.model, resolved.frame_skip, { ...TASK_OVERLAYS['Swimmer-v5']!, ...overlay });
    this.options = resolved;
    this.drag = new FluidDrag(original, this.physics);
    const size = this.model.nq + this.model.nv - (resolved.exclude_current_positions_from_observation ? 2 : 0);
    this.observationSpace = new Box(-Infinity, Infinity, [size]);
  }

  protected override beforeWorldStep(): void {
    if (!this.drag.active) return;
    this.reader.refresh();
    this.drag.apply(this.physics, this.reader);
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const s = this.options.reset_noise_scale;
    const qpos = this.uniformNoise(this.initQpos, s);
    const qvel = this.uniformNoise(this.initQvel, s);
    this.setState(qpos, qvel);
    return { obs: this.remember(this.observation()), info: this.positionInfo() };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const xBefore = this.qpos[0]!;
    const yBefore = this.qpos[1]!;
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    const o = this.options;
    const xVelocity = (this.qpos[0]! - xBefore) / this.dt;
    const yVelocity = (this.qpos[1]! - yBefore) / this.dt;
    const forward = o.forward_reward_weight * xVelocity;
    let squared = 0;
    for (let i = 0; i < action.length; i++) squared += action[i]! * action[i]!;
    const ctrlCost = o.ctrl_cost_weight * squared;
    const info: Info = {
      ...this.positionInfo(), x_velocity: xVelocity, y_velocity: yVelocity, reward_forward: forward, reward_ctrl: -ctrlCost,
    };
    return { obs: this.remember(this.observation()), reward: forward - ctrlCost, terminated: false, truncated: false, info };
  }

  private positionInfo(): Info {
    const x = this.qpos[0]!;
    const y = this.qpos[1]!;
    return { x_position: x, y_position: y, distance_from_origin: Math.hypot(x, y) };
  }

  private observation(): Float32Array {
    const obs = new Float32Array(this.observationSpace.size);
    let k = 0;
    for (let i = this.options.exclude_current_positions_from_observation ? 2 : 0; i < this.qpos.length; i++) obs[k++] = this.qpos[i]!;
    for (let i = 0; i < this.qvel.length; i++) obs[k++] = this.qvel[i]!;
    return obs;
  }
}
