// SAC v1 (Haarnoja et al. 2018, arXiv 1801.01290): soft Q-networks bootstrapped from a state-value network V and a Polyak target V̄.
import * as tf from '@tensorflow/tfjs';
import type { SacConfig } from './config.js';
import { FlatAdam } from './flat-adam.js';
import { adamOptions, softBellmanTarget, type BatchTensors } from './learner-common.js';
import type { LearnerStateParts } from './learner-state.js';
import { Mlp } from './mlp.js';
import { SacLearner, type ContinuousSpec } from './sac-learner.js';

/**
 * Differences from SacLearner: the critic target is y = s·r + γ(1 − d)·V̄(s′) (eq. 7–8), and every update also trains
 * V on J_V = ½·mean((V(s) − (min_i Q_i(s, ã) − α log π(ã|s)))²) with ã ~ π(·|s) (eq. 5); the target updates move V̄
 * toward V. The policy step is the reparameterised one of eq. 12–13, shared with SacLearner.
 */
export class SacV1Learner extends SacLearner {
  readonly value: Mlp;
  readonly targetValue: Mlp;
  private readonly valueOptimizer: FlatAdam;

  constructor(spec: ContinuousSpec, config: Partial<SacConfig> = {}) {
    super(spec, { ...config, variant: 'sac-v1' });
    const c = this.config;
    const options = { sizes: [spec.observationSize, ...c.criticHiddenSizes, 1], activation: c.activation, init: c.init, rng: this.rng };
    this.value = new Mlp({ ...options, name: 'v' });
    this.targetValue = new Mlp({ ...options, name: 'v_target', trainable: false });
    this.targetValue.copyFrom(this.value);
    this.valueOptimizer = new FlatAdam(this.value.variables(), adamOptions(c, c.valueLr));
  }

  /** y = s·r + γ(1 − d)·V̄(s′) (arXiv 1801.01290 eq. 8). */
  override criticTarget(batch: BatchTensors, alpha: tf.Scalar): tf.Tensor2D {
    void alpha;
    return tf.tidy(() =>
      softBellmanTarget(batch.rewards, batch.notTerminated, this.targetValue.forward(batch.nextObservations), this.config.gamma, this.config.rewardScale),
    );
  }

  /** Target of V: min_i Q_i(s, ã) − α log π(ã|s), ã ~ π(·|s), without gradients (eq. 5). */
  valueTarget(observations: tf.Tensor2D, alpha: tf.Scalar, noise?: Float32Array): tf.Tensor2D {
    return tf.tidy(() => {
      const s = this.sample(observations, 'none', noise);
      const minQ = this.critics.minimum(tf.concat([observations, s.action], 1));
      return tf.sub(minQ, tf.mul(alpha, s.logProb)) as tf.Tensor2D;
    });
  }

  /** One Adam step of V on ½·mean((V(s) − target)²); returns the loss. */
  protected override auxiliaryStep(batch: BatchTensors): tf.Scalar {
    return tf.tidy(() => {
      const target = this.valueTarget(batch.observations, this.temperature.value());
      const { value, grads } = tf.variableGrads(
        () => tf.mul(tf.mean(tf.square(tf.sub(this.value.forward(batch.observations, 'weights'), target))), 0.5) as tf.Scalar,
        this.value.variables(),
      );
      this.valueOptimizer.apply(grads);
      return tf.keep(value);
    });
  }

  /** V̄ ← τ·V + (1 − τ)·V̄. */
  protected override updateTargets(): void {
    this.targetValue.polyakFrom(this.value, this.config.tau);
  }

  protected override stateParts(): LearnerStateParts {
    const base = super.stateParts();
    return {
      ...base,
      variables: [...base.variables, ...this.value.variables(), ...this.targetValue.variables(), ...this.valueOptimizer.momentVariables()],
      optimizers: [...base.optimizers, this.valueOptimizer],
    };
  }

  override dispose(): void {
    super.dispose();
    this.value.dispose();
    this.targetValue.dispose();
    this.valueOptimizer.dispose();
  }
}
