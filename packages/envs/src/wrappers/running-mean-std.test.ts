// Tests RunningMeanStd against the textbook pooled mean and variance of a prior and samples.
import { describe, expect, it } from 'vitest';
import { RunningMeanStd } from './running-mean-std.js';

/**
 * Textbook pooled moments of a prior (mean 0, var 1, weight c0) and samples xs, per component:
 * mean = Σx / (c0 + n),  var = (c0·(1 + 0²) + Σx²) / (c0 + n) − mean².
 */
function pooled(xs: number[][], c0 = 1e-4): { mean: number[]; var: number[]; count: number } {
  const size = xs[0]!.length;
  const count = c0 + xs.length;
  const mean: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < size; i++) {
    let sum = 0;
    let sumSq = 0;
    for (const x of xs) {
      sum += x[i]!;
      sumSq += x[i]! * x[i]!;
    }
    const m = sum / count;
    mean.push(m);
    variance.push((c0 * 1 + sumSq) / count - m * m);
  }
  return { mean, var: variance, count };
}

function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, digits = 10): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i]!, digits);
}

const samples = [
  [1, -2],
  [3, 0.5],
  [-4, 8],
  [2.5, 2.5],
  [10, -7],
];

describe('RunningMeanStd', () => {
  it('starts at mean 0, var 1 and count 1e-4, as Gymnasium', () => {
    const rms = new RunningMeanStd(3);
    expect(Array.from(rms.mean)).toEqual([0, 0, 0]);
    expect(Array.from(rms.var)).toEqual([1, 1, 1]);
    expect(rms.count).toBe(1e-4);
    expect(rms.mean).toBeInstanceOf(Float64Array);
  });

  it('one sample at a time matches the pooled mean and variance of the prior and the samples', () => {
    const rms = new RunningMeanStd(2);
    for (let k = 0; k < samples.length; k++) {
      rms.updateOne(samples[k]!);
      const want = pooled(samples.slice(0, k + 1));
      expectAllClose(rms.mean, want.mean);
      expectAllClose(rms.var, want.var);
      expect(rms.count).toBeCloseTo(want.count, 12);
    }
  });

  it('a batch (row-major) gives the same statistics as its rows one by one', () => {
    const batched = new RunningMeanStd(2);
    batched.updateOne(samples[0]!);
    batched.update(samples.slice(1).flat(), samples.length - 1);
    const want = pooled(samples);
    expectAllClose(batched.mean, want.mean);
    expectAllClose(batched.var, want.var);
    expect(batched.count).toBeCloseTo(5.0001, 12);
  });

  it('updateFromMoments merges a batch given by its moments', () => {
    const rms = new RunningMeanStd(1);
    // Batch {2, 4, 6}: mean 4, population variance 8/3.
    rms.updateFromMoments([4], [8 / 3], 3);
    const want = pooled([[2], [4], [6]]);
    expect(rms.mean[0]).toBeCloseTo(want.mean[0]!, 12);
    expect(rms.var[0]).toBeCloseTo(want.var[0]!, 12);
  });

  it('getState/setState round-trip through JSON and continue identically', () => {
    const a = new RunningMeanStd(2);
    samples.slice(0, 3).forEach((x) => a.updateOne(x));
    const b = new RunningMeanStd(2);
    b.setState(JSON.parse(JSON.stringify(a.getState())));
    a.updateOne(samples[3]!);
    b.updateOne(samples[3]!);
    expect(Array.from(b.mean)).toEqual(Array.from(a.mean));
    expect(Array.from(b.var)).toEqual(Array.from(a.var));
    expect(b.count).toBe(a.count);
  });

  it('rejects bad sizes, samples and states with what was expected and received', () => {
    expect(() => new RunningMeanStd(0)).toThrow('RunningMeanStd: size must be a positive integer, got 0');
    expect(() => new RunningMeanStd(2, 0)).toThrow('RunningMeanStd: initialCount must be a positive finite number, got 0');
    const rms = new RunningMeanStd(2);
    expect(() => rms.updateOne([1, 2, 3])).toThrow('RunningMeanStd.updateOne: x must have 2 components, got 3: Array(3) [1, 2, 3]');
    expect(() => rms.update([1, 2, 3], 2)).toThrow('RunningMeanStd.update: batch must hold batchCount × size = 2 × 2 numbers, got 3');
    expect(() => rms.update([], 0)).toThrow('RunningMeanStd.update: batchCount must be a positive integer, got 0');
    expect(() => rms.setState({ mean: [0], var: [1, 1], count: 1 })).toThrow(
      /expected \{ mean, var \} arrays of 2 finite numbers, got mean Array\(1\) \[0\]/,
    );
    expect(() => rms.setState({ mean: [0, 0], var: [1, -1], count: 1 })).toThrow('RunningMeanStd.setState: var[1] must be >= 0, got -1');
    expect(() => rms.setState({ mean: [0, 0], var: [1, 1], count: 0 })).toThrow(
      'RunningMeanStd.setState: count must be a positive finite number, got 0',
    );
    expect(() => rms.setState({ mean: [0, NaN], var: [1, 1], count: 1 })).toThrow(/arrays of 2 finite numbers/);
  });
});
