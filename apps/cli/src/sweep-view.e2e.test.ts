// The sweep curves end to end: `rapier-gym serve` on a runs folder with a two-group sweep, headless Chromium opens
// the printed URL with ?sweep=, and the real viewer draws one curve per group from the real server's answer.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@rapier-gym/headless-chromium';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');
const root = mkdtempSync(join(tmpdir(), 'rapier-gym-sweep-view-'));

interface ViewerHook {
  state(): { learningCurve: { title: string; series: { label: string; points: number; band: boolean }[] } };
}

let server: ChildProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  server?.kill('SIGKILL');
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

/** `<runs>/sweeps/study`: sac.alpha ∈ {0.1, auto} × seeds {1, 2}, three evaluations each. */
function writeSweep(runs: string): void {
  const dir = join(runs, 'sweeps', 'study');
  const trials = [0.1, 'auto'].flatMap((alpha) => [1, 2].map((seed) => ({ id: `sac.alpha=${alpha}__seed=${seed}`, overrides: { 'sac.alpha': alpha }, seed })));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'study', description: '', base: { env: 'Pendulum-v1' }, grid: { 'sac.alpha': [0.1, 'auto'] }, list: [], seeds: [1, 2], trials }));
  trials.forEach((trial, t) => {
    const run = join(dir, 'trials', trial.id);
    mkdirSync(run, { recursive: true });
    writeFileSync(join(run, 'config.json'), JSON.stringify({ runId: trial.id, envId: 'Pendulum-v1', algorithm: 'sac', status: 'finished', startedAt: '2026-01-01T00:00:00Z', config: { env: 'Pendulum-v1', seed: trial.seed }, trial: { sweep: 'study', ...trial } }));
    writeFileSync(join(run, 'metrics.jsonl'), [1, 2, 3].map((k) => `${JSON.stringify({ step: k * 1000, evalReturnMean: -1500 + k * 300 + t * 100 })}\n`).join(''));
  });
}

describe('rapier-gym serve + viewer ?sweep=', () => {
  it('draws one line and band per group of the sweep', async () => {
    const runs = join(root, 'runs');
    writeSweep(runs);
    server = spawn(process.execPath, [main, 'serve', '--runs', runs, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /viewer: (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      server!.on('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL`)));
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}?sweep=study`);
    await page.waitForFunction(() => (globalThis as unknown as { __viewer?: ViewerHook }).__viewer?.state().learningCurve.series.length === 2);
    const { learningCurve } = await page.evaluate(() => (globalThis as unknown as { __viewer: ViewerHook }).__viewer.state());
    expect(learningCurve.title).toBe('study · evaluation return (deterministic) · mean ± std');
    expect(learningCurve.series).toEqual([
      { label: 'sac.alpha=0.1 (2 seeds)', color: expect.any(String), points: 3, band: true },
      { label: 'sac.alpha=auto (2 seeds)', color: expect.any(String), points: 3, band: true },
    ]);
    expect(errors).toEqual([]);
  });
});
