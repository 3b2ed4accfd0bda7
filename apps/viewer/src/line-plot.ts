// A small canvas 2D line plot: axes with nice ticks, several series, a legend and a time cursor.
import { extent, formatTick, linearScale, niceTicks } from './plot-scale.js';

export interface PlotSeries {
  label: string;
  color: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** A shaded band from lower to upper at each x (e.g. ± std over seeds), drawn under the line. */
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
}

export const SERIES_COLORS = ['#2f6fdf', '#e0533d', '#2aa36b', '#b05fd8', '#d99a1e', '#1fb3c4', '#8a8a8a', '#d6458f', '#6b8e23', '#4b4bd0'];

export class LinePlot {
  readonly canvas: HTMLCanvasElement;
  private series: PlotSeries[] = [];
  private cursorX: number | undefined;
  private xLabel = '';
  /** Called with the x value under a click, for seeking. */
  onPick: ((x: number) => void) | undefined;
  private xScaleInverse: ((pixel: number) => number) | undefined;

  constructor(
    public title: string,
    container: HTMLElement,
  ) {
    const wrapper = document.createElement('div');
    wrapper.className = 'plot';
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('aria-label', title);
    wrapper.append(this.canvas);
    container.append(wrapper);
    this.canvas.addEventListener('pointerdown', (event) => {
      if (!this.onPick || !this.xScaleInverse) return;
      const rect = this.canvas.getBoundingClientRect();
      this.onPick(this.xScaleInverse(event.clientX - rect.left));
    });
  }

  setData(series: PlotSeries[], xLabel: string, title?: string): void {
    this.series = series;
    this.xLabel = xLabel;
    if (title !== undefined) this.title = title;
  }

  /** What is drawn: each series' label, point count and whether it has a band (for tests). */
  get seriesSummary(): { label: string; color: string; points: number; band: boolean }[] {
    return this.series.map((series) => ({ label: series.label, color: series.color, points: Math.min(series.xs.length, series.ys.length), band: series.lower !== undefined && series.upper !== undefined }));
  }

  setCursor(x: number | undefined): void {
    this.cursorX = x;
  }

  draw(): void {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 300;
    const height = canvas.clientHeight || 120;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.font = '10px system-ui, sans-serif';
    context.fillStyle = '#223';
    context.fillText(this.title, 6, 11);
    const xRange = extent(this.series.map((series) => series.xs));
    const yRange = extent(this.series.flatMap((series) => [series.ys, ...(series.lower && series.upper ? [series.lower, series.upper] : [])]));
    if (!xRange || !yRange) {
      context.fillStyle = '#889';
      context.fillText('no data', width / 2 - 18, height / 2);
      this.xScaleInverse = undefined;
      return;
    }
    const left = 44;
    const right = width - 8;
    const top = 30;
    const bottom = height - 26;
    const xTicks = niceTicks(xRange[0], xRange[1], Math.max(2, Math.floor((right - left) / 70)));
    const yTicks = niceTicks(yRange[0], yRange[1], Math.max(2, Math.floor((bottom - top) / 28)));
    const x = linearScale(xTicks.min, xTicks.max, left, right);
    const y = linearScale(yTicks.min, yTicks.max, bottom, top);
    this.xScaleInverse = linearScale(left, right, xTicks.min, xTicks.max);
    context.strokeStyle = '#e3e6ec';
    context.lineWidth = 1;
    context.fillStyle = '#556';
    context.textAlign = 'right';
    for (const value of yTicks.values) {
      const pixel = Math.round(y(value)) + 0.5;
      context.beginPath();
      context.moveTo(left, pixel);
      context.lineTo(right, pixel);
      context.stroke();
      context.fillText(formatTick(value, yTicks.step), left - 4, pixel + 3);
    }
    context.textAlign = 'center';
    for (const value of xTicks.values) {
      const pixel = Math.round(x(value)) + 0.5;
      context.beginPath();
      context.moveTo(pixel, top);
      context.lineTo(pixel, bottom);
      context.stroke();
      context.fillText(formatTick(value, xTicks.step), pixel, bottom + 11);
    }
    context.fillText(this.xLabel, (left + right) / 2, height - 3);
    context.strokeStyle = '#99a';
    context.strokeRect(left + 0.5, top + 0.5, right - left, bottom - top);
    context.save();
    context.beginPath();
    context.rect(left, top, right - left, bottom - top);
    context.clip();
    for (const series of this.series) {
      if (series.lower && series.upper) drawBand(context, series, x, y);
    }
    for (const series of this.series) {
      context.strokeStyle = series.color;
      context.lineWidth = 1.3;
      context.beginPath();
      let drawing = false;
      const count = Math.min(series.xs.length, series.ys.length);
      for (let i = 0; i < count; i++) {
        const value = series.ys[i]!;
        if (!Number.isFinite(value)) {
          drawing = false;
          continue;
        }
        const px = x(series.xs[i]!);
        const py = y(value);
        if (drawing) context.lineTo(px, py);
        else context.moveTo(px, py);
        drawing = true;
      }
      context.stroke();
      if (series.lower && series.upper) {
        context.fillStyle = series.color;
        for (let i = 0; i < count; i++) {
          if (!Number.isFinite(series.ys[i]!)) continue;
          context.beginPath();
          context.arc(x(series.xs[i]!), y(series.ys[i]!), 2, 0, 2 * Math.PI);
          context.fill();
        }
      }
    }
    if (this.cursorX !== undefined && Number.isFinite(this.cursorX)) {
      const pixel = Math.round(x(this.cursorX)) + 0.5;
      context.strokeStyle = '#111';
      context.lineWidth = 1;
      context.beginPath();
      context.moveTo(pixel, top);
      context.lineTo(pixel, bottom);
      context.stroke();
    }
    context.restore();
    context.textAlign = 'left';
    let legendX = Math.max(left, 6 + context.measureText(this.title).width + 12);
    let legendY = 5;
    for (const series of this.series.slice(0, 10)) {
      const labelWidth = context.measureText(series.label).width + 22;
      if (legendX + labelWidth > right) {
        if (legendY > 5) break;
        legendY = 17;
        legendX = left;
      }
      context.fillStyle = series.color;
      context.fillRect(legendX, legendY, 8, 8);
      context.fillStyle = '#334';
      context.fillText(series.label, legendX + 11, legendY + 7);
      legendX += labelWidth;
    }
  }
}

/** Fills the band between lower and upper, one polygon per run of finite points, in the series colour at low alpha. */
function drawBand(context: CanvasRenderingContext2D, series: PlotSeries, x: (value: number) => number, y: (value: number) => number): void {
  const lower = series.lower!;
  const upper = series.upper!;
  const count = Math.min(series.xs.length, lower.length, upper.length);
  context.fillStyle = series.color;
  context.globalAlpha = 0.18;
  let start = 0;
  while (start < count) {
    while (start < count && !(Number.isFinite(lower[start]!) && Number.isFinite(upper[start]!))) start++;
    let end = start;
    while (end < count && Number.isFinite(lower[end]!) && Number.isFinite(upper[end]!)) end++;
    if (end > start) {
      context.beginPath();
      for (let i = start; i < end; i++) context.lineTo(x(series.xs[i]!), y(upper[i]!));
      for (let i = end - 1; i >= start; i--) context.lineTo(x(series.xs[i]!), y(lower[i]!));
      context.closePath();
      context.fill();
    }
    start = end;
  }
  context.globalAlpha = 1;
}
