// Continuous SAC (Haarnoja et al. 2018, arXiv 1812.05905): N critics, squashed Gaussian actor, optional α tuning, on tfjs.
import * as tf from '@tensorflow/tfjs';
import { resolveSacConfig, type SacConfig } from './config.js';
import { CriticEnsemble } from './critic-ensemble.js';
import { EntropyTemperature } from './entropy-temperature.js';
import { FlatAdam, type AdamOptions } from './flat-adam.js';
import { GaussianPolicy, type GaussianPolicyWeights } from './gaussian-policy.js';
import {
  assertFiniteLosses,
  continuousTargetEntropy,
  ensembleTdLoss,
  softBellmanTarget,
  uploadBatch,
  type BatchTensors,
  type SacUpdateMetrics,
} from './learner-common.js';
import type { TransitionBatch } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';
import { noiseLogDensityConstant, sampleSquashedGaussian, type SquashedSample } from './squashed-gaussian.js';
import { actorStepsDue, targetUpdateDue } from './update-schedule.js';
import { exportLearnerState, importLearnerState, type LearnerState, type LearnerStateParts } from './learner-state.js';

export interface LossScalars {
  critic?: tf.Scalar;
  value?: tf.Scalar;
  actor?: tf.Scalar;
  alpha?: tf.Scalar;
  meanLogProb?: tf.Scalar;
}

/** Sizes of the continuous problem: observation length and action dimension (actions normalised to [−1, 1]). */
export interface ContinuousSpec {
  observationSize: number;
  actionSize: number;
}

/** Policy L2 penalty: ½·c·Σ‖W‖² on weights, or ½·c·(mean μ² + mean log σ²) on outputs (haarnoja/sac normal.py). */
export function policyRegularizer(
  config: Pick<SacConfig, 'policyRegularization' | 'policyRegularizationTarget'>,
  policy: GaussianPolicy,
  mean: tf.Tensor2D,
  logStd: tf.Tensor2D,
): tf.Scalar | undefined {
  const c = config.policyRegularization;
  if (c === 0) return undefined;
  if (config.policyRegularizationTarget === 'outputs') {
    return tf.mul(tf.add(tf.mean(tf.square(mean)), tf.mean(tf.square(logStd))), 0.5 * c) as tf.Scalar;
  }
  return tf.mul(tf.addN(policy.weightMatrices().map((w) => tf.sum(tf.square(w)))), 0.5 * c) as tf.Scalar;
}

export function adamOptions(config: SacConfig, learningRate: number): AdamOptions {
  return { learningRate, beta1: config.adamBeta1, beta2: config.adamBeta2, epsilon: config.adamEpsilon };
}

/** Validates observation / action sizes. */
export function checkSpec(spec: ContinuousSpec, what: string): void {
  for (const key of ['observationSize', 'actionSize'] as const) {
    if (!Number.isInteger(spec[key]) || spec[key] < 1) {
      throw new Error(`${what}: ${key} must be a positive integer, received ${spec[key]}`);
    }
  }
}

/**
 * The continuous SAC learner. Each `update(batch)` is one critic step; every `actorUpdateInterval`-th critic step runs
 * that many actor and α steps on the same batch, and every `targetUpdateInterval`-th one a Polyak target update.
 */
export class SacLearner {
  readonly config: SacConfig;
  readonly spec: ContinuousSpec;
  readonly policy: GaussianPolicy;
  readonly critics: CriticEnsemble;
  /** Target critics of SAC (v2); sac-v1 bootstraps from a target value network instead and has none. */
  readonly targetCritics: CriticEnsemble | undefined;
  readonly temperature: EntropyTemperature;
  protected readonly actorOptimizer: FlatAdam;
  protected readonly criticOptimizer: FlatAdam;
  protected readonly rng: Rng;
  protected counts = { criticSteps: 0, actorSteps: 0, targetUpdates: 0 };

  constructor(spec: ContinuousSpec, config: Partial<SacConfig> = {}) {
    checkSpec(spec, 'sac learner');
    this.config = resolveSacConfig(config);
    const expected = new.target === SacLearner ? 'sac' : 'sac-v1';
    if (this.config.variant !== expected) {
      throw new Error(
        `sac learner: variant must be "${expected}" for ${new.target.name}, received "${this.config.variant}" (use ${expected === 'sac' ? 'SacV1Learner' : 'SacLearner'})`,
      );
    }
    this.spec = { ...spec };
    const c = this.config;
    this.rng = new Rng(c.seed);
    this.policy = new GaussianPolicy({ ...spec, hiddenSizes: c.actorHiddenSizes, activation: c.activation, init: c.init, policyHead: c.policyHead, logStdMode: c.logStdMode, logStdMin: c.logStdMin, logStdMax: c.logStdMax, rng: this.rng });
    const criticOptions = { members: c.numCritics, inputSize: spec.observationSize + spec.actionSize, hiddenSizes: c.criticHiddenSizes, outputSize: 1, activation: c.activation, init: c.init, rng: this.rng, mode: c.criticEnsemble };
    this.critics = new CriticEnsemble({ ...criticOptions, name: 'q' });
    if (expected === 'sac') {
      this.targetCritics = new CriticEnsemble({ ...criticOptions, name: 'q_target', trainable: false });
      this.targetCritics.copyFrom(this.critics);
    } else {
      this.targetCritics = undefined;
    }
    this.actorOptimizer = new FlatAdam(this.policy.variables(), adamOptions(c, c.actorLr));
    this.criticOptimizer = new FlatAdam(this.critics.variables(), adamOptions(c, c.criticLr));
    this.temperature = new EntropyTemperature(c.alpha, c.initialAlpha, continuousTargetEntropy(c, spec.actionSize), adamOptions(c, c.alphaLr));
  }

  /** Cumulative step counts. */
  get steps(): Readonly<{ criticSteps: number; actorSteps: number; targetUpdates: number }> {
    return { ...this.counts };
  }

  /** Policy noise ε ~ N(0, I) for `rows` samples (or the given ε) and its log-density constant (call inside tf.tidy). */
  protected noise(rows: number, given?: Float32Array): { noise: tf.Tensor2D; constant: tf.Tensor2D } {
    const a = this.spec.actionSize;
    const eps = given ?? this.rng.fillNormal(new Float32Array(rows * a));
    if (eps.length !== rows * a) throw new Error(`sac sample: noise must have ${rows * a} values, received ${eps.length}`);
    return { noise: tf.tensor2d(eps, [rows, a]), constant: tf.tensor2d(noiseLogDensityConstant(eps, rows, a), [rows, 1]) };
  }

  /** A reparameterised squashed-Gaussian sample; `noise` fixes ε (tests), otherwise it is drawn (call inside tf.tidy). */
  sample(
    observations: tf.Tensor2D,
    train: 'none' | 'weights' = 'none',
    noise?: Float32Array,
  ): SquashedSample & { mean: tf.Tensor2D; logStd: tf.Tensor2D } {
    const { mean, logStd } = this.policy.distribution(observations, train);
    const eps = this.noise(observations.shape[0], noise);
    return { ...sampleSquashedGaussian(mean, logStd, eps.noise, eps.constant), mean, logStd };
  }

  /** Critic target y = s·r + γ(1 − d)(min_i Q̄_i(s′, a′) − α log π(a′|s′)), a′ ~ π(·|s′) (arXiv 1812.05905 eq. 3, 5). */
  criticTarget(batch: BatchTensors, alpha: tf.Scalar, noise?: Float32Array): tf.Tensor2D {
    return tf.tidy(() => {
      const next = this.sample(batch.nextObservations, 'none', noise);
      const minQ = this.targetCritics!.minimum(tf.concat([batch.nextObservations, next.action], 1));
      const nextValue = tf.sub(minQ, tf.mul(alpha, next.logProb));
      return softBellmanTarget(batch.rewards, batch.notTerminated, nextValue as tf.Tensor2D, this.config.gamma, this.config.rewardScale);
    });
  }

  /**
   * Policy loss J_π = mean(α·log π(ã|s) − min_i Q_i(s, ã)) with ã = tanh(μ + σε) (arXiv 1812.05905 eq. 7, 11). The gradient
   * flows through the critics into ã (critic weights are constants here) and only the policy's weights receive it.
   */
  actorLoss(observations: tf.Tensor2D, alpha: tf.Scalar, noise?: Float32Array): { loss: tf.Scalar; meanLogProb: tf.Scalar } {
    const s = this.sample(observations, 'weights', noise);
    const minQ = this.critics.minimum(tf.concat([observations, s.action], 1), 'input');
    let loss = tf.mean(tf.sub(tf.mul(alpha, s.logProb), minQ)) as tf.Scalar;
    const reg = policyRegularizer(this.config, this.policy, s.mean, s.logStd);
    if (reg) loss = tf.add(loss, reg) as tf.Scalar;
    return { loss, meanLogProb: tf.mean(s.logProb) as tf.Scalar };
  }

  /** One Adam step of all critics on Σ_i ½·mean((Q_i(s, a) − y)²); returns the loss (kept; the caller disposes it). */
  criticStep(batch: BatchTensors): tf.Scalar {
    return tf.tidy(() => {
      const target = this.criticTarget(batch, this.temperature.value());
      const criticInput = tf.concat([batch.observations, batch.actions], 1);
      const { value, grads } = tf.variableGrads(
        () => ensembleTdLoss(this.critics.forwardStacked(criticInput, 'weights'), target),
        this.critics.variables(),
      );
      this.criticOptimizer.apply(grads);
      this.counts.criticSteps += 1;
      return value;
    });
  }

  /** One Adam step of the policy (critics untouched), then one of α when tuned. Returned scalars are kept for the caller. */
  actorStep(observations: tf.Tensor2D, noise?: Float32Array): { actorLoss: tf.Scalar; meanLogProb: tf.Scalar; alphaLoss: tf.Scalar | undefined } {
    return tf.tidy(() => {
      const alpha = this.temperature.value();
      let meanLogProb: tf.Scalar | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const out = this.actorLoss(observations, alpha, noise);
        meanLogProb = tf.keep(out.meanLogProb);
        return out.loss;
      }, this.policy.variables());
      this.actorOptimizer.apply(grads);
      const alphaLoss = this.temperature.step(meanLogProb!);
      this.counts.actorSteps += 1;
      // meanLogProb escaped the gradient scope through tf.keep; returning it hands ownership to the caller's scope.
      const result = { actorLoss: value, meanLogProb: tf.clone(meanLogProb!), alphaLoss };
      meanLogProb!.dispose();
      return result;
    });
  }

  /** One gradient step of the critics, plus the actor/α/target steps the schedule asks for. Throws NonFiniteLossError. */
  update(batch: TransitionBatch): SacUpdateMetrics {
    const c = this.config;
    const scalars: LossScalars = {};
    tf.tidy(() => {
      const tensors = uploadBatch(batch, this.spec.observationSize, this.spec.actionSize);
      scalars.critic = tf.keep(this.criticStep(tensors));
      const actorSteps = actorStepsDue(this.counts.criticSteps, c.actorUpdateInterval);
      for (let k = 0; k < actorSteps; k++) {
        const step = this.actorStep(tensors.observations);
        for (const t of [scalars.actor, scalars.alpha, scalars.meanLogProb]) t?.dispose();
        scalars.actor = tf.keep(step.actorLoss);
        scalars.meanLogProb = tf.keep(step.meanLogProb);
        scalars.alpha = step.alphaLoss ? tf.keep(step.alphaLoss) : undefined;
      }
      scalars.value = this.auxiliaryStep(tensors);
      if (targetUpdateDue(this.counts.criticSteps, c.targetUpdateInterval)) {
        this.updateTargets();
        this.counts.targetUpdates += 1;
      }
    });
    return this.readMetrics(scalars);
  }

  /** Extra per-update step of a variant (sac-v1: the value network); returns its loss, kept. */
  protected auxiliaryStep(batch: BatchTensors): tf.Scalar | undefined {
    void batch;
    return undefined;
  }

  /** Polyak update of the target networks. */
  protected updateTargets(): void {
    this.targetCritics!.polyakFrom(this.critics, this.config.tau);
  }

  protected readMetrics(scalars: LossScalars): SacUpdateMetrics {
    const list = [scalars.critic, scalars.actor, scalars.alpha, scalars.meanLogProb, scalars.value];
    const values = tf.tidy(() => {
      const present = list.map((t) => t ?? tf.scalar(Number.NaN));
      return tf.stack([...present, this.temperature.value()]);
    });
    const data = values.dataSync();
    values.dispose();
    for (const t of list) t?.dispose();
    const metrics: SacUpdateMetrics = {
      criticLoss: data[0]!,
      actorLoss: scalars.actor ? data[1] : undefined,
      alphaLoss: scalars.alpha ? data[2] : undefined,
      valueLoss: scalars.value ? data[4] : undefined,
      entropy: scalars.meanLogProb ? -data[3]! : undefined,
      alpha: data[5]!,
      ...this.counts,
    };
    assertFiniteLosses(
      { 'critic loss': metrics.criticLoss, 'actor loss': metrics.actorLoss, 'alpha loss': metrics.alphaLoss, 'value loss': metrics.valueLoss },
      this.counts.criticSteps,
    );
    return metrics;
  }

  /**
   * Actions for `count` observations (row-major), normalised to [−1, 1]: tanh(μ) when deterministic, else a sample.
   * Uses tfjs; the plain-JS `PlainGaussianActor` on `exportPolicy()` computes the same function without tfjs.
   */
  act(observations: Float32Array, deterministic = false, count = 1): Float32Array {
    const { observationSize, actionSize } = this.spec;
    if (observations.length !== count * observationSize) {
      throw new Error(`sac act: expected ${count}×${observationSize} observation values, received ${observations.length}`);
    }
    const out = tf.tidy(() => {
      const obs = tf.tensor2d(observations, [count, observationSize]);
      if (deterministic) return tf.tanh(this.policy.distribution(obs).mean);
      return this.sample(obs).action;
    });
    const actions = Float32Array.from(out.dataSync() as Float32Array);
    out.dispose();
    if (actions.length !== count * actionSize) throw new Error('sac act: internal shape mismatch');
    return actions;
  }

  /** Variables and optimisers a checkpoint carries, in a fixed order (subclasses append theirs). */
  protected stateParts(): LearnerStateParts {
    return {
      kind: 'sac',
      config: this.config,
      variables: [
        ...this.policy.variables(),
        ...this.critics.variables(),
        ...(this.targetCritics?.variables() ?? []),
        ...this.actorOptimizer.momentVariables(),
        ...this.criticOptimizer.momentVariables(),
        ...this.temperature.stateVariables(),
      ],
      optimizers: [this.actorOptimizer, this.criticOptimizer, ...this.temperature.optimizers()],
      counts: this.counts,
      rng: this.rng,
    };
  }

  /** Full training state for checkpoints (weights, targets, Adam moments, α, counters, RNG). */
  exportState(): LearnerState {
    return exportLearnerState(this.stateParts());
  }

  /** Restores a state exported by a learner of the same kind and shapes. */
  importState(state: LearnerState): void {
    this.counts = importLearnerState(this.stateParts(), state);
  }

  /** The actor's weights copied out of tfjs, for the plain-JS actor. */
  exportPolicy(): GaussianPolicyWeights {
    return this.policy.exportWeights();
  }

  dispose(): void {
    this.policy.dispose();
    this.critics.dispose();
    this.targetCritics?.dispose();
    this.actorOptimizer.dispose();
    this.criticOptimizer.dispose();
    this.temperature.dispose();
  }
}
