// The rows of a report's summary table: from the sweep's summary.json when it has the expected form, else from metrics.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CurveGroupSummary } from '../curves/group-summary.js';
import { groupLabelOf } from '../curves/run-grouping.js';

export interface SummaryCell {
  mean: number;
  std: number;
  /** Trials the statistics are over. */
  n: number;
}

export interface SummaryRow {
  label: string;
  final: SummaryCell | null;
  best: SummaryCell | null;
  /** Mean wall-clock seconds per trial. */
  wallSeconds: number | null;
  done: number;
  total: number;
}

export interface SummaryTable {
  rows: SummaryRow[];
  /** Where the figures come from and how they were computed (shown under the table). */
  note: string;
}

const isNumberOrNull = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isFinite(value));
const cell = (mean: number | null, std: number | null, n: number): SummaryCell | null => (mean === null ? null : { mean, std: std ?? 0, n });

/**
 * Reads `<sweepDir>/summary.json` as `rapier-gym sweep` writes it (groups with overrides, finalEvalMean/Std,
 * bestEvalMean/Std, wallSecondsMean, done, total). Returns undefined when the file is absent, does not parse or
 * any field has another type, so the caller falls back to computing the table from metrics.
 */
export function readSummaryFile(sweepDir: string, fields: readonly string[]): SummaryRow[] | undefined {
  const path = join(sweepDir, 'summary.json');
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
  const groups = typeof data === 'object' && data !== null ? (data as { groups?: unknown }).groups : undefined;
  if (!Array.isArray(groups)) return undefined;
  const rows: SummaryRow[] = [];
  for (const group of groups as Record<string, unknown>[]) {
    if (typeof group !== 'object' || group === null) return undefined;
    const { overrides, finalEvalMean, finalEvalStd, bestEvalMean, bestEvalStd, wallSecondsMean, done, total } = group;
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return undefined;
    if (![finalEvalMean, finalEvalStd, bestEvalMean, bestEvalStd, wallSecondsMean].every(isNumberOrNull)) return undefined;
    if (!Number.isSafeInteger(done) || !Number.isSafeInteger(total)) return undefined;
    rows.push({
      label: groupLabelOf(fields.length > 0 ? fields : Object.keys(overrides), overrides as Record<string, unknown>),
      final: cell(finalEvalMean as number | null, finalEvalStd as number | null, done as number),
      best: cell(bestEvalMean as number | null, bestEvalStd as number | null, done as number),
      wallSeconds: wallSecondsMean as number | null,
      done: done as number,
      total: total as number,
    });
  }
  return rows;
}

/** Rows from the curves' own summary of each group (statistics over every run that logged an evaluation). */
export function summaryRowsOfGroups(groups: readonly CurveGroupSummary[]): SummaryRow[] {
  return groups.map((group) => ({
    label: group.label,
    final: group.final && { mean: group.final.mean, std: group.final.std, n: group.final.n },
    best: group.best && { mean: group.best.mean, std: group.best.std, n: group.best.n },
    wallSeconds: group.wallSeconds?.mean ?? null,
    done: group.done,
    total: group.trials,
  }));
}

/** The table: summary.json's figures when usable, else the ones computed from metrics, with a note saying which. */
export function summaryTable(sweepDir: string, fields: readonly string[], computed: readonly CurveGroupSummary[]): SummaryTable {
  const fromFile = readSummaryFile(sweepDir, fields);
  if (fromFile) {
    return { rows: fromFile, note: 'From summary.json (written by rapier-gym sweep): mean ± population std over the finished trials of each group.' };
  }
  return {
    rows: summaryRowsOfGroups(computed),
    note: 'Computed from metrics.jsonl (no usable summary.json): mean ± sample std (n − 1) over every trial of the group that logged an evaluation, finished or not; final = last evaluation, best = highest.',
  };
}
