// A policy's weights as plain data (for acting without tfjs, checkpoints and exports) and the actor that runs them.
import type { Activation } from './config.js';
import type { AnySacLearner } from './create-learner.js';
import { DiscreteSacLearner } from './discrete-sac-learner.js';
import type { GaussianPolicyWeights } from './gaussian-policy.js';
import type { DenseWeights } from './mlp.js';
import { PlainCategoricalActor, PlainGaussianActor } from './plain-actor.js';
import type { Rng } from '@rapier-gym/envs';

/** The squashed Gaussian policy of continuous SAC, or the categorical policy of discrete SAC. */
export type PolicySnapshot =
  | { kind: 'gaussian'; observationSize: number; weights: GaussianPolicyWeights }
  | { kind: 'categorical'; observationSize: number; layers: DenseWeights[]; activation: Activation };

/** Copies the learner's current policy out of tfjs. */
export function snapshotPolicy(learner: AnySacLearner): PolicySnapshot {
  if (learner instanceof DiscreteSacLearner) {
    return { kind: 'categorical', observationSize: learner.spec.observationSize, layers: learner.exportPolicy(), activation: learner.config.activation };
  }
  return { kind: 'gaussian', observationSize: learner.spec.observationSize, weights: learner.exportPolicy() };
}

/** Acts with a snapshot in plain JS; actions are in the learner's space ([−1, 1]^|A|, or the index as one float). */
export class SnapshotActor {
  readonly snapshot: PolicySnapshot;
  /** Floats per learner action: |A| or 1. */
  readonly actionSize: number;
  private readonly gaussian: PlainGaussianActor | undefined;
  private readonly categorical: PlainCategoricalActor | undefined;

  constructor(snapshot: PolicySnapshot) {
    this.snapshot = snapshot;
    if (snapshot.kind === 'gaussian') {
      this.gaussian = new PlainGaussianActor(snapshot.weights);
      this.categorical = undefined;
      this.actionSize = snapshot.weights.actionSize;
    } else {
      this.categorical = new PlainCategoricalActor(snapshot.layers, snapshot.activation);
      this.gaussian = undefined;
      this.actionSize = 1;
    }
  }

  /** The mean action tanh(μ) / argmax π when deterministic, else a sample drawn with `rng`. */
  act(observation: Float32Array, deterministic: boolean, rng: Rng | undefined, out: Float32Array<ArrayBuffer> = new Float32Array(this.actionSize)): Float32Array {
    if (observation.length !== this.snapshot.observationSize) {
      throw new Error(`policy: observation must have length ${this.snapshot.observationSize}, received length ${observation.length}`);
    }
    if (this.gaussian) return this.gaussian.act(observation, { deterministic, ...(rng ? { rng } : {}) }, out).action;
    out[0] = this.categorical!.act(observation, deterministic, rng);
    return out;
  }
}
