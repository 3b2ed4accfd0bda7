// The sweep's summary: per group (swept values, seeds aggregated) final and best deterministic eval return, mean ± std, wall time.
import type { MetricsRow } from '@rapier-gym/sac';
import { seedStatistics } from './curves/seed-statistics.js';
import type { RunRecord } from './run-directory.js';
import type { SweepValue } from './sweep-spec.js';
import { SweepStore } from './sweep-store.js';

/** One trial's figures, read from its config.json and metrics.jsonl. */
export interface TrialSummary {
  id: string;
  seed: number;
  /** config.json's status, or "pending" when the trial has not started. */
  status: RunRecord['status'] | 'pending';
  /** Step of the last metrics row (0 when none). */
  step: number;
  /** evalReturnMean of the last row that has one (deterministic evaluation), or null. */
  finalEvalReturn: number | null;
  /** The largest evalReturnMean over the rows, or null. */
  bestEvalReturn: number | null;
  /** Training wall-clock seconds over every session (config.json wallSeconds), or null. */
  wallSeconds: number | null;
}

/** A group: the trials that share the swept values and differ in seed. Statistics are over its finished trials. */
export interface GroupSummary {
  group: string;
  overrides: Record<string, SweepValue>;
  trials: TrialSummary[];
  done: number;
  total: number;
  /** Mean and sample standard deviation (n − 1; 0 for one trial) over the finished trials (null when none finished). */
  finalEvalMean: number | null;
  finalEvalStd: number | null;
  bestEvalMean: number | null;
  bestEvalStd: number | null;
  /** Mean wall-clock seconds per finished trial. */
  wallSecondsMean: number | null;
}

export interface SweepSummary {
  name: string;
  store: string;
  generatedAt: string;
  done: number;
  total: number;
  /** Wall-clock seconds of the session that wrote this summary, when a pool ran it. */
  sessionSeconds: number | null;
  groups: GroupSummary[];
}

/** Mean and sample standard deviation (the curves' seedStatistics); nulls for no values. */
function meanAndStd(values: number[]): { mean: number | null; std: number | null } {
  if (values.length === 0) return { mean: null, std: null };
  const { mean, std } = seedStatistics(values);
  return { mean, std };
}

/** The final and best deterministic evaluation returns of a run's metrics rows. */
export function evalReturns(rows: readonly MetricsRow[]): { final: number | null; best: number | null } {
  const values = rows.map((row) => row.evalReturnMean).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return { final: values.length > 0 ? values[values.length - 1]! : null, best: values.length > 0 ? Math.max(...values) : null };
}

/** Reads every trial of a sweep folder (sweep.json + trials/) into per-group figures. */
export function summarizeSweep(storeOrDir: SweepStore | string, options: { wallSeconds?: number } = {}): SweepSummary {
  const store = typeof storeOrDir === 'string' ? new SweepStore(storeOrDir) : storeOrDir;
  const manifest = store.readManifest();
  const groups = new Map<string, GroupSummary>();
  for (const trial of manifest.trials) {
    const run = store.trial(trial.id);
    let summary: TrialSummary = { id: trial.id, seed: trial.seed, status: 'pending', step: 0, finalEvalReturn: null, bestEvalReturn: null, wallSeconds: null };
    if (run.exists()) {
      const record = run.readRecord();
      const rows = run.readMetrics();
      const returns = evalReturns(rows);
      summary = { ...summary, status: record.status, step: rows.at(-1)?.step ?? 0, finalEvalReturn: returns.final, bestEvalReturn: returns.best, wallSeconds: record.wallSeconds ?? null };
    }
    let group = groups.get(trial.group);
    if (!group) {
      group = { group: trial.group, overrides: trial.overrides, trials: [], done: 0, total: 0, finalEvalMean: null, finalEvalStd: null, bestEvalMean: null, bestEvalStd: null, wallSecondsMean: null };
      groups.set(trial.group, group);
    }
    group.trials.push(summary);
  }
  for (const group of groups.values()) {
    const finished = group.trials.filter((t) => t.status === 'finished');
    group.total = group.trials.length;
    group.done = finished.length;
    const final = meanAndStd(finished.map((t) => t.finalEvalReturn).filter((v): v is number => v !== null));
    const best = meanAndStd(finished.map((t) => t.bestEvalReturn).filter((v): v is number => v !== null));
    group.finalEvalMean = final.mean;
    group.finalEvalStd = final.std;
    group.bestEvalMean = best.mean;
    group.bestEvalStd = best.std;
    group.wallSecondsMean = meanAndStd(finished.map((t) => t.wallSeconds).filter((v): v is number => v !== null)).mean;
  }
  const all = [...groups.values()];
  return {
    name: manifest.name,
    store: store.dir,
    generatedAt: new Date().toISOString(),
    done: all.reduce((n, g) => n + g.done, 0),
    total: all.reduce((n, g) => n + g.total, 0),
    sessionSeconds: options.wallSeconds ?? null,
    groups: all,
  };
}

const plusMinus = (mean: number | null, std: number | null): string => (mean === null ? '—' : `${mean.toFixed(1)} ± ${(std ?? 0).toFixed(1)}`);

/** A group's label: its swept values as `field=value, …` ("base" when nothing is swept). */
export function groupLabel(overrides: Record<string, SweepValue>): string {
  const parts = Object.entries(overrides).map(([field, value]) => `${field}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return parts.length > 0 ? parts.join(', ') : 'base';
}

/** The summary as a plain-text table, one row per group, columns aligned. */
export function formatSummaryTable(summary: SweepSummary): string {
  const header = ['group', 'final eval return', 'best eval return', 'wall s/trial', 'done'];
  const rows = summary.groups.map((g) => [
    groupLabel(g.overrides),
    plusMinus(g.finalEvalMean, g.finalEvalStd),
    plusMinus(g.bestEvalMean, g.bestEvalStd),
    g.wallSecondsMean === null ? '—' : g.wallSecondsMean.toFixed(1),
    `${g.done}/${g.total}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const title = `sweep ${summary.name}: ${summary.done}/${summary.total} trials finished (eval return: deterministic policy, mean ± sample std over the finished seeds)`;
  return [title, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
