// One run's curve of one metric: the (step, value) points where the run logged a finite value, optionally smoothed.
import { smoothValues, type Smoothing } from './smoothing.js';

/** A metrics row as read from metrics.jsonl: `step` plus named values (null where nothing was measured). */
export type CurveRow = { step: number } & Record<string, unknown>;

export interface RunCurve {
  steps: number[];
  values: number[];
}

/**
 * The run's points for `column`: rows whose value is not a finite number (null, missing, NaN) are left out rather
 * than counted as 0; rows are taken in step order and a repeated step keeps its last row (a resumed run may log a
 * step again). Smoothing then runs over the kept values.
 */
export function runCurve(rows: readonly CurveRow[], column: string, smoothing: Smoothing): RunCurve {
  const byStep = new Map<number, number>();
  for (const row of rows) {
    const step = row.step;
    const value = row[column];
    if (typeof step !== 'number' || !Number.isFinite(step)) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    byStep.set(step, value);
  }
  const steps = [...byStep.keys()].sort((a, b) => a - b);
  return { steps, values: smoothValues(steps.map((step) => byStep.get(step)!), smoothing) };
}
