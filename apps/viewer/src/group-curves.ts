// Turns a server `curves` message (a sweep's groups) into plot series: one mean line and one band per group.
import type { CurvesMessage } from '@rapier-gym/protocol';
import { SERIES_COLORS, type PlotSeries } from './line-plot.js';

/** Metrics the viewer offers for a sweep's curves (short names the server understands). */
export const GROUP_CURVE_METRICS: readonly { name: string; label: string }[] = [
  { name: 'eval', label: 'eval return' },
  { name: 'train', label: 'train return' },
  { name: 'alpha', label: 'α' },
  { name: 'entropy', label: 'entropy' },
];

/**
 * One series per group that has points, coloured in group order: `ys` is the mean over seeds, `lower`/`upper` the
 * band. The label is the group's swept values plus its seed count (`sac.alpha=0.2 (3 seeds)`; `2/3` while trials are
 * missing); with one swept field the server's label is the bare value, so the field is put in front.
 */
export function groupCurveSeries(message: CurvesMessage): PlotSeries[] {
  const prefix = message.groupFields.length === 1 ? `${message.groupFields[0]}=` : '';
  return message.groups
    .filter((group) => group.steps.length > 0)
    .map((group, index) => ({
      label: `${prefix}${group.label} (${group.runs === group.expectedRuns ? group.runs : `${group.runs}/${group.expectedRuns}`} seed${group.expectedRuns === 1 ? '' : 's'})`,
      color: SERIES_COLORS[index % SERIES_COLORS.length]!,
      xs: group.steps,
      ys: group.mean,
      lower: group.lower,
      upper: group.upper,
    }));
}

/** The plot's title for a sweep: sweep name, metric, and what the band is (mean line, band over seeds). */
export function groupCurveTitle(message: CurvesMessage): string {
  return `${message.sweep} · ${message.metricTitle} · mean ${message.band === 'std' ? '± std' : 'min–max'}`;
}
