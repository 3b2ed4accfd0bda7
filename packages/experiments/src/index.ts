// Public surface of @rapier-gym/experiments: sweeps, run store, worker pools, queue, curves, plots and reports.
export {};
