// Hand-computed checks of the curve math: seed statistics, smoothing, one run's points, aggregation across seeds.
import { describe, expect, it } from 'vitest';
import { aggregateRuns } from './curve-aggregation.js';
import { resolveMetric } from './metric-choice.js';
import { runCurve } from './run-curve.js';
import { seedStatistics } from './seed-statistics.js';
import { NO_SMOOTHING, parseSmoothing, smoothValues } from './smoothing.js';

describe('seedStatistics', () => {
  it('gives mean, sample std (n − 1), min and max', () => {
    // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3 → std √(5/3) ≈ 1.2910
    const s = seedStatistics([1, 2, 3, 4]);
    expect(s).toMatchObject({ n: 4, mean: 2.5, min: 1, max: 4 });
    expect(s.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });
  it('one value has std 0', () => {
    expect(seedStatistics([7])).toEqual({ n: 1, mean: 7, std: 0, min: 7, max: 7 });
  });
  it('rejects an empty list and non-finite values', () => {
    expect(() => seedStatistics([])).toThrow(/at least one value, received none/);
    expect(() => seedStatistics([1, Number.NaN])).toThrow(/finite numbers, received NaN/);
  });
});

describe('smoothing', () => {
  it('a moving window averages the last k values (fewer at the start)', () => {
    expect(smoothValues([1, 3, 5, 7], { kind: 'window', size: 2 })).toEqual([1, 2, 4, 6]);
    expect(smoothValues([1, 3, 5, 7], { kind: 'window', size: 3 })).toEqual([1, 2, 3, 5]);
  });
  it('an EMA starts at the first value: s = w·s + (1 − w)·x', () => {
    // 0; 0.5·0 + 0.5·4 = 2; 0.5·2 + 0.5·8 = 5
    expect(smoothValues([0, 4, 8], { kind: 'ema', weight: 0.5 })).toEqual([0, 2, 5]);
    // w = 0.75: 4; 0.75·4 + 0.25·0 = 3
    expect(smoothValues([4, 0], { kind: 'ema', weight: 0.75 })).toEqual([4, 3]);
  });
  it('parses --smooth forms and rejects others naming the expected forms', () => {
    expect(parseSmoothing('5')).toEqual({ kind: 'window', size: 5 });
    expect(parseSmoothing('1')).toEqual(NO_SMOOTHING);
    expect(parseSmoothing('none')).toEqual(NO_SMOOTHING);
    expect(parseSmoothing('ema:0.6')).toEqual({ kind: 'ema', weight: 0.6 });
    for (const bad of ['ema:1', 'ema:', '-2', '2.5', 'fast']) {
      expect(() => parseSmoothing(bad)).toThrow(new RegExp(`smooth: expected .* received "${bad}"`));
    }
  });
});

describe('runCurve', () => {
  it('leaves out missing values instead of counting them as 0, sorts by step, keeps the last row of a repeated step', () => {
    const rows = [
      { step: 300, evalReturnMean: 30 },
      { step: 100, evalReturnMean: 10 },
      { step: 200, evalReturnMean: null },
      { step: 250 },
      { step: 300, evalReturnMean: 33 },
    ];
    expect(runCurve(rows, 'evalReturnMean', NO_SMOOTHING)).toEqual({ steps: [100, 300], values: [10, 33] });
  });
  it('smooths over the kept values only', () => {
    const rows = [{ step: 1, x: 2 }, { step: 2, x: null }, { step: 3, x: 4 }];
    expect(runCurve(rows, 'x', { kind: 'window', size: 2 }).values).toEqual([2, 3]);
  });
});

describe('aggregateRuns', () => {
  const a = [{ step: 100, r: 10 }, { step: 200, r: 20 }, { step: 300, r: 30 }];
  const b = [{ step: 100, r: 20 }, { step: 200, r: 40 }]; // stopped early

  it('averages seeds per step with a ± std band, and a shorter run leaves later points with fewer seeds', () => {
    const points = aggregateRuns([a, b], { column: 'r', band: 'std', smoothing: NO_SMOOTHING });
    expect(points.map((p) => [p.step, p.n, p.mean])).toEqual([[100, 2, 15], [200, 2, 30], [300, 1, 30]]);
    // step 100: deviations ±5 → sample variance (25 + 25) / 1 = 50 → std √50
    expect(points[0]!.std).toBeCloseTo(Math.sqrt(50), 12);
    expect(points[0]!.lower).toBeCloseTo(15 - Math.sqrt(50), 12);
    expect(points[0]!.upper).toBeCloseTo(15 + Math.sqrt(50), 12);
    // step 200: 20 and 40 → std √200
    expect(points[1]!.std).toBeCloseTo(Math.sqrt(200), 12);
    expect(points[2]).toMatchObject({ std: 0, lower: 30, upper: 30 });
  });
  it('a min–max band spans the seeds', () => {
    const points = aggregateRuns([a, b], { column: 'r', band: 'minmax', smoothing: NO_SMOOTHING });
    expect(points.map((p) => [p.lower, p.upper])).toEqual([[10, 20], [20, 40], [30, 30]]);
  });
  it('smooths each run before averaging', () => {
    // a with window 2: 10, 15, 25; b: 20, 30 → means 15, 22.5, 25
    const points = aggregateRuns([a, b], { column: 'r', band: 'std', smoothing: { kind: 'window', size: 2 } });
    expect(points.map((p) => p.mean)).toEqual([15, 22.5, 25]);
  });
  it('no run with the column gives no points', () => {
    expect(aggregateRuns([a, b], { column: 'alpha', band: 'std', smoothing: NO_SMOOTHING })).toEqual([]);
  });
});

describe('resolveMetric', () => {
  it('maps short names to columns and passes columns through', () => {
    expect(resolveMetric('eval')).toMatchObject({ column: 'evalReturnMean', title: 'evaluation return (deterministic)' });
    expect(resolveMetric('train').column).toBe('episodeReturn');
    expect(resolveMetric('alpha').title).toBe('entropy coefficient α');
    expect(resolveMetric('criticLoss').column).toBe('criticLoss');
  });
  it('rejects a column outside the given list, naming the choices', () => {
    expect(() => resolveMetric('nope', ['step', 'alpha'])).toThrow(/metric: expected one of eval, train, alpha, entropy or a metrics column \(alpha\), received "nope"/);
    expect(() => resolveMetric('step')).toThrow(/received "step"/);
  });
});
