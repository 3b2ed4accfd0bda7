// ClipAction: clips Box actions into the wrapped env's action bounds (gymnasium/wrappers/transform_action.py ClipAction).
import { type Action, type Env } from '../core/env.js';
import { Box } from '../spaces/box.js';
import { ActionWrapper } from './action-wrapper.js';
import { checkBoxAction } from './box-action-check.js';
import { wrapperLabel } from './wrapper-label.js';

/**
 * Steps the wrapped env with `clip(action, low, high)`, written to a new Float32Array (the caller's array is left
 * as it was). As in Gymnasium ≥ 1.0 the wrapper's action space is the unbounded `Box(-∞, ∞)` of the same shape, since
 * every finite (and infinite) action is now accepted; NaN is passed on and rejected by the wrapped env.
 */
export class ClipAction<Obs = Float32Array> extends ActionWrapper<Obs, Float32Array, Action> {
  private readonly bounds: Box;
  private readonly unbounded: Box;

  constructor(env: Env<Obs, Action>) {
    super(env);
    const space = env.actionSpace;
    if (!(space instanceof Box)) {
      throw new Error(`${wrapperLabel('ClipAction', env)}: the action space must be a Box, got ${String(space)}`);
    }
    this.bounds = space;
    this.unbounded = new Box(-Infinity, Infinity, space.shape);
  }

  override get actionSpace(): Box {
    return this.unbounded;
  }

  action(action: Float32Array): Float32Array {
    checkBoxAction(action, this.unbounded, wrapperLabel('ClipAction', this));
    const { low, high } = this.bounds;
    const clipped = new Float32Array(action.length);
    for (let i = 0; i < action.length; i++) {
      const v = action[i]!;
      // NaN fails both comparisons and is kept, so the wrapped env reports it.
      clipped[i] = v < low[i]! ? low[i]! : v > high[i]! ? high[i]! : v;
    }
    return clipped;
  }
}
