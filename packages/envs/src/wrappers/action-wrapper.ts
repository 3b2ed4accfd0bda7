// ActionWrapper: base class for wrappers that change the action before the wrapped env's step (gymnasium/core.py).
import type { Action, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';

/**
 * Subclasses implement `action(a)`, which maps an action of the wrapper's action space to one of the wrapped env's;
 * when the two spaces differ they also override `actionSpace`.
 */
export abstract class ActionWrapper<Obs = Float32Array, Act = Action, InnerAct = Act> extends Wrapper<Obs, Act, Obs, InnerAct> {
  override step(action: Act): StepResult<Obs> {
    return this.env.step(this.action(action));
  }

  /** The wrapped env's action for the wrapper's action `action`. */
  abstract action(action: Act): InnerAct;
}
