// The learning curves of a source: its runs grouped, each group averaged over seeds with a band.
import { aggregateRuns, type BandKind, type CurvePoint } from './curve-aggregation.js';
import { resolveMetric, type MetricChoice } from './metric-choice.js';
import { groupRuns, type RunGrouping } from './run-grouping.js';
import type { CurveSource, CurveSourceKind } from './run-loading.js';
import { NO_SMOOTHING, type Smoothing } from './smoothing.js';

export interface CurveOptions {
  /** Metric name (eval, train, alpha, entropy or a metrics column); default "eval". */
  metric?: string;
  /** Band around the mean; default "std" (± one sample standard deviation over the seeds). */
  band?: BandKind;
  /** Per-run smoothing before averaging; default none. */
  smoothing?: Smoothing;
  /** Dotted config fields to group plain runs by (a sweep groups by its swept fields); default env, preset. */
  groupBy?: readonly string[];
}

export interface GroupCurve {
  key: string;
  label: string;
  values: Record<string, unknown>;
  /** Runs (seeds) found for the group and how many the sweep lists. */
  runIds: string[];
  expectedRuns: number;
  /** Empty when no run of the group logged the metric yet. */
  points: CurvePoint[];
}

export interface GroupedCurves {
  source: { kind: CurveSourceKind; name: string; dir: string };
  metric: MetricChoice;
  band: BandKind;
  smoothing: Smoothing;
  /** The fields groups differ by (legend title). */
  groupFields: string[];
  groups: GroupCurve[];
}

/** Curves of an already computed grouping. */
export function curvesOfGrouping(source: CurveSource, grouping: RunGrouping, options: CurveOptions = {}): GroupedCurves {
  const metric = resolveMetric(options.metric ?? 'eval');
  const band = options.band ?? 'std';
  const smoothing = options.smoothing ?? NO_SMOOTHING;
  return {
    source: { kind: source.kind, name: source.name, dir: source.dir },
    metric,
    band,
    smoothing,
    groupFields: grouping.fields,
    groups: grouping.groups.map((group) => ({
      key: group.key,
      label: group.label,
      values: group.values,
      runIds: group.runs.map((run) => run.id),
      expectedRuns: group.expectedRuns,
      points: aggregateRuns(
        group.runs.map((run) => run.rows),
        { column: metric.column, band, smoothing },
      ),
    })),
  };
}

/** Groups the source's runs and computes each group's mean curve and band. */
export function groupedCurves(source: CurveSource, options: CurveOptions = {}): GroupedCurves {
  return curvesOfGrouping(source, groupRuns(source, options.groupBy), options);
}

/** Whether any group has at least one point (a column that was never logged gives none). */
export function hasPoints(curves: GroupedCurves): boolean {
  return curves.groups.some((group) => group.points.length > 0);
}
