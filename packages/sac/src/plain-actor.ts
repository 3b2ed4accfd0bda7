// Plain-JavaScript actor forward pass on weights copied out of tfjs after each update: the same math, no tfjs ops per step.
import type { Activation } from './config.js';
import type { GaussianPolicyWeights } from './gaussian-policy.js';
import type { DenseWeights } from './mlp.js';
import type { Rng } from '@rapier-gym/envs';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const LOG_TWO = Math.log(2);

/** out = act(x·W + b) for one row; W is row-major [in, out] as exported by Mlp.exportWeights. */
export function denseForward(
  layer: DenseWeights,
  x: ArrayLike<number>,
  activation: Activation | 'linear',
  out: Float32Array = new Float32Array(layer.outputSize),
): Float32Array {
  const { inputSize, outputSize, weights, bias } = layer;
  out.set(bias);
  for (let i = 0; i < inputSize; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const row = i * outputSize;
    for (let j = 0; j < outputSize; j++) out[j]! += xi * weights[row + j]!;
  }
  if (activation === 'relu') for (let j = 0; j < outputSize; j++) out[j] = out[j]! > 0 ? out[j]! : 0;
  else if (activation === 'tanh') for (let j = 0; j < outputSize; j++) out[j] = Math.tanh(out[j]!);
  return out;
}

function mlpForward(layers: DenseWeights[], x: ArrayLike<number>, activation: Activation, activateOutput: boolean, buffers: Float32Array[]): Float32Array {
  let h: ArrayLike<number> = x;
  layers.forEach((layer, i) => {
    const last = i === layers.length - 1;
    h = denseForward(layer, h, last && !activateOutput ? 'linear' : activation, buffers[i]);
  });
  return h as Float32Array;
}

function softplus(x: number): number {
  return x > 20 ? x : Math.log1p(Math.exp(x));
}

/** The squashed Gaussian policy of GaussianPolicy, evaluated one observation at a time in plain JS. */
export class PlainGaussianActor {
  private readonly weights: GaussianPolicyWeights;
  private readonly trunkBuffers: Float32Array[];
  private readonly headBuffers: Float32Array[];
  readonly mean: Float32Array;
  readonly logStd: Float32Array;

  constructor(weights: GaussianPolicyWeights) {
    this.weights = weights;
    this.trunkBuffers = weights.trunk.map((l) => new Float32Array(l.outputSize));
    this.headBuffers = weights.heads.map((l) => new Float32Array(l.outputSize));
    this.mean = new Float32Array(weights.actionSize);
    this.logStd = new Float32Array(weights.actionSize);
  }

  /** Mean and bounded log σ for one observation (kept in `this.mean` / `this.logStd`). */
  distribution(observation: Float32Array): void {
    const w = this.weights;
    const features = mlpForward(w.trunk, observation, w.activation, true, this.trunkBuffers);
    const a = w.actionSize;
    if (w.policyHead === 'joint') {
      const joint = denseForward(w.heads[0]!, features, 'linear', this.headBuffers[0]);
      this.mean.set(joint.subarray(0, a));
      this.logStd.set(joint.subarray(a, 2 * a));
    } else {
      this.mean.set(denseForward(w.heads[0]!, features, 'linear', this.headBuffers[0]));
      this.logStd.set(denseForward(w.heads[1]!, features, 'linear', this.headBuffers[1]));
    }
    const { logStdMode, logStdMin: min, logStdMax: max } = w;
    for (let j = 0; j < a; j++) {
      const raw = this.logStd[j]!;
      this.logStd[j] = logStdMode === 'tanh' ? min + 0.5 * (max - min) * (Math.tanh(raw) + 1) : Math.min(max, Math.max(min, raw));
    }
  }

  /**
   * An action in [−1, 1]^|A| and its log-probability: tanh(μ) when deterministic (log-prob NaN), else tanh(μ + σε) with
   * ε from `noise` or drawn from `rng`, log π as in squashed-gaussian.ts (arXiv 1812.05905 eq. 26, stable form).
   */
  act(observation: Float32Array, options: { deterministic?: boolean; rng?: Rng; noise?: ArrayLike<number> } = {}, out = new Float32Array(this.weights.actionSize)): { action: Float32Array; logProb: number } {
    this.distribution(observation);
    const a = this.weights.actionSize;
    if (options.deterministic) {
      for (let j = 0; j < a; j++) out[j] = Math.tanh(this.mean[j]!);
      return { action: out, logProb: Number.NaN };
    }
    if (!options.rng && !options.noise) throw new Error('plain actor: a stochastic action needs `rng` or `noise`');
    let logProb = 0;
    for (let j = 0; j < a; j++) {
      const eps = options.noise ? options.noise[j]! : options.rng!.normal();
      const u = this.mean[j]! + Math.exp(this.logStd[j]!) * eps;
      out[j] = Math.tanh(u);
      logProb += -0.5 * eps * eps - this.logStd[j]! - HALF_LOG_TWO_PI - 2 * (LOG_TWO - u - softplus(-2 * u));
    }
    return { action: out, logProb };
  }
}

/** The categorical policy of discrete SAC in plain JS: softmax of the logits MLP. */
export class PlainCategoricalActor {
  private readonly layers: DenseWeights[];
  private readonly activation: Activation;
  private readonly buffers: Float32Array[];
  readonly probs: Float32Array;

  constructor(layers: DenseWeights[], activation: Activation) {
    this.layers = layers;
    this.activation = activation;
    this.buffers = layers.map((l) => new Float32Array(l.outputSize));
    this.probs = new Float32Array(layers[layers.length - 1]!.outputSize);
  }

  /** π(·|s) for one observation (kept in `this.probs`). */
  distribution(observation: Float32Array): Float32Array {
    const logits = mlpForward(this.layers, observation, this.activation, false, this.buffers);
    let max = -Infinity;
    for (const l of logits) max = Math.max(max, l);
    let sum = 0;
    for (let k = 0; k < logits.length; k++) sum += this.probs[k] = Math.exp(logits[k]! - max);
    for (let k = 0; k < logits.length; k++) this.probs[k]! /= sum;
    return this.probs;
  }

  /** argmax π when deterministic, else a sample drawn with `rng`. */
  act(observation: Float32Array, deterministic: boolean, rng?: Rng): number {
    const p = this.distribution(observation);
    if (deterministic) return p.indexOf(Math.max(...p));
    if (!rng) throw new Error('plain categorical actor: a stochastic action needs `rng`');
    let u = rng.uniform();
    let k = 0;
    while (k < p.length - 1 && u >= p[k]!) u -= p[k++]!;
    return k;
  }
}
