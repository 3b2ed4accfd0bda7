// Tests for the squashed Gaussian: log-prob against the change-of-variables density computed numerically, and log σ bounds.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { boundLogStd, noiseLogDensityConstant, sampleSquashedGaussian, squashedGaussianLogProb, tanhLogDetJacobian } from './squashed-gaussian.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Standard normal CDF from erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7).
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return 0.5 * (1 + (x >= 0 ? erf : -erf));
}

/** log density of a = tanh(u), u ~ N(μ, σ²), by differentiating the CDF P(A ≤ a) = Φ((atanh a − μ)/σ) numerically. */
function numericalLogDensity(a: number, mu: number, sigma: number): number {
  const h = 1e-5;
  const cdf = (y: number) => normalCdf((Math.atanh(y) - mu) / sigma);
  return Math.log((cdf(a + h) - cdf(a - h)) / (2 * h));
}

function logProbAt(u: number[][], mu: number[][], logStd: number[][]): number[] {
  return tf.tidy(() => Array.from(squashedGaussianLogProb(tf.tensor2d(mu), tf.tensor2d(logStd), tf.tensor2d(u)).dataSync()));
}

describe('squashed Gaussian log-prob', () => {
  it('equals the change-of-variables density computed numerically from the CDF', () => {
    const mu = 0.3;
    const logSigma = -0.5;
    for (const a of [-0.95, -0.5, 0, 0.2, 0.6, 0.9]) {
      const [logp] = logProbAt([[Math.atanh(a)]], [[mu]], [[logSigma]]);
      expect(logp).toBeCloseTo(numericalLogDensity(a, mu, Math.exp(logSigma)), 3);
    }
  });

  it('sums independent dimensions', () => {
    const [joint] = logProbAt([[0.4, -1.2]], [[0.1, -0.3]], [[-1, 0.5]]);
    const [first] = logProbAt([[0.4]], [[0.1]], [[-1]]);
    const [second] = logProbAt([[-1.2]], [[-0.3]], [[0.5]]);
    expect(joint).toBeCloseTo(first! + second!, 5);
  });

  it('integrates to one over (−1, 1)', () => {
    const n = 4000;
    const us: number[][] = [];
    for (let i = 0; i < n; i++) us.push([Math.atanh(-1 + (2 * (i + 0.5)) / n)]);
    const logps = logProbAt(us, us.map(() => [0.5]), us.map(() => [-0.2]));
    const integral = logps.reduce((s, lp) => s + Math.exp(lp) * (2 / n), 0);
    expect(integral).toBeCloseTo(1, 3);
  });

  it('keeps log(1 − tanh²u) finite and exact where tanh saturates in float32', () => {
    const u = [0.5, 5, 9, 15, -15];
    const got = tf.tidy(() => Array.from(tanhLogDetJacobian(tf.tensor1d(u)).dataSync()));
    // Exact in float64: log(1 − tanh²u) = log 4 − 2|u| − 2·log(1 + e^(−2|u|)).
    u.forEach((x, i) => expect(got[i]).toBeCloseTo(Math.log(4) - 2 * Math.abs(x) - 2 * Math.log1p(Math.exp(-2 * Math.abs(x))), 4));
    // The naive float32 formula log(1 − tanh(u)²) is −∞ at u = 10 (tanh rounds to 1).
    expect(tf.tidy(() => tf.log(tf.sub(1, tf.square(tf.tanh(tf.scalar(10))))).dataSync()[0])).toBe(-Infinity);
  });

  it('the reparameterised sample has the same log-prob as the density at u = μ + σε', () => {
    const mean = [[0.2, -0.7, 1.1]];
    const logStd = [[-0.3, 0.4, -1.5]];
    const eps = new Float32Array([0.5, -1.3, 2.0]);
    const u = [mean[0]!.map((m, j) => m + Math.exp(logStd[0]![j]!) * eps[j]!)];
    const sampled = tf.tidy(() => {
      const s = sampleSquashedGaussian(tf.tensor2d(mean), tf.tensor2d(logStd), tf.tensor2d(eps, [1, 3]), tf.tensor2d(noiseLogDensityConstant(eps, 1, 3), [1, 1]));
      return { action: Array.from(s.action.dataSync()), logProb: s.logProb.dataSync()[0]! };
    });
    expect(sampled.logProb).toBeCloseTo(logProbAt(u, mean, logStd)[0]!, 4);
    sampled.action.forEach((a, j) => expect(a).toBeCloseTo(Math.tanh(u[0]![j]!), 6));
  });
});

describe('boundLogStd', () => {
  const raw = [-30, -3, 0, 1, 5];
  function valueAndGrad(mode: 'clip' | 'clip-pass-gradient' | 'tanh', min: number, max: number) {
    return tf.tidy(() => {
      const x = tf.tensor2d([raw]);
      const g = tf.grad((t: tf.Tensor) => tf.sum(boundLogStd(t as tf.Tensor2D, mode, min, max)))(x);
      return { value: Array.from(boundLogStd(x, mode, min, max).dataSync()), grad: Array.from(g.dataSync()) };
    });
  }

  it('clip clamps to [−20, 2] and has zero gradient outside', () => {
    const { value, grad } = valueAndGrad('clip', -20, 2);
    expect(value).toEqual([-20, -3, 0, 1, 2]);
    expect(grad).toEqual([0, 1, 1, 1, 0]);
  });

  it('clip-pass-gradient clamps but passes the gradient through', () => {
    const { value, grad } = valueAndGrad('clip-pass-gradient', -20, 2);
    expect(value).toEqual([-20, -3, 0, 1, 2]);
    expect(grad).toEqual([1, 1, 1, 1, 1]);
  });

  it('tanh rescales into [−5, 2]: min + ½(max − min)(tanh(x) + 1)', () => {
    const { value } = valueAndGrad('tanh', -5, 2);
    raw.forEach((x, i) => expect(value[i]).toBeCloseTo(-5 + 3.5 * (Math.tanh(x) + 1), 5));
  });
});
