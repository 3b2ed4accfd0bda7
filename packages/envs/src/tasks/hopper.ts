// Hopper-v5 (gymnasium/envs/mujoco/hopper_v5.py): hop forward on one leg without falling.
import { PlanarWalkerEnv, type PlanarWalkerOptions } from './planar-walker-env.js';
import { loadTaskModel } from './mujoco-env.js';
import { TASK_OVERLAYS } from './overlays.js';
import type { TaskOverlay } from './task-overlay.js';

export interface HopperOptions extends PlanarWalkerOptions {
  healthy_state_range: number[];
}

/** Gymnasium's Hopper-v5 keyword arguments and defaults. */
export const HOPPER_DEFAULTS: HopperOptions = {
  xml_file: 'hopper',
  frame_skip: 4,
  forward_reward_weight: 1.0,
  ctrl_cost_weight: 1e-3,
  healthy_reward: 1.0,
  terminate_when_unhealthy: true,
  healthy_state_range: [-100.0, 100.0],
  healthy_z_range: [0.7, Infinity],
  healthy_angle_range: [-0.2, 0.2],
  reset_noise_scale: 5e-3,
  exclude_current_positions_from_observation: true,
};

/** Healthy iff every entry of state_vector()[2:] lies in healthy_state_range, z in healthy_z_range, angle in healthy_angle_range (all strict). */
export class HopperEnv extends PlanarWalkerEnv {
  /** `overlay` replaces fields of the task's Rapier overlay (tools and tests; the registry uses the overlay as listed). */
  constructor(options: Partial<HopperOptions> = {}, overlay: Partial<TaskOverlay> = {}) {
    const resolved = { ...HOPPER_DEFAULTS, ...options };
    super('Hopper-v5', loadTaskModel(resolved.xml_file, 'Hopper-v5'), resolved, { ...TASK_OVERLAYS['Hopper-v5']!, ...overlay });
  }

  protected unhealthyReason(): string | undefined {
    const o = this.options as HopperOptions;
    const [lo, hi] = o.healthy_state_range as [number, number];
    const state = this.stateVector();
    for (let i = 2; i < state.length; i++) {
      if (!(lo < state[i]! && state[i]! < hi)) return `state_vector()[${i}] = ${state[i]} outside healthy_state_range (${lo}, ${hi})`;
    }
    const z = this.qpos[1]!;
    const angle = this.qpos[2]!;
    const [zLo, zHi] = o.healthy_z_range as [number, number];
    if (!(zLo < z && z < zHi)) return `z = ${z} outside healthy_z_range (${zLo}, ${zHi})`;
    const [aLo, aHi] = o.healthy_angle_range as [number, number];
    if (!(aLo < angle && angle < aHi)) return `angle = ${angle} outside healthy_angle_range (${aLo}, ${aHi})`;
    return undefined;
  }
}
