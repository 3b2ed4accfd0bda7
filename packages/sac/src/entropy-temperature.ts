// The entropy coefficient α: fixed, or tuned through log α toward a target entropy (arXiv 1812.05905 §5, eq. 18).
import * as tf from '@tensorflow/tfjs';
import type { AdamOptions } from './flat-adam.js';
import { FlatAdam } from './flat-adam.js';

export class EntropyTemperature {
  readonly auto: boolean;
  readonly targetEntropy: number;
  private readonly logAlpha: tf.Variable;
  private readonly optimizer: FlatAdam | undefined;

  constructor(alpha: number | 'auto', initialAlpha: number, targetEntropy: number, adam: AdamOptions) {
    this.auto = alpha === 'auto';
    this.targetEntropy = targetEntropy;
    const start = alpha === 'auto' ? initialAlpha : alpha;
    // A fixed α of 0 has no logarithm; it is kept as a plain scalar instead.
    // Inside tidy so the initial scalar is released (the variable holds its own reference).
    this.logAlpha = tf.tidy(() => tf.variable(tf.scalar(start > 0 ? Math.log(start) : -Infinity), this.auto));
    this.optimizer = this.auto ? new FlatAdam([this.logAlpha], adam) : undefined;
  }

  /** α = exp(log α) as a scalar tensor (call inside tf.tidy). */
  value(): tf.Scalar {
    return tf.exp(this.logAlpha) as tf.Scalar;
  }

  /**
   * One step on J(α) = E[−α·(log π(a|s) + H̄)] (eq. 18) with log π held constant; `meanLogProb` is the batch mean of
   * log π. ∂J/∂log α = −α·(mean log π + H̄): α grows when the entropy −log π is below H̄ and shrinks above it.
   * Returns the loss (a scalar tensor), or undefined when α is fixed.
   */
  step(meanLogProb: tf.Scalar): tf.Scalar | undefined {
    if (!this.optimizer) return undefined;
    const { value, grads } = tf.variableGrads(
      () => tf.neg(tf.mul(tf.exp(this.logAlpha), tf.add(meanLogProb, this.targetEntropy))) as tf.Scalar,
      [this.logAlpha],
    );
    this.optimizer.apply(grads);
    return value;
  }

  /** log α and, when tuned, its Adam state (for checkpoints). */
  stateVariables(): tf.Variable[] {
    return [this.logAlpha, ...(this.optimizer?.momentVariables() ?? [])];
  }

  /** Optimisers whose step counts a checkpoint must carry. */
  optimizers(): FlatAdam[] {
    return this.optimizer ? [this.optimizer] : [];
  }

  dispose(): void {
    this.logAlpha.dispose();
    this.optimizer?.dispose();
  }
}
