// Writes a learning-curve plot of a source to .svg, .png or a self-contained .html (with α and entropy panels).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { curvesOfGrouping, hasPoints, type CurveOptions, type GroupedCurves } from '../curves/grouped-curves.js';
import { groupRuns } from '../curves/run-grouping.js';
import type { CurveSource } from '../curves/run-loading.js';
import { buildCurveSpec, plottedGroups } from './curve-spec.js';
import { escapeHtml, htmlPage, inlineSvg } from './html-text.js';
import { svgToPng } from './render-png.js';
import { renderSvg } from './render-svg.js';

export type PlotFormat = 'svg' | 'png' | 'html';
export const PLOT_FORMATS: readonly PlotFormat[] = ['svg', 'png', 'html'];

/** The format an output path asks for by its extension; throws an Error naming the path otherwise. */
export function plotFormatOf(path: string): PlotFormat {
  const extension = extname(path).slice(1).toLowerCase();
  if ((PLOT_FORMATS as readonly string[]).includes(extension)) return extension as PlotFormat;
  throw new Error(`plot: the output file must end in .svg, .png or .html, received "${path}"`);
}

/** Metrics shown as extra panels of an HTML plot when some run logged them (the entropy study's α and entropy). */
export const EXTRA_HTML_METRICS: readonly string[] = ['alpha', 'entropy'];

/** The curves of the chosen metric, then (for HTML) α and entropy when logged and not already the chosen one. */
export function plotPanels(source: CurveSource, options: CurveOptions, withExtras: boolean): GroupedCurves[] {
  const grouping = groupRuns(source, options.groupBy);
  const main = curvesOfGrouping(source, grouping, options);
  if (!withExtras) return [main];
  const extras = EXTRA_HTML_METRICS.filter((name) => name !== options.metric && name !== main.metric.column)
    .map((metric) => curvesOfGrouping(source, grouping, { ...options, metric }))
    .filter(hasPoints);
  return [main, ...extras];
}

/** Renders one panel to SVG text. */
export async function curvesToSvg(curves: GroupedCurves): Promise<string> {
  return renderSvg(buildCurveSpec(curves));
}

/** A self-contained page of panels: inline SVG, inline style, no script and no external URL. */
export async function curvesToHtml(title: string, panels: readonly GroupedCurves[]): Promise<string> {
  const figures: string[] = [];
  for (const curves of panels) figures.push(`<figure>${inlineSvg(await curvesToSvg(curves))}</figure>`);
  return htmlPage(title, `<h1>${escapeHtml(title)}</h1>\n${figures.join('\n')}`);
}

export interface WrittenPlot {
  path: string;
  format: PlotFormat;
  /** Groups drawn in the main panel. */
  groups: number;
  /** Metric columns drawn, main panel first. */
  panels: string[];
}

/**
 * Plots `source` into `out` (format by extension). Throws an Error when no run logged the metric, so an empty
 * plot is never written silently.
 */
export async function writeCurvePlot(source: CurveSource, out: string, options: CurveOptions = {}): Promise<WrittenPlot> {
  const format = plotFormatOf(out);
  const panels = plotPanels(source, options, format === 'html');
  const main = panels[0]!;
  if (!hasPoints(main)) {
    throw new Error(`plot: no run in ${source.dir} logged ${main.metric.column} yet (${source.runs.length} run(s) read); choose another --metric or wait for the first evaluation`);
  }
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  if (format === 'html') writeFileSync(path, await curvesToHtml(`${source.name}: learning curves`, panels));
  else {
    const svg = await curvesToSvg(main);
    writeFileSync(path, format === 'png' ? svgToPng(svg) : svg);
  }
  return { path, format, groups: plottedGroups(main).length, panels: panels.map((panel) => panel.metric.column) };
}
