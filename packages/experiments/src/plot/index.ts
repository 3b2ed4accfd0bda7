// Plots of learning curves: Vega-Lite spec, SVG (Vega), PNG (resvg) and self-contained HTML output.
export * from './curve-spec.js';
export * from './render-svg.js';
export * from './render-png.js';
export * from './html-text.js';
export * from './curve-plot.js';
