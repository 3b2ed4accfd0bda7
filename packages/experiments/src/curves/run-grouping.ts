// Groups runs into the curves of a plot: by a sweep trial's swept fields, or by chosen config fields of plain runs.
import type { CurveRun, CurveSource } from './run-loading.js';

/** Fields a folder of plain runs is grouped by when none are given (dotted paths into config.json "config"). */
export const DEFAULT_GROUP_FIELDS: readonly string[] = ['env', 'preset'];

export interface RunGroup {
  /** Stable key: the fields' values as JSON, joined. */
  key: string;
  /** Legend text: the values alone when one field is grouped on, else `field=value` parts; "base" with no fields. */
  label: string;
  /** The grouped fields' values. */
  values: Record<string, unknown>;
  runs: CurveRun[];
  /** Trials of this group that sweep.json lists (for a sweep; else the runs found). */
  expectedRuns: number;
}

export interface RunGrouping {
  /** The fields groups differ by, in order (the legend's title). */
  fields: string[];
  groups: RunGroup[];
}

/** A value as legend text: strings as they are, everything else as JSON (`0.2`, `true`, `[64,64]`). */
export function formatGroupValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** The value at a dotted path (`sac.alpha`), or undefined when a part is missing. */
export function valueAtPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A group's legend text from the grouped fields and its values. */
export function groupLabelOf(fields: readonly string[], values: Record<string, unknown>): string {
  if (fields.length === 0) return 'base';
  if (fields.length === 1) return formatGroupValue(values[fields[0]!]);
  return fields.map((field) => `${field}=${formatGroupValue(values[field])}`).join(', ');
}

function keyOf(fields: readonly string[], values: Record<string, unknown>): string {
  return fields.map((field) => JSON.stringify(values[field]) ?? 'undefined').join('|');
}

function collect(fields: string[], entries: { values: Record<string, unknown>; run?: CurveRun }[]): RunGroup[] {
  const groups = new Map<string, RunGroup>();
  for (const { values, run } of entries) {
    const full = Object.fromEntries(fields.map((field) => [field, values[field]]));
    const key = keyOf(fields, full);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: groupLabelOf(fields, full), values: full, runs: [], expectedRuns: 0 };
      groups.set(key, group);
    }
    group.expectedRuns += 1;
    if (run) group.runs.push(run);
  }
  return [...groups.values()];
}

/**
 * Groups a sweep's trials by their swept values (config.json "trial.overrides", else sweep.json's entry for the
 * folder), in sweep.json's order; trials not started count in expectedRuns but bring no run.
 */
export function groupSweepRuns(source: CurveSource): RunGrouping {
  const manifestTrials = source.manifest?.trials ?? [];
  const byId = new Map(source.runs.map((run) => [run.id, run]));
  const fields: string[] = [];
  const addFields = (overrides: Record<string, unknown>) => {
    for (const field of Object.keys(overrides)) if (!fields.includes(field)) fields.push(field);
  };
  const entries: { values: Record<string, unknown>; run?: CurveRun }[] = [];
  for (const trial of manifestTrials) {
    const run = byId.get(trial.id);
    const overrides = (run?.record.trial?.overrides ?? trial.overrides) as Record<string, unknown>;
    addFields(overrides);
    entries.push(run ? { values: overrides, run } : { values: overrides });
    byId.delete(trial.id);
  }
  for (const run of byId.values()) {
    const overrides = run.record.trial?.overrides ?? {};
    addFields(overrides);
    entries.push({ values: overrides, run });
  }
  return { fields, groups: collect(fields, entries) };
}

/** Field by field: numbers by value, anything else by its text (digit runs compared as numbers). */
function compareValues(fields: readonly string[], a: Record<string, unknown>, b: Record<string, unknown>): number {
  for (const field of fields) {
    const x = a[field];
    const y = b[field];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : formatGroupValue(x).localeCompare(formatGroupValue(y), 'en', { numeric: true });
    if (order !== 0) return order;
  }
  return 0;
}

/** Groups plain runs by dotted config fields (`env`, `sac.alpha`), groups ordered by their values (numbers by value). */
export function groupRunsByFields(runs: readonly CurveRun[], fields: readonly string[]): RunGrouping {
  for (const field of fields) {
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(field)) throw new Error(`group-by: expected a dotted config field such as "sac.alpha", received "${field}"`);
  }
  const entries = runs.map((run) => ({ values: Object.fromEntries(fields.map((field) => [field, valueAtPath(run.record.config, field)])), run }));
  const groups = collect([...fields], entries).sort((a, b) => compareValues(fields, a.values, b.values));
  return { fields: [...fields], groups };
}

/** A sweep groups by its swept fields (unless `fields` is given); other sources by `fields` or the defaults. */
export function groupRuns(source: CurveSource, fields?: readonly string[]): RunGrouping {
  if (source.kind === 'sweep' && (fields === undefined || fields.length === 0)) return groupSweepRuns(source);
  return groupRunsByFields(source.runs, fields && fields.length > 0 ? fields : DEFAULT_GROUP_FIELDS);
}
