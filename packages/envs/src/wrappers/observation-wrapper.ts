// ObservationWrapper: base class for wrappers that change observations from reset and step (gymnasium/core.py).
import type { Action, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';

/**
 * Subclasses implement `observation(obs)`, which is applied to the observation of every `reset` and `step`; when the
 * result lies outside the wrapped env's observation space they also override `observationSpace`.
 */
export abstract class ObservationWrapper<Obs = Float32Array, Act = Action, InnerObs = Float32Array> extends Wrapper<
  Obs,
  Act,
  InnerObs,
  Act
> {
  override reset(options?: ResetOptions): ResetResult<Obs> {
    const { obs, info } = this.env.reset(options);
    return { obs: this.observation(obs), info };
  }

  override step(action: Act): StepResult<Obs> {
    const { obs, reward, terminated, truncated, info } = this.env.step(action);
    return { obs: this.observation(obs), reward, terminated, truncated, info };
  }

  /** The observation the wrapper returns for the wrapped env's observation `obs`. */
  abstract observation(obs: InnerObs): Obs;
}
