// Averages the runs of one group step by step: mean and a band (± sample std or min–max) over the seeds.
import { runCurve, type CurveRow } from './run-curve.js';
import { seedStatistics } from './seed-statistics.js';
import type { Smoothing } from './smoothing.js';

/** The band drawn around the mean: ± one sample standard deviation, or the min and max over the seeds. */
export type BandKind = 'std' | 'minmax';
export const BAND_KINDS: readonly BandKind[] = ['std', 'minmax'];

export interface CurvePoint {
  step: number;
  /** Runs that have a value at this step. */
  n: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  /** Band edges: mean ∓ std or min/max, by the chosen band. */
  lower: number;
  upper: number;
}

export interface AggregateOptions {
  column: string;
  band: BandKind;
  smoothing: Smoothing;
}

/**
 * Aligns runs on step and averages them. Every step at which at least one run has a finite value becomes a point
 * (no interpolation); the point's statistics use only the runs that have a value there, and `n` says how many. So a
 * run that stopped early, or a step only some seeds logged, gives points over fewer seeds, visible as n smaller than
 * the group's run count, never as a fabricated value. Each run is smoothed on its own before averaging.
 */
export function aggregateRuns(runs: readonly (readonly CurveRow[])[], options: AggregateOptions): CurvePoint[] {
  const byStep = new Map<number, number[]>();
  for (const rows of runs) {
    const curve = runCurve(rows, options.column, options.smoothing);
    curve.steps.forEach((step, i) => {
      const list = byStep.get(step);
      if (list) list.push(curve.values[i]!);
      else byStep.set(step, [curve.values[i]!]);
    });
  }
  return [...byStep.keys()]
    .sort((a, b) => a - b)
    .map((step) => {
      const s = seedStatistics(byStep.get(step)!);
      const [lower, upper] = options.band === 'std' ? [s.mean - s.std, s.mean + s.std] : [s.min, s.max];
      return { step, n: s.n, mean: s.mean, std: s.std, min: s.min, max: s.max, lower, upper };
    });
}
