// TransformObservation: applies a function to every observation (gymnasium/wrappers/transform_observation.py).
import type { Action, Env } from '../core/env.js';
import type { Space } from '../spaces/space.js';
import { ObservationWrapper } from './observation-wrapper.js';

/**
 * Returns `fn(obs)` from `reset` and `step`. Pass `observationSpace` when the transformed observations leave the wrapped
 * env's observation space; without it the wrapped env's space is kept (Gymnasium's `observation_space=None`).
 */
export class TransformObservation<Obs = Float32Array, Act = Action, InnerObs = Float32Array> extends ObservationWrapper<
  Obs,
  Act,
  InnerObs
> {
  private readonly space: Space<Obs> | undefined;

  constructor(
    env: Env<InnerObs, Act>,
    readonly fn: (obs: InnerObs) => Obs,
    observationSpace?: Space<Obs>,
  ) {
    super(env);
    if (typeof fn !== 'function') {
      throw new Error(`TransformObservation: fn must be a function (obs) => obs, got ${typeof fn}`);
    }
    this.space = observationSpace;
  }

  override get observationSpace(): Space<Obs> {
    return this.space ?? (this.env.observationSpace as unknown as Space<Obs>);
  }

  observation(obs: InnerObs): Obs {
    return this.fn(obs);
  }
}
