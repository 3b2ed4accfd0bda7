// Sweep reports: one self-contained HTML page with plots, the summary table and every trial's configuration.
export * from './sweep-report.js';
