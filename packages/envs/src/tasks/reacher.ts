// Reacher-v5 (gymnasium/envs/mujoco/reacher_v5.py): a two-link arm moves its fingertip to a random target.
import type { Info, StepResult } from '../core/env.js';
import { Box } from '../spaces/box.js';
import { BodyComs } from './body-com.js';
import { loadTaskModel, MujocoEnv } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import { foldRootJointTerms } from './root-joint-terms.js';
import type { TaskOverlay } from './task-overlay.js';

export interface ReacherOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  reward_dist_weight: number;
  reward_control_weight: number;
}

/** Gymnasium's Reacher-v5 keyword arguments and defaults (the code's reward_control_weight = 1, not the docstring's 0.1). */
export const REACHER_DEFAULTS: ReacherOptions = {
  xml_file: 'reacher',
  frame_skip: 2,
  reward_dist_weight: 1,
  reward_control_weight: 1,
};

/**
 * obs = cos θ (2), sin θ (2), qpos[2:] (target x, y), θ̇ (2), (fingertip − target)[:2] = 10, with fingertip and
 * target taken as the bodies' COMs (`get_body_com`);
 * reward = −reward_dist_weight·‖fingertip − target‖ − reward_control_weight·‖a‖² (after the step, as v5 does);
 * never terminates (50-step episodes from the registry);
 * reset: qpos = qpos0 + U(±0.1), then the target (qpos[-2:]) drawn uniformly in [−0.2, 0.2]² until ‖goal‖ < 0.2,
 * qvel = U(±0.005) with the target's set to 0.
 */
export class ReacherEnv extends MujocoEnv {
  readonly observationSpace = new Box(-Infinity, Infinity, [10]);
  private readonly options: ReacherOptions;
  private readonly coms: BodyComs;
  private readonly points = new Float64Array(6);
  /** The target position drawn at the last reset (Gymnasium's `self.goal`). */
  readonly goal = new Float64Array(2);

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<ReacherOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...REACHER_DEFAULTS, ...options };
    const folded = foldRootJointTerms(loadTaskModel(resolved.xml_file, 'Reacher-v5'), 'Reacher-v5');
    super('Reacher-v5', folded.model, resolved.frame_skip, { ...TASK_OVERLAYS['Reacher-v5']!, ...overlay });
    if (this.model.nq !== 4 || this.model.nv !== 4 || this.model.nu !== 2) {
      throw new Error(`Reacher-v5: expected a model with 4 qpos, 4 qvel and 2 actuators (two arm hinges, target x and y), got ${this.model.nq}, ${this.model.nv} and ${this.model.nu}`);
    }
    this.options = resolved;
    this.coms = new BodyComs(this.physics, ['fingertip', 'target'], 'Reacher-v5');
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const qpos = this.uniformNoise(this.initQpos, 0.1);
    for (;;) {
      this.goal[0] = this.rng.uniformIn(-0.2, 0.2);
      this.goal[1] = this.rng.uniformIn(-0.2, 0.2);
      if (Math.hypot(this.goal[0], this.goal[1]) < 0.2) break;
    }
    qpos[2] = this.goal[0];
    qpos[3] = this.goal[1];
    const qvel = this.uniformNoise(this.initQvel, 0.005);
    qvel[2] = 0;
    qvel[3] = 0;
    this.setState(qpos, qvel);
    return { obs: this.remember(this.observation()), info: {} };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    const obs = this.observation();
    const p = this.points;
    const distance = Math.hypot(p[0]! - p[3]!, p[1]! - p[4]!, p[2]! - p[5]!);
    let squared = 0;
    for (let i = 0; i < action.length; i++) squared += action[i]! * action[i]!;
    const rewardDist = -distance * this.options.reward_dist_weight;
    const rewardCtrl = -squared * this.options.reward_control_weight;
    const info: Info = { reward_dist: rewardDist, reward_ctrl: rewardCtrl };
    return { obs: this.remember(obs), reward: rewardDist + rewardCtrl, terminated: false, truncated: false, info };
  }

  /** Fills `points` with the fingertip's and the target's COMs and returns the observation. */
  private observation(): Float32Array {
    this.coms.read(this.reader, 0, this.points, 0);
    this.coms.read(this.reader, 1, this.points, 3);
    const q = this.qpos;
    const p = this.points;
    return Float32Array.of(
      Math.cos(q[0]!), Math.cos(q[1]!), Math.sin(q[0]!), Math.sin(q[1]!), q[2]!, q[3]!, this.qvel[0]!, this.qvel[1]!,
      p[0]! - p[3]!, p[1]! - p[4]!,
    );
  }
}
