// The sweep report page: sections, inline plots, the sweep's summary table, escaping, no external URLs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCurveSource } from '../curves/run-loading.js';
import { writeFixtureRun, writeFixtureSweep } from '../testing/run-fixtures.js';
import { sweepReportHtml, writeSweepReport } from './sweep-report.js';

const root = mkdtempSync(join(tmpdir(), 'rapier-gym-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (evals: number[], alpha: number) => evals.map((value, i) => ({ step: (i + 1) * 100, evalReturnMean: value, episodeReturn: value, alpha, entropy: -0.5, timeSeconds: i + 1 }));
const hostile = '<script>alert("x")</script>';

function makeSweep(name: string): string {
  const dir = join(root, name);
  writeFixtureSweep(dir, name, { env: 'Pendulum-v1', envOptions: { note: hostile } }, [
    { overrides: { 'sac.alpha': 0.1 }, seed: 1, rows: rows([-900, -300], 0.1), wallSeconds: 10 },
    { overrides: { 'sac.alpha': 0.1 }, seed: 2, rows: rows([-700, -500], 0.1), wallSeconds: 20 },
    { overrides: { 'sac.alpha': hostile }, seed: 1, rows: rows([-800, -600], 0.2), status: 'running' },
    { overrides: { 'sac.alpha': hostile }, seed: 2 },
  ]);
  return dir;
}

describe('sweep report', () => {
  const dir = makeSweep('study');

  it('writes one page with the base config, curves, summary and each trial in <details>, escaping every value', async () => {
    const path = await writeSweepReport(loadCurveSource(dir));
    expect(path).toBe(join(dir, 'report.html'));
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Sweep study</h1>');
    // the hostile value appears only escaped: in the base config, the legend, the table and the trials
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html.match(/<details>/g)).toHaveLength(3);
    expect(html).toContain('Not started: sac.alpha=');
    // eval, train, alpha and entropy panels, all inline
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).toContain('4 trials (2 finished, 1 started and unfinished, 1 not started)');
  });

  it('shows the summary rapier-gym sweep prints: sample std over the finished trials of each group', async () => {
    const html = await sweepReportHtml(loadCurveSource(dir));
    // alpha 0.1, both finished: finals −300, −500 → −400 ± √20000 = 141.4; bests the same; wall (10 + 20) / 2 = 15
    expect(html).toContain('<tr><td>0.1</td><td>-400.0 ± 141.4</td><td>-400.0 ± 141.4</td><td>15.0</td><td>2/2</td></tr>');
    // the hostile group has no finished trial (one running, one not started): no figures, 0/2, label escaped
    expect(html).toContain('<tr><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td><td>—</td><td>—</td><td>—</td><td>0/2</td></tr>');
    expect(html).toContain('as rapier-gym sweep prints it');
  });

  it('refuses a folder that is not a sweep', async () => {
    const run = join(root, 'plain-run');
    writeFixtureRun(run, { rows: rows([-1], 0.2) });
    await expect(sweepReportHtml(loadCurveSource(run))).rejects.toThrow(/plain-run is not a sweep folder \(expected sweep.json\)/);
  });
});
