// Discrete SAC (Christodoulou 2019, arXiv 1910.07207): categorical actor, one Q per action, exact expectations over actions.
import * as tf from '@tensorflow/tfjs';
import { resolveSacConfig, type SacConfig } from './config.js';
import type { CriticEnsemble } from './critic-ensemble.js';
import { SacLearnerBase } from './learner-base.js';
import { discreteTargetEntropy, ensembleTdLoss, softBellmanTarget, type BatchTensors } from './learner-common.js';
import { Mlp, type DenseWeights } from './mlp.js';

/** Observation length and number of discrete actions. */
export interface DiscreteSpec {
  observationSize: number;
  actionCount: number;
}

/**
 * Batches store the chosen action index as one float per row (`actionSize` 1 in the replay buffer). The update
 * schedule, optimisers and checkpoint parts are SacLearnerBase's, as for continuous SAC.
 */
export class DiscreteSacLearner extends SacLearnerBase<Mlp> {
  readonly spec: DiscreteSpec;
  /** Discrete SAC always has target critics. */
  declare readonly targetCritics: CriticEnsemble;

  constructor(spec: DiscreteSpec, config: Partial<SacConfig> = {}) {
    if (!Number.isInteger(spec.observationSize) || spec.observationSize < 1) {
      throw new Error(`discrete sac: observationSize must be a positive integer, received ${spec.observationSize}`);
    }
    if (!Number.isInteger(spec.actionCount) || spec.actionCount < 2) {
      throw new Error(`discrete sac: actionCount must be an integer ≥ 2, received ${spec.actionCount}`);
    }
    const c = resolveSacConfig(config);
    if (c.variant !== 'sac') {
      throw new Error(`discrete sac: variant must be "sac" (there is no discrete sac-v1), received "${c.variant}"`);
    }
    super(c, (rng) => ({
      kind: 'sac-discrete',
      policy: new Mlp({ sizes: [spec.observationSize, ...c.actorHiddenSizes, spec.actionCount], activation: c.activation, init: c.init, rng, name: 'pi_logits' }),
      criticInputSize: spec.observationSize,
      criticOutputSize: spec.actionCount,
      criticNames: ['dq', 'dq_target'],
      targetCritics: true,
      targetEntropy: discreteTargetEntropy(c, spec.actionCount),
      observationSize: spec.observationSize,
      batchActionSize: 1,
    }));
    this.spec = { ...spec };
  }

  /** π(·|s) and log π(·|s), [B, |A|] each (softmax of the logits). */
  distribution(observations: tf.Tensor2D, train: 'none' | 'weights' = 'none'): { probs: tf.Tensor2D; logProbs: tf.Tensor2D } {
    const logProbs = tf.logSoftmax(this.policy.forward(observations, train)) as tf.Tensor2D;
    return { probs: tf.exp(logProbs) as tf.Tensor2D, logProbs };
  }

  /** y = s·r + γ(1 − d)·Σ_a π(a|s′)[min_i Q̄_i(s′, a) − α log π(a|s′)] — the exact expectation (paper §4, point 3). */
  criticTarget(batch: BatchTensors, alpha: tf.Scalar): tf.Tensor2D {
    return tf.tidy(() => {
      const { probs, logProbs } = this.distribution(batch.nextObservations);
      const minQ = this.targetCritics.minimum(batch.nextObservations);
      const nextValue = tf.sum(tf.mul(probs, tf.sub(minQ, tf.mul(alpha, logProbs))), 1, true) as tf.Tensor2D;
      return softBellmanTarget(batch.rewards, batch.notTerminated, nextValue, this.config.gamma, this.config.rewardScale);
    });
  }

  /** Σ_i ½·mean((Q_i(s)[a] − y)²) with the taken action selected by a one-hot mask. */
  protected criticLoss(batch: BatchTensors, target: tf.Tensor2D): tf.Scalar {
    const taken = tf.oneHot(tf.cast(tf.reshape(batch.actions, [-1]), 'int32'), this.spec.actionCount);
    const chosen = this.critics.forwardEach(batch.observations, 'weights').map((q) => tf.sum(tf.mul(q, taken), 1, true));
    return ensembleTdLoss((chosen.length === 1 ? chosen[0]! : tf.concat(chosen, 1)) as tf.Tensor2D, target);
  }

  /**
   * J_π = mean_s Σ_a π(a|s)(α log π(a|s) − min_i Q_i(s, a)) with the critics as constants (exact expectation, no
   * reparameterisation); meanLogProb = mean_s Σ_a π log π, on which α then steps toward −α·(Σ_a π log π + H̄).
   */
  actorLoss(observations: tf.Tensor2D, alpha: tf.Scalar): { loss: tf.Scalar; meanLogProb: tf.Scalar } {
    const minQ = this.critics.minimum(observations);
    const { probs, logProbs } = this.distribution(observations, 'weights');
    return {
      loss: tf.mean(tf.sum(tf.mul(probs, tf.sub(tf.mul(alpha, logProbs), minQ)), 1)) as tf.Scalar,
      meanLogProb: tf.mean(tf.sum(tf.mul(probs, logProbs), 1)) as tf.Scalar,
    };
  }

  /** Action indices for `count` observations: argmax π when deterministic, else a categorical sample. */
  act(observations: Float32Array, deterministic = false, count = 1): Int32Array {
    const { observationSize, actionCount } = this.spec;
    if (observations.length !== count * observationSize) {
      throw new Error(`discrete sac act: expected ${count}×${observationSize} observation values, received ${observations.length}`);
    }
    const probsTensor = tf.tidy(() => this.distribution(tf.tensor2d(observations, [count, observationSize])).probs);
    const probs = probsTensor.dataSync();
    probsTensor.dispose();
    const out = new Int32Array(count);
    for (let r = 0; r < count; r++) {
      const row = probs.subarray(r * actionCount, (r + 1) * actionCount);
      if (deterministic) {
        let best = 0;
        for (let a = 1; a < actionCount; a++) if (row[a]! > row[best]!) best = a;
        out[r] = best;
      } else {
        let u = this.rng.uniform();
        let a = 0;
        while (a < actionCount - 1 && u >= row[a]!) u -= row[a++]!;
        out[r] = a;
      }
    }
    return out;
  }

  /** The logits network copied out of tfjs. */
  exportPolicy(): DenseWeights[] {
    return this.policy.exportWeights();
  }
}
