// Training progress on stderr: a redrawn one-line bar on a terminal, plain periodic lines otherwise.
import type { MetricsRow } from '@rapier-gym/sac';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}

const fixed = (v: number | null, digits = 1): string => (v === null ? '–' : v.toFixed(digits));

/** The text of one progress update: step/total, SPS, last training and evaluation returns, ETA. */
export function progressText(row: MetricsRow, totalSteps: number, lastEval: number | null, barWidth: number): string {
  const fraction = Math.min(1, row.step / totalSteps);
  const filled = Math.round(fraction * barWidth);
  const bar = barWidth > 0 ? `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ` : '';
  const eta = row.sps > 0 ? (totalSteps - row.step) / row.sps : Number.NaN;
  return `${bar}${row.step}/${totalSteps} ${(100 * fraction).toFixed(0)}% | ${row.sps.toFixed(0)} sps | return ${fixed(row.episodeReturn ?? row.episodeReturnMean100)} | eval ${fixed(lastEval)} | ETA ${formatDuration(eta)}`;
}

/** Writes progress rows: a redrawn bar on a TTY, one line per row otherwise. */
export class ProgressBar {
  private lastEval: number | null = null;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly totalSteps: number,
  ) {}

  update(row: MetricsRow): void {
    if (row.evalReturnMean !== null) this.lastEval = row.evalReturnMean;
    if (this.stream.isTTY) {
      const width = Math.max(0, Math.min(30, (this.stream.columns ?? 80) - 80));
      this.stream.write(`\r\x1b[2K${progressText(row, this.totalSteps, this.lastEval, width)}`);
      this.drawn = true;
    } else {
      this.stream.write(`${progressText(row, this.totalSteps, this.lastEval, 0)}\n`);
    }
  }

  /** Ends the bar's line before other output. */
  finish(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
