// TransformReward: applies a function to every reward (gymnasium/wrappers/transform_reward.py).
import type { Action, Env } from '../core/env.js';
import { RewardWrapper } from './reward-wrapper.js';

/** Returns `fn(reward)` from `step`. */
export class TransformReward<Obs = Float32Array, Act = Action> extends RewardWrapper<Obs, Act> {
  constructor(
    env: Env<Obs, Act>,
    readonly fn: (reward: number) => number,
  ) {
    super(env);
    if (typeof fn !== 'function') {
      throw new Error(`TransformReward: fn must be a function (reward) => reward, got ${typeof fn}`);
    }
  }

  reward(reward: number): number {
    return this.fn(reward);
  }
}
