// Checks an action against an action space and throws an error that names the env, the expectation and the value.
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import type { Space } from '../spaces/space.js';
import { describeValue } from './format.js';

/**
 * Validates shape, type and finiteness. Continuous actions outside the Box are NOT an error (Gymnasium envs clamp
 * where they clamp, e.g. Pendulum's torque); NaN and ±Infinity are. A discrete action must lie in the space.
 */
export function validateAction(space: Space<unknown>, action: unknown, env: string): void {
  if (space instanceof Box) {
    if (!(action instanceof Float32Array)) {
      throw new Error(`${env}: action must be a Float32Array of length ${space.size} (${String(space)}), got ${describeValue(action)}`);
    }
    if (action.length !== space.size) {
      throw new Error(`${env}: action must have length ${space.size} (${String(space)}), got length ${action.length}: ${describeValue(action)}`);
    }
    for (let i = 0; i < action.length; i++) {
      if (!Number.isFinite(action[i]!)) {
        throw new Error(`${env}: action[${i}] must be a finite number, got ${action[i]} in ${describeValue(action)}`);
      }
    }
    return;
  }
  if (space instanceof Discrete) {
    if (!space.contains(action)) {
      throw new Error(`${env}: action must be an integer in [${space.start}, ${space.start + space.n - 1}] (${String(space)}), got ${describeValue(action)}`);
    }
    return;
  }
  if (!space.contains(action)) {
    throw new Error(`${env}: action ${describeValue(action)} is not in the action space ${String(space)}`);
  }
}
