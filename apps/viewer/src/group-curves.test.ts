// Tests of the sweep-curve series: one per group with points, colours in order, seed counts in labels, band arrays.
import type { CurvesMessage } from '@rapier-gym/protocol';
import { describe, expect, it } from 'vitest';
import { groupCurveSeries, groupCurveTitle } from './group-curves.js';
import { SERIES_COLORS } from './line-plot.js';

const message: CurvesMessage = {
  type: 'curves',
  sweep: 'alpha-study',
  metric: 'evalReturnMean',
  metricTitle: 'evaluation return (deterministic)',
  band: 'std',
  groupFields: ['sac.alpha'],
  groups: [
    { label: '0.1', runs: 3, expectedRuns: 3, steps: [100, 200], mean: [-900, -400], lower: [-1000, -450], upper: [-800, -350], counts: [3, 3] },
    { label: 'auto', runs: 0, expectedRuns: 3, steps: [], mean: [], lower: [], upper: [], counts: [] },
    { label: '0.2', runs: 2, expectedRuns: 3, steps: [100], mean: [-700], lower: [-750], upper: [-650], counts: [2] },
  ],
};

describe('groupCurveSeries', () => {
  it('gives each group with points a line and a band, in group order, labelled with its seeds', () => {
    const series = groupCurveSeries(message);
    expect(series.map((s) => [s.label, s.color])).toEqual([
      ['sac.alpha=0.1 (3 seeds)', SERIES_COLORS[0]],
      ['sac.alpha=0.2 (2/3 seeds)', SERIES_COLORS[1]],
    ]);
    expect(series[0]).toMatchObject({ xs: [100, 200], ys: [-900, -400], lower: [-1000, -450], upper: [-800, -350] });
  });
  it('titles the plot with the sweep, metric and band; several swept fields keep the server label', () => {
    expect(groupCurveTitle(message)).toBe('alpha-study · evaluation return (deterministic) · mean ± std');
    const two = { ...message, groupFields: ['sac.alpha', 'sac.numCritics'], groups: [{ ...message.groups[0]!, label: 'sac.alpha=0.1, sac.numCritics=2' }] };
    expect(groupCurveSeries(two)[0]!.label).toBe('sac.alpha=0.1, sac.numCritics=2 (3 seeds)');
  });
});
