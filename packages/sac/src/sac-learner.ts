// Continuous SAC (Haarnoja et al. 2018, arXiv 1812.05905): N critics, squashed Gaussian actor, optional α tuning, on tfjs.
import * as tf from '@tensorflow/tfjs';
import { resolveSacConfig, type SacConfig } from './config.js';
import { GaussianPolicy, type GaussianPolicyWeights } from './gaussian-policy.js';
import { SacLearnerBase } from './learner-base.js';
import { continuousTargetEntropy, ensembleTdLoss, softBellmanTarget, type BatchTensors } from './learner-common.js';
import { noiseLogDensityConstant, sampleSquashedGaussian, type SquashedSample } from './squashed-gaussian.js';

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

/** Validates observation / action sizes. */
export function checkSpec(spec: ContinuousSpec, what: string): void {
  for (const key of ['observationSize', 'actionSize'] as const) {
    if (!Number.isInteger(spec[key]) || spec[key] < 1) {
      throw new Error(`${what}: ${key} must be a positive integer, received ${spec[key]}`);
    }
  }
}

/**
 * The continuous SAC learner: squashed Gaussian policy, critics on [s, a] with a minimum over target critics, α tuned
 * toward −|A|. The update schedule, optimisers and checkpoint parts are SacLearnerBase's.
 */
export class SacLearner extends SacLearnerBase<GaussianPolicy> {
  readonly spec: ContinuousSpec;

  constructor(spec: ContinuousSpec, config: Partial<SacConfig> = {}) {
    checkSpec(spec, 'sac learner');
    const resolved = resolveSacConfig(config);
    const expected = new.target === SacLearner ? 'sac' : 'sac-v1';
    if (resolved.variant !== expected) {
      throw new Error(
        `sac learner: variant must be "${expected}" for ${new.target.name}, received "${resolved.variant}" (use ${expected === 'sac' ? 'SacV1Learner' : 'SacLearner'})`,
      );
    }
    const c = resolved;
    super(resolved, (rng) => ({
      kind: expected,
      policy: new GaussianPolicy({ ...spec, hiddenSizes: c.actorHiddenSizes, activation: c.activation, init: c.init, policyHead: c.policyHead, logStdMode: c.logStdMode, logStdMin: c.logStdMin, logStdMax: c.logStdMax, rng }),
      criticInputSize: spec.observationSize + spec.actionSize,
      criticOutputSize: 1,
      criticNames: ['q', 'q_target'],
      targetCritics: expected === 'sac',
      targetEntropy: continuousTargetEntropy(c, spec.actionSize),
      observationSize: spec.observationSize,
      batchActionSize: spec.actionSize,
    }));
    this.spec = { ...spec };
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

  /** Σ_i ½·mean((Q_i(s, a) − y)²) over the critics (arXiv 1812.05905 eq. 5). */
  protected criticLoss(batch: BatchTensors, target: tf.Tensor2D): tf.Scalar {
    return ensembleTdLoss(this.critics.forwardStacked(tf.concat([batch.observations, batch.actions], 1), 'weights'), target);
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

  /** The actor's weights copied out of tfjs, for the plain-JS actor. */
  exportPolicy(): GaussianPolicyWeights {
    return this.policy.exportWeights();
  }
}
