// The plots beside the 3D view: reward and its info terms, actions, chosen observations (cursor = timeline) and the
// learning curve of the run from its metrics rows, or of a sweep's groups (mean line and band per group).
import type { CurvesMessage, MetricsRow } from '@rapier-gym/protocol';
import type { EpisodeTrack } from './episode-track.js';
import { GROUP_CURVE_METRICS, groupCurveSeries, groupCurveTitle } from './group-curves.js';
import { LinePlot, SERIES_COLORS, type PlotSeries } from './line-plot.js';
import type { RolloutEntry } from './rollout-store.js';

export class PlotsPanel {
  readonly reward: LinePlot;
  readonly infoTerms: LinePlot;
  readonly actions: LinePlot;
  readonly observations: LinePlot;
  readonly learningCurve: LinePlot;
  private readonly observationPicker: HTMLSelectElement;
  private readonly metricPicker: HTMLSelectElement;
  private shownTrack: EpisodeTrack | undefined;
  private shownFrames = -1;
  private shownObservationKey = '';
  private metricsRows: MetricsRow[] = [];
  private metricsDirty = false;
  private groupCurves: CurvesMessage | undefined;
  /** Called with a metric name when the picker changes while a sweep's curves are shown (to request them). */
  onGroupMetric: ((metric: string) => void) | undefined;

  constructor(container: HTMLElement, seek: (time: number) => void) {
    this.reward = new LinePlot('reward (total and reward terms)', container);
    this.infoTerms = new LinePlot('other info terms', container);
    this.actions = new LinePlot('actions', container);
    const observationRow = document.createElement('label');
    observationRow.className = 'plot-picker';
    observationRow.textContent = 'observations ';
    this.observationPicker = document.createElement('select');
    this.observationPicker.multiple = true;
    this.observationPicker.size = 3;
    this.observationPicker.id = 'observation-picker';
    observationRow.append(this.observationPicker);
    container.append(observationRow);
    this.observations = new LinePlot('chosen observations', container);
    const metricRow = document.createElement('label');
    metricRow.className = 'plot-picker';
    metricRow.textContent = 'learning curve ';
    this.metricPicker = document.createElement('select');
    this.metricPicker.id = 'metric-picker';
    metricRow.append(this.metricPicker);
    container.append(metricRow);
    this.learningCurve = new LinePlot('learning curve', container);
    for (const plot of [this.reward, this.infoTerms, this.actions, this.observations]) plot.onPick = seek;
    this.observationPicker.addEventListener('change', () => (this.shownFrames = -1));
    this.metricPicker.addEventListener('change', () => {
      if (this.groupCurves) this.onGroupMetric?.(this.metricPicker.value);
      else this.metricsDirty = true;
    });
  }

  /** Shows a sweep's grouped curves in the learning-curve plot (from now on the picker lists the sweep metrics). */
  setGroupCurves(message: CurvesMessage): void {
    if (!this.groupCurves) {
      this.metricPicker.replaceChildren(...GROUP_CURVE_METRICS.map(({ name, label }) => new Option(label, name)));
      this.metricPicker.dataset['mode'] = 'sweep';
    }
    this.groupCurves = message;
    this.metricsDirty = true;
  }

  /** The learning-curve plot's series (for tests): one per run metric, or one per sweep group. */
  get learningCurveSeries(): LinePlot['seriesSummary'] {
    return this.learningCurve.seriesSummary;
  }

  /** Adds metrics rows of the run (the learning curve keeps the newest 100000). */
  addMetrics(rows: MetricsRow[]): void {
    this.metricsRows.push(...rows);
    if (this.metricsRows.length > 100_000) this.metricsRows.splice(0, this.metricsRows.length - 100_000);
    if (this.groupCurves) return;
    const keys = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row)) if (key !== 'step') keys.add(key);
    const existing = new Set(Array.from(this.metricPicker.options, (option) => option.value));
    for (const key of keys) {
      if (existing.has(key)) continue;
      this.metricPicker.append(new Option(key, key));
    }
    const preferred = ['episodeReturn', 'evalReturn', 'return'].find((key) => keys.has(key) || existing.has(key));
    if (preferred && !existing.has(this.metricPicker.value)) this.metricPicker.value = preferred;
    this.metricsDirty = true;
  }

  get metricsRowCount(): number {
    return this.metricsRows.length;
  }

  /** Redraws: rebuilds series when the episode or its frame count changed, then moves the cursors to `time`. */
  update(entry: RolloutEntry | undefined, track: EpisodeTrack | undefined, time: number): void {
    if (entry && track) this.ensureObservationOptions(entry);
    const observationKey = Array.from(this.observationPicker.selectedOptions, (option) => option.value).join(',');
    if (track !== this.shownTrack || (track && track.frameCount !== this.shownFrames) || observationKey !== this.shownObservationKey) {
      this.shownTrack = track;
      this.shownFrames = track?.frameCount ?? -1;
      this.shownObservationKey = observationKey;
      this.rebuildEpisodeSeries(entry, track);
    }
    if (this.metricsDirty) {
      this.metricsDirty = false;
      this.rebuildLearningCurve();
    }
    this.learningCurve.draw();
    for (const plot of [this.reward, this.infoTerms, this.actions, this.observations]) {
      plot.setCursor(track ? time : undefined);
      plot.draw();
    }
  }

  private ensureObservationOptions(entry: RolloutEntry): void {
    const labels = entry.meta.observationLabels;
    if (this.observationPicker.dataset['for'] === entry.key) return;
    this.observationPicker.dataset['for'] = entry.key;
    this.observationPicker.replaceChildren(...labels.map((label, index) => new Option(label, String(index), false, index < 3)));
  }

  private rebuildEpisodeSeries(entry: RolloutEntry | undefined, track: EpisodeTrack | undefined): void {
    if (!entry || !track || track.frameCount === 0) {
      for (const plot of [this.reward, this.infoTerms, this.actions, this.observations]) plot.setData([], 'time (s)');
      return;
    }
    const xs = track.times.view();
    const rewardSeries: PlotSeries[] = [{ label: 'reward', color: SERIES_COLORS[0]!, xs, ys: track.rewards.view() }];
    const otherSeries: PlotSeries[] = [];
    entry.meta.infoTerms.forEach((term, index) => {
      const series = { label: term, xs, ys: track.column('infos', index) };
      if (term.startsWith('reward')) rewardSeries.push({ ...series, color: SERIES_COLORS[rewardSeries.length % SERIES_COLORS.length]! });
      else otherSeries.push({ ...series, color: SERIES_COLORS[otherSeries.length % SERIES_COLORS.length]! });
    });
    this.reward.setData(rewardSeries, 'time (s)');
    this.infoTerms.setData(otherSeries, 'time (s)');
    this.actions.setData(
      entry.meta.actionLabels.map((label, index) => ({ label, color: SERIES_COLORS[index % SERIES_COLORS.length]!, xs, ys: track.column('actions', index) })),
      'time (s)',
    );
    const chosen = Array.from(this.observationPicker.selectedOptions, (option) => Number(option.value));
    this.observations.setData(
      track.shape.observationLength === 0
        ? []
        : chosen.map((index, order) => ({
            label: entry.meta.observationLabels[index] ?? `obs[${index}]`,
            color: SERIES_COLORS[order % SERIES_COLORS.length]!,
            xs,
            ys: track.column('observations', index),
          })),
      'time (s)',
    );
  }

  private rebuildLearningCurve(): void {
    if (this.groupCurves) {
      this.learningCurve.setData(groupCurveSeries(this.groupCurves), 'env steps', groupCurveTitle(this.groupCurves));
      return;
    }
    const key = this.metricPicker.value;
    if (!key) {
      this.learningCurve.setData([], 'env steps');
      return;
    }
    const xs: number[] = [];
    const ys: number[] = [];
    for (const row of this.metricsRows) {
      const value = row[key];
      if (value === undefined) continue;
      xs.push(row.step);
      ys.push(value === null ? Number.NaN : value);
    }
    this.learningCurve.setData([{ label: key, color: SERIES_COLORS[0]!, xs, ys }], 'env steps');
  }
}
