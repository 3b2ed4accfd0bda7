// RescaleAction: affine map from [minAction, maxAction] to the wrapped env's action bounds (gymnasium/wrappers/transform_action.py, utils.py rescale_box).
import { type Action, type Env } from '../core/env.js';
import { describeValue } from '../core/format.js';
import { Box, type BoxBound } from '../spaces/box.js';
import { ActionWrapper } from './action-wrapper.js';
import { checkBoxAction } from './box-action-check.js';
import { wrapperLabel } from './wrapper-label.js';

/**
 * The wrapper accepts actions in `Box(minAction, maxAction)` (scalars are broadcast to the env's shape) and steps the
 * wrapped env with, per component i,
 *   envAction_i = low_i + (a_i − min_i) · (high_i − low_i) / (max_i − min_i),
 * the inverse of Gymnasium's `rescale_box` forward map. Actions outside [min, max] map outside [low, high] (nothing is
 * clipped). As in Gymnasium, a component may be unbounded only if its target bound is the same infinity; such a
 * component is shifted, not scaled (a ↦ a − min + low when only the lower bounds are finite, a ↦ a − max + high when only
 * the upper ones are, unchanged when neither is).
 */
export class RescaleAction<Obs = Float32Array> extends ActionWrapper<Obs, Float32Array, Action> {
  private readonly rescaled: Box;
  private readonly inAnchor: Float64Array;
  private readonly outAnchor: Float64Array;
  private readonly scale: Float64Array;

  constructor(env: Env<Obs, Action>, minAction: BoxBound, maxAction: BoxBound) {
    super(env);
    const where = wrapperLabel('RescaleAction', env);
    const space = env.actionSpace;
    if (!(space instanceof Box)) {
      throw new Error(`${where}: the action space must be a Box, got ${String(space)}`);
    }
    const min = broadcastBound(minAction, space, 'minAction', where);
    const max = broadcastBound(maxAction, space, 'maxAction', where);
    const n = space.size;
    this.inAnchor = new Float64Array(n);
    this.outAnchor = new Float64Array(n);
    this.scale = new Float64Array(n).fill(1);
    for (let i = 0; i < n; i++) {
      const lo = space.low[i]!;
      const hi = space.high[i]!;
      if ((!Number.isFinite(min[i]!) || !Number.isFinite(lo)) && min[i] !== lo) {
        throw new Error(
          `${where}: minAction[${i}] = ${min[i]} cannot be mapped onto the env's low[${i}] = ${lo}; an unbounded component needs the same infinite bound on both sides`,
        );
      }
      if ((!Number.isFinite(max[i]!) || !Number.isFinite(hi)) && max[i] !== hi) {
        throw new Error(
          `${where}: maxAction[${i}] = ${max[i]} cannot be mapped onto the env's high[${i}] = ${hi}; an unbounded component needs the same infinite bound on both sides`,
        );
      }
      if (!(min[i]! < max[i]!)) {
        throw new Error(
          `${where}: minAction[${i}] must be strictly smaller than maxAction[${i}] (the rescaling has no inverse where they are equal), got ${min[i]} and ${max[i]}`,
        );
      }
      if (Number.isFinite(min[i]!)) {
        this.inAnchor[i] = min[i]!;
        this.outAnchor[i] = lo;
        if (Number.isFinite(max[i]!)) this.scale[i] = (hi - lo) / (max[i]! - min[i]!);
      } else if (Number.isFinite(max[i]!)) {
        this.inAnchor[i] = max[i]!;
        this.outAnchor[i] = hi;
      }
    }
    this.rescaled = new Box(min, max, space.shape);
  }

  override get actionSpace(): Box {
    return this.rescaled;
  }

  action(action: Float32Array): Float32Array {
    checkBoxAction(action, this.rescaled, wrapperLabel('RescaleAction', this));
    const out = new Float32Array(action.length);
    for (let i = 0; i < action.length; i++) {
      out[i] = this.outAnchor[i]! + (action[i]! - this.inAnchor[i]!) * this.scale[i]!;
    }
    return out;
  }
}

/** The bound as one float32-rounded value per component (the values the new Box stores). */
function broadcastBound(bound: BoxBound, space: Box, name: string, where: string): Float64Array {
  const out = new Float64Array(space.size);
  if (typeof bound === 'number') {
    if (Number.isNaN(bound)) throw new Error(`${where}: ${name} must be a number, got NaN`);
    return out.fill(Math.fround(bound));
  }
  if (bound === null || typeof bound !== 'object' || typeof bound.length !== 'number') {
    throw new Error(`${where}: ${name} must be a number or an array of ${space.size} numbers, got ${describeValue(bound)}`);
  }
  if (bound.length !== space.size) {
    throw new Error(
      `${where}: ${name} must have ${space.size} values to match the action space ${String(space)}, got ${bound.length}: ${describeValue(bound)}`,
    );
  }
  for (let i = 0; i < space.size; i++) {
    const v = bound[i];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new Error(`${where}: ${name}[${i}] must be a number, got ${describeValue(v)}`);
    }
    out[i] = Math.fround(v);
  }
  return out;
}
