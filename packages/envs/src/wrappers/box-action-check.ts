// Checks the shape and type of an action given to a wrapper that maps Box actions, before it computes anything.
import { describeValue } from '../core/format.js';
import type { Box } from '../spaces/box.js';

/**
 * Throws unless `action` is a Float32Array with one value per component of `space`. Values are not checked here:
 * non-finite results are reported by the wrapped env's own action validation.
 */
export function checkBoxAction(action: unknown, space: Box, where: string): asserts action is Float32Array {
  if (!(action instanceof Float32Array) || action.length !== space.size) {
    throw new Error(`${where}: action must be a Float32Array of length ${space.size} (${String(space)}), got ${describeValue(action)}`);
  }
}
