// Walker2d-v5 (gymnasium/envs/mujoco/walker2d_v5.py): walk forward on two legs without falling.
import { PlanarWalkerEnv, type PlanarWalkerOptions } from './planar-walker-env.js';
import { loadTaskModel } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import type { TaskOverlay } from './task-overlay.js';

export type Walker2dOptions = PlanarWalkerOptions;

/** Gymnasium's Walker2d-v5 keyword arguments and defaults. */
export const WALKER2D_DEFAULTS: Walker2dOptions = {
  xml_file: 'walker2d',
  frame_skip: 4,
  forward_reward_weight: 1.0,
  ctrl_cost_weight: 1e-3,
  healthy_reward: 1.0,
  terminate_when_unhealthy: true,
  healthy_z_range: [0.8, 2.0],
  healthy_angle_range: [-1, 1],
  reset_noise_scale: 5e-3,
  exclude_current_positions_from_observation: true,
};

/** Healthy iff z in healthy_z_range and angle in healthy_angle_range (strict; v5 checks nothing else). */
export class Walker2dEnv extends PlanarWalkerEnv {
  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<Walker2dOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...WALKER2D_DEFAULTS, ...options };
    super('Walker2d-v5', loadTaskModel(resolved.xml_file, 'Walker2d-v5'), resolved, { ...TASK_OVERLAYS['Walker2d-v5']!, ...overlay });
  }

  protected unhealthyReason(): string | undefined {
    const z = this.qpos[1]!;
    const angle = this.qpos[2]!;
    const [zLo, zHi] = this.options.healthy_z_range as [number, number];
    if (!(zLo < z && z < zHi)) return `z = ${z} outside healthy_z_range (${zLo}, ${zHi})`;
    const [aLo, aHi] = this.options.healthy_angle_range as [number, number];
    if (!(aLo < angle && angle < aHi)) return `angle = ${angle} outside healthy_angle_range (${aLo}, ${aHi})`;
    return undefined;
  }
}
