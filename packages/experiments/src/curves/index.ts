// Learning curves from run folders: loading, grouping, per-step mean and band over seeds, smoothing, summaries.
export * from './metric-choice.js';
export * from './seed-statistics.js';
export * from './smoothing.js';
export * from './run-curve.js';
export * from './curve-aggregation.js';
export * from './run-loading.js';
export * from './run-grouping.js';
export * from './grouped-curves.js';
