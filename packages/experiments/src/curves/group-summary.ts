// The summary table of a sweep: per group, final and best evaluation return (mean ± std over seeds), wall time, trials done.
import { runCurve } from './run-curve.js';
import type { RunGroup } from './run-grouping.js';
import { seedStatistics, type SeedStatistics } from './seed-statistics.js';
import { NO_SMOOTHING } from './smoothing.js';

export interface CurveGroupSummary {
  key: string;
  label: string;
  values: Record<string, unknown>;
  /** Trials the sweep lists for the group (the runs found, for plain runs). */
  trials: number;
  /** Runs whose config.json status is "finished". */
  done: number;
  /** Per run: the last finite value of the column (unsmoothed), then statistics over the runs that have one. */
  final: SeedStatistics | null;
  /** Per run: the largest finite value of the column, then statistics over the runs. */
  best: SeedStatistics | null;
  /** Per run: config.json wallSeconds, else the last row's timeSeconds; statistics over the runs that have one. */
  wallSeconds: SeedStatistics | null;
}

function statsOrNull(values: number[]): SeedStatistics | null {
  return values.length > 0 ? seedStatistics(values) : null;
}

/** Summarises each group from its runs' metrics (`column` defaults to the deterministic evaluation return). */
export function summarizeCurveGroups(groups: readonly RunGroup[], column = 'evalReturnMean'): CurveGroupSummary[] {
  return groups.map((group) => {
    const finals: number[] = [];
    const bests: number[] = [];
    const walls: number[] = [];
    for (const run of group.runs) {
      const curve = runCurve(run.rows, column, NO_SMOOTHING);
      if (curve.values.length > 0) {
        finals.push(curve.values[curve.values.length - 1]!);
        bests.push(Math.max(...curve.values));
      }
      const lastTime = runCurve(run.rows, 'timeSeconds', NO_SMOOTHING).values.at(-1);
      const wall = typeof run.record.wallSeconds === 'number' && Number.isFinite(run.record.wallSeconds) ? run.record.wallSeconds : lastTime;
      if (wall !== undefined) walls.push(wall);
    }
    return {
      key: group.key,
      label: group.label,
      values: group.values,
      trials: group.expectedRuns,
      done: group.runs.filter((run) => run.record.status === 'finished').length,
      final: statsOrNull(finals),
      best: statsOrNull(bests),
      wallSeconds: statsOrNull(walls),
    };
  });
}
