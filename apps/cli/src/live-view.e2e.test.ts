// npm start's path end to end: the built CLI trains Hopper-v5 with --view (the quickstart config), headless Chromium
// opens the printed URL, and the real viewer draws the live evaluation episode and the learning curve from the real
// server; a second trainer on the same port fails with one line and writes nothing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@rapier-gym/headless-chromium';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '..', 'dist', 'main.js');
const quickstart = join(here, '..', '..', '..', 'configs', 'hopper-quickstart.json');
const root = mkdtempSync(join(tmpdir(), 'rapier-gym-live-'));
// The quickstart configuration, shrunk so the test learns nothing but runs every path quickly.
const shrink = ['--backend', 'cpu', '--learning-starts', '100', '--batch-size', '16', '--set', 'sac.actorHiddenSizes=[8,8]', '--set', 'sac.criticHiddenSizes=[8,8]', '--set', 'logEvery=100', '--set', 'evalEvery=200', '--set', 'evalEpisodes=1'];

interface ViewerState {
  connection: string;
  metricsRows: number;
  rollouts: { source: string; frames: number; episodes: number }[];
}
interface ViewerHook {
  state(): ViewerState;
  pixelStats(): { distinctColours: number; checksum: number };
}

let trainer: ChildProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  trainer?.kill('SIGKILL');
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Starts `train --view` on the quickstart config; resolves with the printed URL once the first evaluation ran. */
function startTrainer(out: string): Promise<{ url: string; child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [main, 'train', '--config', quickstart, '--out', out, '--view', '--port', '0', ...shrink], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /viewer: (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url && /eval -?\d/.test(stderr)) resolve({ url, child, exited });
    });
    void exited.then((code) => reject(new Error(`train --view exited (${code}) before its first evaluation:\n${stderr}`)));
  });
}

describe('npm start: training with the live viewer', () => {
  it('the viewer connects to the training server, draws the live episode and the learning curve', async () => {
    const started = await startTrainer(join(root, 'runs', 'hopper'));
    trainer = started.child;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(started.url);
    await page.waitForFunction(
      () => {
        const viewer = (globalThis as unknown as { __viewer?: ViewerHook }).__viewer;
        const state = viewer?.state();
        return state !== undefined && state.connection === 'connected' && state.metricsRows > 0 && (state.rollouts[0]?.frames ?? 0) > 1;
      },
      undefined,
      { timeout: 60_000 },
    );
    const state = (await page.evaluate(() => (globalThis as unknown as { __viewer: ViewerHook }).__viewer.state())) as ViewerState;
    expect(state.rollouts[0]!.source).toBe('live');
    const pixels = (await page.evaluate(() => (globalThis as unknown as { __viewer: ViewerHook }).__viewer.pixelStats())) as { distinctColours: number };
    // Sky, floor, shaded capsules and shadows: a blank or failed canvas has one or two colours.
    expect(pixels.distinctColours).toBeGreaterThan(20);
    expect(errors).toEqual([]);

    // A second trainer on the same port: one line naming the port, exit 1, and no run folder written.
    const port = new URL(started.url).port;
    const second = join(root, 'runs', 'second');
    const clash = spawnSync(process.execPath, [main, 'train', '--config', quickstart, '--out', second, '--view', '--port', port, ...shrink], { encoding: 'utf8', timeout: 60_000 });
    expect(clash.status).toBe(1);
    expect(clash.stderr.trim()).toBe(`rapier-gym: server: port ${port} on 127.0.0.1 is already in use; stop what listens there or choose another port (--port P, or --port 0 for any free port)`);
    expect(existsSync(second)).toBe(false);

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(130);
  }, 180_000);
});
