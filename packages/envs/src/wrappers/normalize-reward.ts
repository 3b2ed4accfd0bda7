// NormalizeReward: scales rewards by the running std of a discounted return (gymnasium/wrappers/stateful_reward.py).
import { type Action, type Env, type StepResult } from '../core/env.js';
import { describeValue } from '../core/format.js';
import { Wrapper } from '../core/wrapper.js';
import { RunningMeanStd, type RunningMeanStdState } from './running-mean-std.js';
import { wrapperLabel } from './wrapper-label.js';

/** What `NormalizeReward.getState` saves. */
export interface NormalizeRewardState {
  returnRms: RunningMeanStdState;
  discountedReturn: number;
}

/**
 * Gymnasium 1.x reward scaling (Engstrom et al., "Implementation Matters in Deep Policy Gradients: A Case Study on
 * PPO and TRPO", ICLR 2020, "reward scaling"):
 * each step updates the discounted-return accumulator
 *   G ← G · γ · (1 − terminated) + r
 * (reset by `terminated` only, not by `truncated` nor by `reset()`, exactly as Gymnasium), feeds G to `returnRms` while
 * `updateRunningMean` is true, and returns r / sqrt(returnRms.var + epsilon). The mean is not subtracted (as in
 * Gymnasium, see openai/baselines#538).
 */
export class NormalizeReward<Obs = Float32Array, Act = Action> extends Wrapper<Obs, Act> {
  readonly returnRms = new RunningMeanStd(1);
  /** The discounted-return accumulator G (Gymnasium's `discounted_reward`). */
  discountedReturn = 0;
  /** Whether steps still update `returnRms` (Gymnasium's `update_running_mean`). */
  updateRunningMean = true;
  private readonly sample = new Float64Array(1);

  constructor(
    env: Env<Obs, Act>,
    readonly gamma = 0.99,
    readonly epsilon = 1e-8,
  ) {
    super(env);
    const where = wrapperLabel('NormalizeReward', env);
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new Error(`${where}: gamma must be in [0, 1], got ${describeValue(gamma)}`);
    }
    if (!(epsilon > 0) || !Number.isFinite(epsilon)) {
      throw new Error(`${where}: epsilon must be a positive finite number, got ${describeValue(epsilon)}`);
    }
  }

  override step(action: Act): StepResult<Obs> {
    const result = this.env.step(action);
    this.discountedReturn = this.discountedReturn * this.gamma * (result.terminated ? 0 : 1) + result.reward;
    if (this.updateRunningMean) {
      this.sample[0] = this.discountedReturn;
      this.returnRms.updateOne(this.sample);
    }
    result.reward = result.reward / Math.sqrt(this.returnRms.var[0]! + this.epsilon);
    return result;
  }

  /** The running statistics and the accumulator, as plain data for a checkpoint. */
  getState(): NormalizeRewardState {
    return { returnRms: this.returnRms.getState(), discountedReturn: this.discountedReturn };
  }

  /** Restores what `getState` saved. */
  setState(state: NormalizeRewardState): void {
    if (state === null || typeof state !== 'object' || !Number.isFinite(state.discountedReturn)) {
      throw new Error(
        `NormalizeReward.setState: expected { returnRms: { mean, var, count }, discountedReturn: finite number }, got ${describeValue(state)}`,
      );
    }
    this.returnRms.setState(state.returnRms);
    this.discountedReturn = state.discountedReturn;
  }
}
