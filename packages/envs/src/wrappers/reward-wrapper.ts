// RewardWrapper: base class for wrappers that change the reward returned by step (gymnasium/core.py).
import type { Action, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';

/** Subclasses implement `reward(r)`, applied to the reward of every `step`. */
export abstract class RewardWrapper<Obs = Float32Array, Act = Action> extends Wrapper<Obs, Act> {
  override step(action: Act): StepResult<Obs> {
    const result = this.env.step(action);
    result.reward = this.reward(result.reward);
    return result;
  }

  /** The reward the wrapper returns for the wrapped env's reward `reward`. */
  abstract reward(reward: number): number;
}
