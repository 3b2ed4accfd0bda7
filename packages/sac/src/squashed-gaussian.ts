// Squashed Gaussian policy distribution: a = tanh(u), u ~ N(μ, σ²), with the numerically stable change-of-variables term.
import * as tf from '@tensorflow/tfjs';
import type { LogStdMode } from './config.js';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const LOG_TWO = Math.log(2);

/**
 * log|d tanh(u)/du| = log(1 − tanh²u) = 2(log 2 − u − softplus(−2u)), elementwise (arXiv 1812.05905 appendix C, eq. 26,
 * rewritten so that it stays finite where tanh saturates).
 */
export function tanhLogDetJacobian(u: tf.Tensor): tf.Tensor {
  return tf.mul(tf.sub(tf.sub(LOG_TWO, u), tf.softplus(tf.mul(u, -2))), 2);
}

/**
 * log π(a|s) of a = tanh(u) for a given pre-squash u: Σ_j [log N(u_j; μ_j, σ_j) − log(1 − tanh² u_j)]
 * (arXiv 1812.05905 eq. 26). Returns [B, 1].
 */
export function squashedGaussianLogProb(mean: tf.Tensor2D, logStd: tf.Tensor2D, u: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const eps = tf.div(tf.sub(u, mean), tf.exp(logStd));
    const gaussian = tf.sub(tf.sub(tf.mul(tf.square(eps), -0.5), logStd), HALF_LOG_TWO_PI);
    return tf.sum(tf.sub(gaussian, tanhLogDetJacobian(u)), 1, true) as tf.Tensor2D;
  });
}

/**
 * The parts of log π that depend only on the noise ε: per row Σ_j(−½ε_j² − ½ log 2π − 2 log 2). Computed in JS next to
 * the noise it came from, so the sampled log-prob needs fewer tfjs ops. `out` has one value per row.
 */
export function noiseLogDensityConstant(noise: Float32Array, rows: number, cols: number, out = new Float32Array(rows)): Float32Array {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) {
      const e = noise[r * cols + c]!;
      s += -0.5 * e * e;
    }
    out[r] = s - cols * (HALF_LOG_TWO_PI + 2 * LOG_TWO);
  }
  return out;
}

/** A reparameterised sample and its log-probability. */
export interface SquashedSample {
  /** tanh(u) in (−1, 1)^|A|, [B, |A|]. */
  action: tf.Tensor2D;
  /** log π(a|s), [B, 1]. */
  logProb: tf.Tensor2D;
}

/**
 * Reparameterised sample u = μ + σ·ε (arXiv 1812.05905 eq. 11) and its log-prob. With ε given, log N(u; μ, σ) =
 * −½ε² − log σ − ½ log 2π, so log π = noiseConstant − Σ_j(log σ_j − 2u_j − 2 softplus(−2u_j)) with
 * noiseConstant = Σ_j(−½ε_j² − ½log 2π − 2 log 2) from `noiseLogDensityConstant`. Differentiable in μ and log σ.
 */
export function sampleSquashedGaussian(
  mean: tf.Tensor2D,
  logStd: tf.Tensor2D,
  noise: tf.Tensor2D,
  noiseConstant: tf.Tensor2D,
): SquashedSample {
  const u = tf.add(mean, tf.mul(tf.exp(logStd), noise));
  const minusTwoU = tf.mul(u, -2);
  const perDimension = tf.sub(tf.add(logStd, minusTwoU), tf.mul(tf.softplus(minusTwoU), 2));
  const logProb = tf.sub(noiseConstant, tf.sum(perDimension, 1, true)) as tf.Tensor2D;
  return { action: tf.tanh(u) as tf.Tensor2D, logProb };
}

/** Identity in the backward pass; used to clamp while passing the gradient through (Stable Baselines' clip_but_pass_gradient). */
const clipPassGradient = (x: tf.Tensor2D, min: number, max: number): tf.Tensor2D =>
  (
    tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
      value: tf.clipByValue(args[0] as tf.Tensor, min, max),
      gradFunc: (dy: tf.Tensor) => dy,
    })) as (t: tf.Tensor) => tf.Tensor2D
  )(x);

/**
 * Bounds the raw log-std output: "clip" = clamp (zero gradient outside), "clip-pass-gradient" = clamp with straight-through
 * gradient, "tanh" = min + ½(max − min)(tanh(raw) + 1).
 */
export function boundLogStd(raw: tf.Tensor2D, mode: LogStdMode, min: number, max: number): tf.Tensor2D {
  if (mode === 'clip') return tf.clipByValue(raw, min, max);
  if (mode === 'clip-pass-gradient') return clipPassGradient(raw, min, max);
  return tf.add(tf.mul(tf.add(tf.tanh(raw), 1), 0.5 * (max - min)), min) as tf.Tensor2D;
}
