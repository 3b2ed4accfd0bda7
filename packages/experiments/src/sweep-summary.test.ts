// The sweep summary from a store's files: per-group final/best eval mean ± std over finished seeds (hand-computed), and the table.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evalReturns, formatSummaryTable, summarizeSweep } from './sweep-summary.js';

const root = mkdtempSync(join(tmpdir(), 'sweep-summary-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function row(step: number, evalReturnMean: number | null) {
  return { step, evalReturnMean };
}

function writeTrial(store: string, id: string, status: string, wallSeconds: number, rows: object[]): void {
  const dir = join(store, 'trials', id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ runId: id, envId: 'Pendulum-v1', status, wallSeconds, config: {} }));
  writeFileSync(join(dir, 'metrics.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

describe('summary', () => {
  it('final = the last row with an eval return, best = the largest', () => {
    expect(evalReturns([row(100, -900), row(200, null), row(300, -400), row(400, -600)] as never)).toEqual({ final: -600, best: -400 });
    expect(evalReturns([row(100, null)] as never)).toEqual({ final: null, best: null });
  });

  it('groups trials by swept values and aggregates the finished seeds', () => {
    const store = join(root, 'sweep');
    const trials = [
      { id: 'sac.alpha=0.2__seed=1', group: 'sac.alpha=0.2', overrides: { 'sac.alpha': 0.2 }, seed: 1 },
      { id: 'sac.alpha=0.2__seed=2', group: 'sac.alpha=0.2', overrides: { 'sac.alpha': 0.2 }, seed: 2 },
      { id: 'sac.alpha=auto__seed=1', group: 'sac.alpha=auto', overrides: { 'sac.alpha': 'auto' }, seed: 1 },
      { id: 'sac.alpha=auto__seed=2', group: 'sac.alpha=auto', overrides: { 'sac.alpha': 'auto' }, seed: 2 },
    ];
    mkdirSync(store, { recursive: true });
    writeFileSync(join(store, 'sweep.json'), JSON.stringify({ name: 'alpha', description: '', base: { env: 'Pendulum-v1' }, grid: { 'sac.alpha': [0.2, 'auto'] }, list: [], seeds: [1, 2], trials }));
    writeTrial(store, trials[0]!.id, 'finished', 10, [row(100, -1000), row(200, -300), row(300, -400)]);
    writeTrial(store, trials[1]!.id, 'finished', 20, [row(100, -800), row(200, -500), row(300, -200)]);
    writeTrial(store, trials[2]!.id, 'finished', 30, [row(100, -700), row(300, -150)]);
    writeTrial(store, trials[3]!.id, 'stopped', 5, [row(100, -100)]);
    const summary = summarizeSweep(store);
    expect(summary).toMatchObject({ name: 'alpha', done: 3, total: 4 });
    const [a, b] = summary.groups;
    // α = 0.2: finals −400 and −200 → −300 ± √((100² + 100²)/1) = 141.42; bests −300 and −200 → −250 ± √5000 = 70.71;
    // wall (10 + 20) / 2.
    expect(a).toMatchObject({ group: 'sac.alpha=0.2', done: 2, total: 2, finalEvalMean: -300, bestEvalMean: -250, wallSecondsMean: 15 });
    expect(a!.finalEvalStd).toBeCloseTo(Math.sqrt(20000), 9);
    expect(a!.bestEvalStd).toBeCloseTo(Math.sqrt(5000), 9);
    // auto: only seed 1 finished (the stopped trial is listed but not aggregated).
    expect(b).toMatchObject({ group: 'sac.alpha=auto', done: 1, total: 2, finalEvalMean: -150, finalEvalStd: 0, bestEvalMean: -150, wallSecondsMean: 30 });
    expect(b!.trials[1]).toMatchObject({ id: 'sac.alpha=auto__seed=2', status: 'stopped', step: 100, finalEvalReturn: -100 });

    const table = formatSummaryTable(summary).split('\n');
    expect(table[0]).toMatch(/^sweep alpha: 3\/4 trials finished/);
    expect(table[1]).toMatch(/^group\s+final eval return\s+best eval return\s+wall s\/trial\s+done$/);
    expect(table[3]).toMatch(/^sac\.alpha=0\.2\s+-300\.0 ± 141\.4\s+-250\.0 ± 70\.7\s+15\.0\s+2\/2$/);
    expect(table[4]).toMatch(/^sac\.alpha=auto\s+-150\.0 ± 0\.0\s+-150\.0 ± 0\.0\s+30\.0\s+1\/2$/);
  });

  it('a trial that has not started is pending', () => {
    const store = join(root, 'pending');
    mkdirSync(store, { recursive: true });
    writeFileSync(join(store, 'sweep.json'), JSON.stringify({ name: 'p', description: '', base: { env: 'Pendulum-v1' }, grid: {}, list: [], seeds: [1], trials: [{ id: 'seed=1', group: 'base', overrides: {}, seed: 1 }] }));
    const summary = summarizeSweep(store);
    expect(summary.groups[0]).toMatchObject({ group: 'base', done: 0, total: 1, finalEvalMean: null, trials: [{ status: 'pending', step: 0 }] });
    expect(formatSummaryTable(summary).split('\n')[3]).toMatch(/^base\s+—\s+—\s+—\s+0\/1$/);
  });
});
