// RunningMeanStd: per-component running mean and variance in float64 (gymnasium/wrappers/utils.py RunningMeanStd).
import { describeValue } from '../core/format.js';

/** A plain-data snapshot of the statistics, for checkpoints (JSON-safe). */
export interface RunningMeanStdState {
  mean: number[];
  var: number[];
  count: number;
}

/**
 * Tracks the mean and (population) variance of vectors of `size` components, batch by batch, with the formula for
 * combining two subsamples of Chan, Golub & LeVeque, "Updating formulae and a pairwise algorithm for computing
 * sample variances" (Stanford CS-TR-79-773, 1979), the "parallel algorithm" Gymnasium cites from Wikipedia's
 * "Algorithms for calculating variance": for a running (mean μ_A, variance σ²_A, count n_A) and a batch (μ_B, σ²_B, n_B),
 *   n = n_A + n_B,   δ = μ_B − μ_A,   μ = μ_A + δ·n_B / n,
 *   σ² = (σ²_A·n_A + σ²_B·n_B + δ²·n_A·n_B / n) / n.
 * As in Gymnasium, the statistics start at mean 0, variance 1 and a pseudo-count `initialCount` (1e-4), so the first
 * normalised values are finite and the prior is forgotten after a few samples.
 */
export class RunningMeanStd {
  readonly mean: Float64Array;
  readonly var: Float64Array;
  count: number;

  constructor(
    readonly size: number,
    readonly initialCount = 1e-4,
  ) {
    if (!Number.isInteger(size) || size <= 0) {
      throw new Error(`RunningMeanStd: size must be a positive integer, got ${describeValue(size)}`);
    }
    if (!(initialCount > 0) || !Number.isFinite(initialCount)) {
      throw new Error(`RunningMeanStd: initialCount must be a positive finite number, got ${describeValue(initialCount)}`);
    }
    this.mean = new Float64Array(size);
    this.var = new Float64Array(size).fill(1);
    this.count = initialCount;
  }

  /** Adds one sample of `size` components (a batch of one: batch mean = x, batch variance = 0). */
  updateOne(x: ArrayLike<number>): void {
    this.checkLength(x, 'updateOne', 'x');
    const total = this.count + 1;
    for (let i = 0; i < this.size; i++) {
      const delta = x[i]! - this.mean[i]!;
      this.mean[i] = this.mean[i]! + delta / total;
      this.var[i] = (this.var[i]! * this.count + (delta * delta * this.count) / total) / total;
    }
    this.count = total;
  }

  /**
   * Adds a batch of `batchCount` samples stored row-major in `batch` (`batchCount × size` numbers), using the batch's
   * own mean and population variance (numpy's `np.mean(x, 0)`, `np.var(x, 0)`), as Gymnasium's `update`.
   */
  update(batch: ArrayLike<number>, batchCount: number): void {
    if (!Number.isInteger(batchCount) || batchCount <= 0) {
      throw new Error(`RunningMeanStd.update: batchCount must be a positive integer, got ${describeValue(batchCount)}`);
    }
    if (batch.length !== batchCount * this.size) {
      throw new Error(
        `RunningMeanStd.update: batch must hold batchCount × size = ${batchCount} × ${this.size} numbers, got ${batch.length}`,
      );
    }
    if (batchCount === 1) {
      this.updateOne(batch);
      return;
    }
    const batchMean = new Float64Array(this.size);
    const batchVar = new Float64Array(this.size);
    for (let r = 0; r < batchCount; r++) {
      for (let i = 0; i < this.size; i++) batchMean[i] = batchMean[i]! + batch[r * this.size + i]!;
    }
    for (let i = 0; i < this.size; i++) batchMean[i] = batchMean[i]! / batchCount;
    for (let r = 0; r < batchCount; r++) {
      for (let i = 0; i < this.size; i++) {
        const d = batch[r * this.size + i]! - batchMean[i]!;
        batchVar[i] = batchVar[i]! + d * d;
      }
    }
    for (let i = 0; i < this.size; i++) batchVar[i] = batchVar[i]! / batchCount;
    this.updateFromMoments(batchMean, batchVar, batchCount);
  }

  /** Merges a batch given by its mean, population variance and count (Chan, Golub & LeVeque 1979, combining formula). */
  updateFromMoments(batchMean: ArrayLike<number>, batchVar: ArrayLike<number>, batchCount: number): void {
    this.checkLength(batchMean, 'updateFromMoments', 'batchMean');
    this.checkLength(batchVar, 'updateFromMoments', 'batchVar');
    if (!(batchCount > 0) || !Number.isFinite(batchCount)) {
      throw new Error(`RunningMeanStd.updateFromMoments: batchCount must be a positive finite number, got ${describeValue(batchCount)}`);
    }
    const total = this.count + batchCount;
    for (let i = 0; i < this.size; i++) {
      const delta = batchMean[i]! - this.mean[i]!;
      const m2 = this.var[i]! * this.count + batchVar[i]! * batchCount + (delta * delta * this.count * batchCount) / total;
      this.mean[i] = this.mean[i]! + (delta * batchCount) / total;
      this.var[i] = m2 / total;
    }
    this.count = total;
  }

  /** A copy of the statistics as plain arrays. */
  getState(): RunningMeanStdState {
    return { mean: Array.from(this.mean), var: Array.from(this.var), count: this.count };
  }

  /** Restores statistics saved by `getState` (validated: right sizes, finite values, var >= 0, count > 0). */
  setState(state: RunningMeanStdState): void {
    const mean = state?.mean;
    const variance = state?.var;
    if (!isNumberArray(mean, this.size) || !isNumberArray(variance, this.size)) {
      throw new Error(
        `RunningMeanStd.setState: expected { mean, var } arrays of ${this.size} finite numbers, got mean ${describeValue(mean)} and var ${describeValue(variance)}`,
      );
    }
    for (let i = 0; i < this.size; i++) {
      if (!(variance[i]! >= 0)) throw new Error(`RunningMeanStd.setState: var[${i}] must be >= 0, got ${variance[i]}`);
    }
    if (!(state.count > 0) || !Number.isFinite(state.count)) {
      throw new Error(`RunningMeanStd.setState: count must be a positive finite number, got ${describeValue(state.count)}`);
    }
    this.mean.set(mean);
    this.var.set(variance);
    this.count = state.count;
  }

  private checkLength(x: ArrayLike<number>, method: string, name: string): void {
    if (x.length !== this.size) {
      throw new Error(`RunningMeanStd.${method}: ${name} must have ${this.size} components, got ${x.length}: ${describeValue(x)}`);
    }
  }
}

function isNumberArray(value: unknown, length: number): value is ArrayLike<number> {
  if (!Array.isArray(value) && !(value instanceof Float64Array) && !(value instanceof Float32Array)) return false;
  const arr = value as ArrayLike<unknown>;
  if (arr.length !== length) return false;
  for (let i = 0; i < length; i++) {
    if (typeof arr[i] !== 'number' || !Number.isFinite(arr[i] as number)) return false;
  }
  return true;
}
