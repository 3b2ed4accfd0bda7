// Which metrics.jsonl column a learning curve plots: short names for the usual ones, any other column by its name.

/** Short metric names and the metrics.jsonl column each one reads (packages/sac/src/training-metrics.ts). */
export const METRIC_COLUMNS = {
  /** Mean return of the deterministic evaluation episodes (the policy's mean action), at each evaluation. */
  eval: 'evalReturnMean',
  /** Mean return of the training episodes that finished in the log interval (stochastic policy). */
  train: 'episodeReturn',
  /** The entropy coefficient α after the interval's last update. */
  alpha: 'alpha',
  /** Mean policy entropy estimate (−log π of the sampled actions) over the interval's updates. */
  entropy: 'entropy',
} as const;

export type MetricShortName = keyof typeof METRIC_COLUMNS;
export const METRIC_SHORT_NAMES = Object.keys(METRIC_COLUMNS) as MetricShortName[];
/** The default curve: deterministic evaluation return. */
export const DEFAULT_METRIC: MetricShortName = 'eval';

const METRIC_TITLES: Record<string, string> = {
  evalReturnMean: 'evaluation return (deterministic)',
  episodeReturn: 'training episode return',
  episodeReturnMean100: 'training return (mean of last 100 episodes)',
  evalStochasticReturnMean: 'evaluation return (stochastic)',
  alpha: 'entropy coefficient α',
  entropy: 'policy entropy',
};

/** A metric the caller chose: its name as given, the column it reads and an axis title. */
export interface MetricChoice {
  name: string;
  column: string;
  title: string;
}

/**
 * Resolves a metric name: a short name (eval, train, alpha, entropy) or a metrics column such as `criticLoss`.
 * `columns`, when given, lists the allowed column names (an unknown one throws an Error listing them).
 */
export function resolveMetric(name: string, columns?: readonly string[]): MetricChoice {
  const column = (METRIC_COLUMNS as Record<string, string>)[name] ?? name;
  if (name.length === 0 || column === 'step' || (columns !== undefined && !columns.includes(column))) {
    throw new Error(`metric: expected one of ${METRIC_SHORT_NAMES.join(', ')}${columns ? ` or a metrics column (${columns.filter((c) => c !== 'step').join(', ')})` : ''}, received "${name}"`);
  }
  return { name, column, title: METRIC_TITLES[column] ?? column };
}
