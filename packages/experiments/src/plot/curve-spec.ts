// Builds the Vega-Lite spec of a learning-curve plot: one line per group (mean over seeds), a shaded band, a legend.
import type { TopLevelSpec } from 'vega-lite';
import { describeSmoothing } from '../curves/smoothing.js';
import type { GroupedCurves } from '../curves/grouped-curves.js';

export interface CurveSpecOptions {
  /** Plot area width and height in pixels (axes, title and legend come on top); default 640 × 360. */
  width?: number;
  height?: number;
  /** Title; default "<source name>: <metric title>". */
  title?: string;
}

/** One data row of the spec: a group's point. */
export interface CurveDatum {
  group: string;
  step: number;
  mean: number;
  lower: number;
  upper: number;
  n: number;
}

const BAND_TEXT = { std: 'mean ± 1 sample std over seeds', minmax: 'mean, min–max over seeds' } as const;

/** The legend's title: the grouped fields, comma-separated ("group" when there are none). */
export function legendTitle(curves: GroupedCurves): string {
  return curves.groupFields.length > 0 ? curves.groupFields.join(', ') : 'group';
}

/** The groups that have points, in order (groups that logged nothing are left out of the plot). */
export function plottedGroups(curves: GroupedCurves): GroupedCurves['groups'] {
  return curves.groups.filter((group) => group.points.length > 0);
}

/** The subtitle: what the line and band are, the smoothing, and the seeds per group. */
export function curveSubtitle(curves: GroupedCurves): string {
  const seeds = [...new Set(plottedGroups(curves).map((group) => group.runIds.length))].sort((a, b) => a - b);
  const smoothing = describeSmoothing(curves.smoothing);
  return [BAND_TEXT[curves.band], smoothing ? `each run smoothed (${smoothing})` : '', seeds.length ? `${seeds.join('–')} run(s) per group` : ''].filter(Boolean).join('; ');
}

/**
 * A layered Vega-Lite spec: an area mark from `lower` to `upper` and a line (with point markers) through `mean`,
 * both coloured by group, the colour domain in group order so the legend lists groups as the sweep does.
 */
export function buildCurveSpec(curves: GroupedCurves, options: CurveSpecOptions = {}): TopLevelSpec {
  const groups = plottedGroups(curves);
  const values: CurveDatum[] = groups.flatMap((group) => group.points.map((p) => ({ group: group.label, step: p.step, mean: p.mean, lower: p.lower, upper: p.upper, n: p.n })));
  const color = { field: 'group', type: 'nominal' as const, scale: { domain: groups.map((group) => group.label) } };
  const y = { type: 'quantitative' as const, title: curves.metric.title, scale: { zero: false } };
  return {
    title: { text: options.title ?? `${curves.source.name}: ${curves.metric.title}`, subtitle: curveSubtitle(curves), anchor: 'start' },
    width: options.width ?? 640,
    height: options.height ?? 360,
    background: 'white',
    data: { values },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'environment steps' },
      color: { ...color, legend: { title: legendTitle(curves), titleLimit: 0, labelLimit: 0, symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } },
    },
    layer: [
      { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'lower', ...y }, y2: { field: 'upper' } } },
      { mark: { type: 'line', strokeWidth: 2, point: { size: 18 } }, encoding: { y: { field: 'mean', ...y } } },
    ],
    config: { font: 'DejaVu Sans, Helvetica, Arial, sans-serif' },
  } as TopLevelSpec;
}
