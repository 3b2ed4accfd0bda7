// Metrics rows of a training run (one per log interval) and the running sums they are built from.
import type { SacUpdateMetrics } from './learner-common.js';

/** One row per log interval. Numbers that did not occur in the interval (no episode ended, no update ran) are null. */
export interface MetricsRow {
  /** Environment steps taken so far. */
  step: number;
  /** Episodes finished so far. */
  episodes: number;
  /** Mean return of the training episodes that finished in this interval (stochastic policy or random actions). */
  episodeReturn: number | null;
  /** Mean return of the last 100 finished training episodes. */
  episodeReturnMean100: number | null;
  /** Mean length of the episodes that finished in this interval. */
  episodeLength: number | null;
  /** Gradient steps (critic updates) so far. */
  gradientSteps: number;
  /** Means over this interval's updates. */
  criticLoss: number | null;
  actorLoss: number | null;
  alphaLoss: number | null;
  valueLoss: number | null;
  entropy: number | null;
  /** α after the interval's last update. */
  alpha: number | null;
  /** Mean Q over the critics on the interval's last sampled batch (state-action pairs from the buffer). */
  meanQ: number | null;
  /** Environment steps per second over the interval (wall clock, including updates and evaluation). */
  sps: number;
  /** Mean milliseconds per gradient step in this interval. */
  updateMs: number | null;
  /** Transitions dropped because the env reported info.physics_error, so far. */
  physicsErrors: number;
  /** Deterministic evaluation at this step (if one ran since the previous row). */
  evalReturnMean: number | null;
  evalReturnStd: number | null;
  /** Stochastic evaluation, when enabled. */
  evalStochasticReturnMean: number | null;
  /** Seconds since the run (or this resumed part of it) started. */
  timeSeconds: number;
}

/** The reproducible part of the running sums (saved in checkpoints so resumed rows equal uninterrupted ones). */
export interface IntervalSums {
  updates: number;
  criticLoss: number;
  actorLoss: number;
  actorCount: number;
  alphaLoss: number;
  alphaCount: number;
  valueLoss: number;
  valueCount: number;
  entropy: number;
  entropyCount: number;
  alpha: number | null;
  episodeReturns: number[];
  episodeLengths: number[];
  recentReturns: number[];
  physicsErrors: number;
}

export function emptySums(): IntervalSums {
  return { updates: 0, criticLoss: 0, actorLoss: 0, actorCount: 0, alphaLoss: 0, alphaCount: 0, valueLoss: 0, valueCount: 0, entropy: 0, entropyCount: 0, alpha: null, episodeReturns: [], episodeLengths: [], recentReturns: [], physicsErrors: 0 };
}

/** Adds one update's metrics to the sums. */
export function addUpdate(sums: IntervalSums, m: SacUpdateMetrics): void {
  sums.updates += 1;
  sums.criticLoss += m.criticLoss;
  if (m.actorLoss !== undefined) {
    sums.actorLoss += m.actorLoss;
    sums.actorCount += 1;
  }
  if (m.alphaLoss !== undefined) {
    sums.alphaLoss += m.alphaLoss;
    sums.alphaCount += 1;
  }
  if (m.valueLoss !== undefined) {
    sums.valueLoss += m.valueLoss;
    sums.valueCount += 1;
  }
  if (m.entropy !== undefined) {
    sums.entropy += m.entropy;
    sums.entropyCount += 1;
  }
  sums.alpha = m.alpha;
}

/** Records a finished training episode. */
export function addEpisode(sums: IntervalSums, episodeReturn: number, length: number): void {
  sums.episodeReturns.push(episodeReturn);
  sums.episodeLengths.push(length);
  sums.recentReturns.push(episodeReturn);
  if (sums.recentReturns.length > 100) sums.recentReturns.shift();
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const ratio = (sum: number, count: number): number | null => (count ? sum / count : null);

/** The interval's part of a row, from the sums. */
export function summariseSums(sums: IntervalSums): Pick<MetricsRow, 'episodeReturn' | 'episodeReturnMean100' | 'episodeLength' | 'criticLoss' | 'actorLoss' | 'alphaLoss' | 'valueLoss' | 'entropy' | 'alpha' | 'physicsErrors'> {
  return {
    episodeReturn: mean(sums.episodeReturns),
    episodeReturnMean100: mean(sums.recentReturns),
    episodeLength: mean(sums.episodeLengths),
    criticLoss: ratio(sums.criticLoss, sums.updates),
    actorLoss: ratio(sums.actorLoss, sums.actorCount),
    alphaLoss: ratio(sums.alphaLoss, sums.alphaCount),
    valueLoss: ratio(sums.valueLoss, sums.valueCount),
    entropy: ratio(sums.entropy, sums.entropyCount),
    alpha: sums.alpha,
    physicsErrors: sums.physicsErrors,
  };
}

/** Starts the next interval: per-interval sums reset, the last-100 returns, α and the physics-error count carry on. */
export function nextInterval(sums: IntervalSums): IntervalSums {
  return { ...emptySums(), alpha: sums.alpha, recentReturns: [...sums.recentReturns], physicsErrors: sums.physicsErrors };
}

/** Column order of metrics.csv. */
export const METRICS_COLUMNS: readonly (keyof MetricsRow)[] = [
  'step', 'episodes', 'episodeReturn', 'episodeReturnMean100', 'episodeLength', 'gradientSteps', 'criticLoss', 'actorLoss', 'alphaLoss', 'valueLoss',
  'entropy', 'alpha', 'meanQ', 'sps', 'updateMs', 'physicsErrors', 'evalReturnMean', 'evalReturnStd', 'evalStochasticReturnMean', 'timeSeconds',
];

/** One CSV line of a row in METRICS_COLUMNS order (null as empty). */
export function metricsCsvLine(row: MetricsRow): string {
  return METRICS_COLUMNS.map((k) => (row[k] === null ? '' : String(row[k]))).join(',');
}
