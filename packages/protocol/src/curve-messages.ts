// Learning curves of a sweep, grouped by its swept fields: the viewer's request and the server's answer.

/** How the band around a group's mean is drawn: ± one sample standard deviation over seeds, or min–max. */
export type CurveBand = 'std' | 'minmax';

/**
 * Ask for the grouped learning curves of the sweep stored at `<runs>/sweeps/<sweep>` (one mean line and band per
 * group of trials that share the swept values); answered by `curves`.
 */
export interface GetCurvesMessage {
  type: 'getCurves';
  requestId?: string;
  /** The sweep's folder name under `<runs>/sweeps/`. */
  sweep: string;
  /** eval (deterministic evaluation return, the default), train, alpha, entropy, or a metrics column name. */
  metric?: string;
  /** Band kind; default "std". */
  band?: CurveBand;
  /** Moving mean over this many points of each run before averaging; 1 (the default) is none. */
  smoothWindow?: number;
}

/** One group's curve; steps, mean, lower, upper and counts are parallel arrays of equal length, steps ascending. */
export interface CurveGroup {
  /** Legend text: the swept values (`0.2`, or `sac.alpha=0.2, sac.numCritics=2` for several fields). */
  label: string;
  /** Runs (seeds) found and how many the sweep lists. */
  runs: number;
  expectedRuns: number;
  steps: number[];
  mean: number[];
  lower: number[];
  upper: number[];
  /** Runs that have a value at each step (fewer than `runs` where a seed has not got there or did not log). */
  counts: number[];
}

/** Answer to getCurves. */
export interface CurvesMessage {
  type: 'curves';
  requestId?: string;
  sweep: string;
  /** The metrics column plotted, and an axis title for it. */
  metric: string;
  metricTitle: string;
  band: CurveBand;
  /** The swept fields groups differ by (the legend's title). */
  groupFields: string[];
  groups: CurveGroup[];
}
