// TransformAction: applies a function to every action before the wrapped env's step (gymnasium/wrappers/transform_action.py).
import type { Action, Env } from '../core/env.js';
import type { Space } from '../spaces/space.js';
import { ActionWrapper } from './action-wrapper.js';

/**
 * Steps the wrapped env with `fn(action)`. Pass `actionSpace` when the wrapper accepts actions from another space than
 * the wrapped env's; without it the wrapped env's space is kept (Gymnasium's `action_space=None`).
 */
export class TransformAction<Obs = Float32Array, Act = Action, InnerAct = Act> extends ActionWrapper<Obs, Act, InnerAct> {
  private readonly space: Space<Act> | undefined;

  constructor(
    env: Env<Obs, InnerAct>,
    readonly fn: (action: Act) => InnerAct,
    actionSpace?: Space<Act>,
  ) {
    super(env);
    if (typeof fn !== 'function') {
      throw new Error(`TransformAction: fn must be a function (action) => action, got ${typeof fn}`);
    }
    this.space = actionSpace;
  }

  override get actionSpace(): Space<Act> {
    return this.space ?? (this.env.actionSpace as unknown as Space<Act>);
  }

  action(action: Act): InnerAct {
    return this.fn(action);
  }
}
