// Pusher-v5 (gymnasium/envs/mujoco/pusher_v5.py): a 7-joint arm pushes a cylinder to a fixed goal on a table.
import type { Info, StepResult } from '../core/env.js';
import { Box } from '../spaces/box.js';
import { BodyComs } from './body-com.js';
import { loadTaskModel, MujocoEnv } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import { raiseLightLinkInertia } from './light-link-inertia.js';
import { lendAnchorMass } from './anchor-mass.js';
import { applyRootDamping, foldRootJointTerms, type RootDamping } from './root-joint-terms.js';
import type { TaskOverlay } from './task-overlay.js';

export interface PusherOptions {
  [key: string]: unknown;
  xml_file: string;
  frame_skip: number;
  reward_near_weight: number;
  reward_dist_weight: number;
  reward_control_weight: number;
}

/** Rapier-only: the floor on the wrist_flex link's principal moments (light-link-inertia.ts), kg·m². */
export const PUSHER_LINK_INERTIA_FLOOR = 1e-4;

/**
 * Rapier-only: kg moved from the forearm to the wrist_flex link at their shared anchor (anchor-mass.ts), so that one
 * TGS substep holds the 5 g link's joint; the robot's mass distribution is unchanged.
 */
export const PUSHER_WRIST_ANCHOR_MASS = 0.1;

/** Gymnasium's Pusher-v5 keyword arguments and defaults. */
export const PUSHER_DEFAULTS: PusherOptions = {
  xml_file: 'pusher',
  frame_skip: 5,
  reward_near_weight: 0.5,
  reward_dist_weight: 1,
  reward_control_weight: 0.1,
};

/**
 * obs = qpos[:7] + qvel[:7] (arm) + COM of tips_arm, object and goal (`get_body_com`, 3 each) = 23;
 * reward = −reward_dist_weight·‖object − goal‖ − reward_control_weight·‖a‖² − reward_near_weight·‖object − tips_arm‖
 * (after the step, as v5 does); never terminates (100-step episodes from the registry);
 * reset: arm at qpos0, object slides (obj_slidey, obj_slidex) = (U(−0.3, 0), U(−0.2, 0.2)) redrawn until the
 * pair is farther than 0.17 from the goal's (0, 0); goal slides 0; qvel = U(±0.005) with the last four set to 0.
 * The object's and goal's slide armature (0.04) and damping (0.5) act on their bodies (root-joint-terms.ts); the 5 g
 * wrist_flex link's inertia is raised to PUSHER_LINK_INERTIA_FLOOR so that Rapier holds its limit (light-link-inertia.ts),
 * and it borrows PUSHER_WRIST_ANCHOR_MASS from the forearm at its anchor so that its joint holds (anchor-mass.ts).
 */
export class PusherEnv extends MujocoEnv {
  readonly observationSpace = new Box(-Infinity, Infinity, [23]);
  private readonly options: PusherOptions;
  private readonly coms: BodyComs;
  private readonly damping: RootDamping[];
  private readonly points = new Float64Array(9);

  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<PusherOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...PUSHER_DEFAULTS, ...options };
    const original = loadTaskModel(resolved.xml_file, 'Pusher-v5');
    const raised = raiseLightLinkInertia(original, PUSHER_LINK_INERTIA_FLOOR).model;
    const lent = lendAnchorMass(raised, 'r_wrist_flex_link', PUSHER_WRIST_ANCHOR_MASS, 'Pusher-v5');
    const folded = foldRootJointTerms(lent, 'Pusher-v5');
    super('Pusher-v5', folded.model, resolved.frame_skip, { ...TASK_OVERLAYS['Pusher-v5']!, ...overlay });
    if (this.model.nq !== 11 || this.model.nv !== 11 || this.model.nu !== 7) {
      throw new Error(`Pusher-v5: expected a model with 11 qpos, 11 qvel and 7 actuators (7 arm hinges, object and goal slides), got ${this.model.nq}, ${this.model.nv} and ${this.model.nu}`);
    }
    this.options = resolved;
    this.damping = folded.damping;
    // COMs as MuJoCo compiles them (the folded armature must not move the object's or goal's COM)
    this.coms = new BodyComs(this.physics, ['tips_arm', 'object', 'goal'], 'Pusher-v5', (b) => original.bodies[b]!.com);
  }

  override setState(qpos: ArrayLike<number>, qvel: ArrayLike<number>): void {
    super.setState(qpos, qvel);
    applyRootDamping(this.physics, this.damping);
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    const qpos = Float64Array.from(this.initQpos);
    let y: number, x: number;
    do {
      y = this.rng.uniformIn(-0.3, 0);
      x = this.rng.uniformIn(-0.2, 0.2);
    } while (!(Math.hypot(y, x) > 0.17));
    const n = qpos.length;
    qpos[n - 4] = y;
    qpos[n - 3] = x;
    qpos[n - 2] = 0;
    qpos[n - 1] = 0;
    const qvel = this.uniformNoise(this.initQvel, 0.005);
    qvel.fill(0, n - 4);
    this.setState(qpos, qvel);
    return { obs: this.remember(this.observation()), info: {} };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const error = this.simulate(action);
    if (error) return this.physicsErrorStep(error);
    const obs = this.observation();
    const p = this.points;
    const near = Math.hypot(p[3]! - p[0]!, p[4]! - p[1]!, p[5]! - p[2]!);
    const dist = Math.hypot(p[3]! - p[6]!, p[4]! - p[7]!, p[5]! - p[8]!);
    let squared = 0;
    for (let i = 0; i < action.length; i++) squared += action[i]! * action[i]!;
    const o = this.options;
    const rewardNear = -near * o.reward_near_weight;
    const rewardDist = -dist * o.reward_dist_weight;
    const rewardCtrl = -squared * o.reward_control_weight;
    const info: Info = { reward_dist: rewardDist, reward_ctrl: rewardCtrl, reward_near: rewardNear };
    return { obs: this.remember(obs), reward: rewardDist + rewardCtrl + rewardNear, terminated: false, truncated: false, info };
  }

  /** Fills `points` with the COMs of tips_arm, object and goal and returns the observation. */
  private observation(): Float32Array {
    for (let i = 0; i < 3; i++) this.coms.read(this.reader, i, this.points, 3 * i);
    const obs = new Float32Array(23);
    for (let i = 0; i < 7; i++) {
      obs[i] = this.qpos[i]!;
      obs[7 + i] = this.qvel[i]!;
    }
    obs.set(this.points, 14);
    return obs;
  }
}
