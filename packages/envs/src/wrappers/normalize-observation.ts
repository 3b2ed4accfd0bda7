// NormalizeObservation: standardises observations with running statistics (gymnasium/wrappers/stateful_observation.py).
import { type Action, type Env } from '../core/env.js';
import { describeValue } from '../core/format.js';
import { Box } from '../spaces/box.js';
import { ObservationWrapper } from './observation-wrapper.js';
import { RunningMeanStd, type RunningMeanStdState } from './running-mean-std.js';
import { wrapperLabel } from './wrapper-label.js';

/** What `NormalizeObservation.getState` saves. */
export interface NormalizeObservationState {
  obsRms: RunningMeanStdState;
}

/**
 * Returns `(obs − mean) / sqrt(var + epsilon)` per component, as a new Float32Array, from `reset` and `step`. While
 * `updateRunningMean` is true (the default) each observation first updates `obsRms` (mean 0, var 1, count 1e-4 at
 * the start, as Gymnasium's RunningMeanStd); set it to false to freeze the statistics, e.g. for evaluation. The
 * statistics are float64 (Gymnasium keeps them in the observation dtype, float32). The observation space becomes the
 * unbounded `Box(-∞, ∞)` of the same shape.
 */
export class NormalizeObservation<Act = Action> extends ObservationWrapper<Float32Array, Act, Float32Array> {
  readonly obsRms: RunningMeanStd;
  /** Whether observations still update `obsRms` (Gymnasium's `update_running_mean`). */
  updateRunningMean = true;
  private readonly space: Box;

  constructor(
    env: Env<Float32Array, Act>,
    readonly epsilon = 1e-8,
  ) {
    super(env);
    const where = wrapperLabel('NormalizeObservation', env);
    if (!(epsilon > 0) || !Number.isFinite(epsilon)) {
      throw new Error(`${where}: epsilon must be a positive finite number, got ${describeValue(epsilon)}`);
    }
    const inner = env.observationSpace;
    if (!(inner instanceof Box)) {
      throw new Error(`${where}: the observation space must be a Box, got ${String(inner)}`);
    }
    this.space = new Box(-Infinity, Infinity, inner.shape);
    this.obsRms = new RunningMeanStd(inner.size);
  }

  override get observationSpace(): Box {
    return this.space;
  }

  observation(obs: Float32Array): Float32Array {
    const rms = this.obsRms;
    if (!(obs instanceof Float32Array) || obs.length !== rms.size) {
      throw new Error(
        `${wrapperLabel('NormalizeObservation', this)}: the wrapped env returned ${describeValue(obs)}, expected a Float32Array of length ${rms.size}`,
      );
    }
    if (this.updateRunningMean) rms.updateOne(obs);
    const out = new Float32Array(obs.length);
    for (let i = 0; i < obs.length; i++) {
      out[i] = (obs[i]! - rms.mean[i]!) / Math.sqrt(rms.var[i]! + this.epsilon);
    }
    return out;
  }

  /** The running statistics, as plain data for a checkpoint. */
  getState(): NormalizeObservationState {
    return { obsRms: this.obsRms.getState() };
  }

  /** Restores statistics saved by `getState`. */
  setState(state: NormalizeObservationState): void {
    if (state === null || typeof state !== 'object' || !('obsRms' in state)) {
      throw new Error(`NormalizeObservation.setState: expected { obsRms: { mean, var, count } }, got ${describeValue(state)}`);
    }
    this.obsRms.setState(state.obsRms);
  }
}
