// TimeLimit: truncates episodes after a fixed number of steps (gymnasium/wrappers/common.py TimeLimit).
import { envName, type Action, type Env, type ResetOptions, type ResetResult, type StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';
import { wrapperLabel } from './wrapper-label.js';

export class TimeLimit<Obs = Float32Array, Act = Action> extends Wrapper<Obs, Act> {
  private elapsed = 0;
  private ended = true;
  private resetOnce = false;

  constructor(
    env: Env<Obs, Act>,
    readonly maxEpisodeSteps: number,
  ) {
    super(env);
    if (!Number.isInteger(maxEpisodeSteps) || maxEpisodeSteps <= 0) {
      throw new Error(`TimeLimit(${envName(env)}): maxEpisodeSteps must be a positive integer, got ${maxEpisodeSteps}`);
    }
  }

  /** Steps taken in the current episode. */
  get elapsedSteps(): number {
    return this.elapsed;
  }

  override reset(options?: ResetOptions): ResetResult<Obs> {
    this.elapsed = 0;
    const result = this.env.reset(options);
    this.ended = false;
    this.resetOnce = true;
    return result;
  }

  override step(action: Act): StepResult<Obs> {
    if (this.ended) {
      throw new Error(
        this.resetOnce
          ? `${wrapperLabel('TimeLimit', this)}: step() called after the episode ended (terminated or truncated); call reset() first`
          : `${wrapperLabel('TimeLimit', this)}: step() called before reset(); call reset() first`,
      );
    }
    const result = this.env.step(action);
    this.elapsed += 1;
    if (this.elapsed >= this.maxEpisodeSteps) result.truncated = true;
    if (result.terminated || result.truncated) this.ended = true;
    return result;
  }
}
