// Progress text: bar, step/total, SPS, returns and ETA; redrawn on a TTY, one line per row otherwise.
import type { MetricsRow } from '@rapier-gym/sac';
import { describe, expect, it } from 'vitest';
import { ProgressBar, progressText } from './progress-bar.js';

const row = (step: number, sps: number, episodeReturn: number | null, evalReturnMean: number | null = null): MetricsRow =>
  ({ step, sps, episodeReturn, episodeReturnMean100: -500, evalReturnMean }) as MetricsRow;

describe('progressText', () => {
  it('shows the fraction, SPS, return, eval and the ETA from the remaining steps at the current SPS', () => {
    // 2500 of 10000 steps at 250 sps: 7500 / 250 = 30 s left.
    expect(progressText(row(2500, 250, -812.34), 10000, -400.06, 8)).toBe('[##......] 2500/10000 25% | 250 sps | return -812.3 | eval -400.1 | ETA 0:30');
  });

  it('falls back to the last-100 mean when no episode ended in the interval, and hours in the ETA', () => {
    // 1000 of 100000 at 20 sps: 99000 / 20 = 4950 s = 1:22:30.
    expect(progressText(row(1000, 20, null), 100000, null, 0)).toBe('1000/100000 1% | 20 sps | return -500.0 | eval – | ETA 1:22:30');
  });
});

describe('ProgressBar', () => {
  it('writes plain lines when not a TTY and keeps the last evaluation', () => {
    const out: string[] = [];
    const bar = new ProgressBar({ isTTY: false, write: (t: string) => out.push(t) }, 200);
    bar.update(row(100, 10, -5, -7));
    bar.update(row(200, 10, -4));
    bar.finish();
    expect(out).toEqual(['100/200 50% | 10 sps | return -5.0 | eval -7.0 | ETA 0:10\n', '200/200 100% | 10 sps | return -4.0 | eval -7.0 | ETA 0:00\n']);
  });

  it('redraws one line on a TTY and ends it on finish', () => {
    const out: string[] = [];
    const bar = new ProgressBar({ isTTY: true, columns: 80, write: (t: string) => out.push(t) }, 200);
    bar.update(row(100, 10, -5));
    bar.finish();
    expect(out[0]).toMatch(/^\r\x1b\[2K100\/200 50%/);
    expect(out[1]).toBe('\n');
  });
});
