// Public surface of @rapier-gym/experiments: sweeps, run store, worker pools, queue, curves, plots and reports.
export * from './run-directory.js';
export * from './trial-runner.js';
export * from './sweep-spec.js';
export * from './sweep-expansion.js';
export * from './sweep-file.js';
export * from './sweep-store.js';
export * from './sweep-summary.js';
export * from './sweep-envs.js';
export * from './trial-messages.js';
export * from './local-pool.js';
export * from './queue/index.js';
export * from './curves/index.js';
export * from './plot/index.js';
export * from './report/index.js';
