// Discrete SAC (Christodoulou 2019, arXiv 1910.07207): categorical actor, one Q per action, exact expectations over actions.
import * as tf from '@tensorflow/tfjs';
import { resolveSacConfig, type SacConfig } from './config.js';
import { CriticEnsemble } from './critic-ensemble.js';
import { EntropyTemperature } from './entropy-temperature.js';
import { FlatAdam } from './flat-adam.js';
import { assertFiniteLosses, discreteTargetEntropy, ensembleTdLoss, softBellmanTarget, uploadBatch, type BatchTensors, type SacUpdateMetrics } from './learner-common.js';
import { Mlp, type DenseWeights } from './mlp.js';
import type { TransitionBatch } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';
import { adamOptions } from './sac-learner.js';
import { actorStepsDue, targetUpdateDue } from './update-schedule.js';
import { exportLearnerState, importLearnerState, type LearnerState, type LearnerStateParts } from './learner-state.js';

/** Observation length and number of discrete actions. */
export interface DiscreteSpec {
  observationSize: number;
  actionCount: number;
}

/**
 * Batches store the chosen action index as one float per row (`actionSize` 1 in the replay buffer).
 * Each `update` is one critic step; actor/α steps and target updates follow the same schedule as continuous SAC.
 */
export class DiscreteSacLearner {
  readonly config: SacConfig;
  readonly spec: DiscreteSpec;
  readonly policy: Mlp;
  readonly critics: CriticEnsemble;
  readonly targetCritics: CriticEnsemble;
  readonly temperature: EntropyTemperature;
  private readonly actorOptimizer: FlatAdam;
  private readonly criticOptimizer: FlatAdam;
  private readonly rng: Rng;
  private counts = { criticSteps: 0, actorSteps: 0, targetUpdates: 0 };

  constructor(spec: DiscreteSpec, config: Partial<SacConfig> = {}) {
    if (!Number.isInteger(spec.observationSize) || spec.observationSize < 1) {
      throw new Error(`discrete sac: observationSize must be a positive integer, received ${spec.observationSize}`);
    }
    if (!Number.isInteger(spec.actionCount) || spec.actionCount < 2) {
      throw new Error(`discrete sac: actionCount must be an integer ≥ 2, received ${spec.actionCount}`);
    }
    this.config = resolveSacConfig(config);
    if (this.config.variant !== 'sac') {
      throw new Error(`discrete sac: variant must be "sac" (there is no discrete sac-v1), received "${this.config.variant}"`);
    }
    this.spec = { ...spec };
    const c = this.config;
    this.rng = new Rng(c.seed);
    this.policy = new Mlp({ sizes: [spec.observationSize, ...c.actorHiddenSizes, spec.actionCount], activation: c.activation, init: c.init, rng: this.rng, name: 'pi_logits' });
    const criticOptions = { members: c.numCritics, inputSize: spec.observationSize, hiddenSizes: c.criticHiddenSizes, outputSize: spec.actionCount, activation: c.activation, init: c.init, rng: this.rng, mode: c.criticEnsemble };
    this.critics = new CriticEnsemble({ ...criticOptions, name: 'dq' });
    this.targetCritics = new CriticEnsemble({ ...criticOptions, name: 'dq_target', trainable: false });
    this.targetCritics.copyFrom(this.critics);
    this.actorOptimizer = new FlatAdam(this.policy.variables(), adamOptions(c, c.actorLr));
    this.criticOptimizer = new FlatAdam(this.critics.variables(), adamOptions(c, c.criticLr));
    this.temperature = new EntropyTemperature(c.alpha, c.initialAlpha, discreteTargetEntropy(c, spec.actionCount), adamOptions(c, c.alphaLr));
  }

  get steps(): Readonly<{ criticSteps: number; actorSteps: number; targetUpdates: number }> {
    return { ...this.counts };
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
  criticStep(batch: BatchTensors): tf.Scalar {
    return tf.tidy(() => {
      const target = this.criticTarget(batch, this.temperature.value());
      const taken = tf.oneHot(tf.cast(tf.reshape(batch.actions, [-1]), 'int32'), this.spec.actionCount);
      const { value, grads } = tf.variableGrads(() => {
        const chosen = this.critics.forwardEach(batch.observations, 'weights').map((q) => tf.sum(tf.mul(q, taken), 1, true));
        return ensembleTdLoss((chosen.length === 1 ? chosen[0]! : tf.concat(chosen, 1)) as tf.Tensor2D, target);
      }, this.critics.variables());
      this.criticOptimizer.apply(grads);
      this.counts.criticSteps += 1;
      return value;
    });
  }

  /**
   * J_π = mean_s Σ_a π(a|s)(α log π(a|s) − min_i Q_i(s, a)) with the critics as constants (exact expectation, no
   * reparameterisation); then one α step on −α·(Σ_a π log π + H̄) with π detached. Returns kept scalars.
   */
  actorStep(observations: tf.Tensor2D): { actorLoss: tf.Scalar; meanLogProb: tf.Scalar; alphaLoss: tf.Scalar | undefined } {
    return tf.tidy(() => {
      const alpha = this.temperature.value();
      const minQ = this.critics.minimum(observations);
      let meanLogProb: tf.Scalar | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const { probs, logProbs } = this.distribution(observations, 'weights');
        meanLogProb = tf.keep(tf.mean(tf.sum(tf.mul(probs, logProbs), 1)) as tf.Scalar);
        return tf.mean(tf.sum(tf.mul(probs, tf.sub(tf.mul(alpha, logProbs), minQ)), 1)) as tf.Scalar;
      }, this.policy.variables());
      this.actorOptimizer.apply(grads);
      const alphaLoss = this.temperature.step(meanLogProb!);
      this.counts.actorSteps += 1;
      const result = { actorLoss: value, meanLogProb: tf.clone(meanLogProb!), alphaLoss };
      meanLogProb!.dispose();
      return result;
    });
  }

  update(batch: TransitionBatch): SacUpdateMetrics {
    const c = this.config;
    const held: { critic?: tf.Scalar; actor?: tf.Scalar; alpha?: tf.Scalar; meanLogProb?: tf.Scalar } = {};
    tf.tidy(() => {
      const tensors = uploadBatch(batch, this.spec.observationSize, 1);
      held.critic = tf.keep(this.criticStep(tensors));
      const actorSteps = actorStepsDue(this.counts.criticSteps, c.actorUpdateInterval);
      for (let k = 0; k < actorSteps; k++) {
        const step = this.actorStep(tensors.observations);
        for (const t of [held.actor, held.alpha, held.meanLogProb]) t?.dispose();
        held.actor = tf.keep(step.actorLoss);
        held.meanLogProb = tf.keep(step.meanLogProb);
        held.alpha = step.alphaLoss ? tf.keep(step.alphaLoss) : undefined;
      }
      if (targetUpdateDue(this.counts.criticSteps, c.targetUpdateInterval)) {
        this.targetCritics.polyakFrom(this.critics, c.tau);
        this.counts.targetUpdates += 1;
      }
    });
    const list = [held.critic, held.actor, held.alpha, held.meanLogProb];
    const values = tf.tidy(() => tf.stack([...list.map((t) => t ?? tf.scalar(Number.NaN)), this.temperature.value()]));
    const data = values.dataSync();
    values.dispose();
    for (const t of list) t?.dispose();
    const metrics: SacUpdateMetrics = {
      criticLoss: data[0]!,
      actorLoss: held.actor ? data[1] : undefined,
      alphaLoss: held.alpha ? data[2] : undefined,
      valueLoss: undefined,
      entropy: held.meanLogProb ? -data[3]! : undefined,
      alpha: data[4]!,
      ...this.counts,
    };
    assertFiniteLosses({ 'critic loss': metrics.criticLoss, 'actor loss': metrics.actorLoss, 'alpha loss': metrics.alphaLoss }, this.counts.criticSteps);
    return metrics;
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

  private stateParts(): LearnerStateParts {
    return {
      kind: 'sac-discrete',
      config: this.config,
      variables: [
        ...this.policy.variables(),
        ...this.critics.variables(),
        ...this.targetCritics.variables(),
        ...this.actorOptimizer.momentVariables(),
        ...this.criticOptimizer.momentVariables(),
        ...this.temperature.stateVariables(),
      ],
      optimizers: [this.actorOptimizer, this.criticOptimizer, ...this.temperature.optimizers()],
      counts: this.counts,
      rng: this.rng,
    };
  }

  /** Full training state for checkpoints. */
  exportState(): LearnerState {
    return exportLearnerState(this.stateParts());
  }

  /** Restores a state exported by a discrete learner of the same shapes. */
  importState(state: LearnerState): void {
    this.counts = importLearnerState(this.stateParts(), state);
  }

  /** The logits network copied out of tfjs. */
  exportPolicy(): DenseWeights[] {
    return this.policy.exportWeights();
  }

  dispose(): void {
    this.policy.dispose();
    this.critics.dispose();
    this.targetCritics.dispose();
    this.actorOptimizer.dispose();
    this.criticOptimizer.dispose();
    this.temperature.dispose();
  }
}
