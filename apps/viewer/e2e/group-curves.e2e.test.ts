// Browser e2e in headless Chromium: with ?sweep=, the viewer asks for the sweep's grouped curves and draws one line
// and band per group with a legend; choosing another metric asks again.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleHopperRollout, type CurveGroup, type CurvesMessage } from '@rapier-gym/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewerTestHook, ViewerTestState } from '../src/test-hook.js';
import { launchChromium } from './browser.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

const group = (label: string, offset: number): CurveGroup => ({
  label,
  runs: 2,
  expectedRuns: 2,
  steps: [1000, 2000, 3000, 4000],
  mean: [-1200 + offset, -900 + offset, -500 + offset, -300 + offset],
  lower: [-1300 + offset, -1000 + offset, -600 + offset, -400 + offset],
  upper: [-1100 + offset, -800 + offset, -400 + offset, -200 + offset],
  counts: [2, 2, 2, 2],
});
const curves = (metricTitle: string, groups: CurveGroup[]): CurvesMessage => ({ type: 'curves', sweep: 'x', metric: 'm', metricTitle, band: 'std', groupFields: ['sac.alpha'], groups });

describe('sweep curves in the viewer (headless Chromium)', () => {
  let server: FakeServer;
  let browser: Browser;
  let page: Page;
  const state = () => page.evaluate(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.state()) as Promise<ViewerTestState>;

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`viewer e2e: expected a build at ${dist}/index.html; run "npx vite build" in apps/viewer first (the Nx test target builds it)`);
    server = await startFakeServer({
      root: dist,
      live: sampleHopperRollout({ episodes: 1, frames: 10 }),
      curves: {
        eval: curves('evaluation return (deterministic)', [group('0.05', 0), group('auto', 600)]),
        alpha: curves('entropy coefficient α', [group('0.05', 0), group('auto', 600), group('1', 300)]),
      },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 680 } });
    await page.goto(`${server.url}?sweep=alpha-study`);
    await page.waitForFunction(() => (window as unknown as { __viewer?: unknown }).__viewer !== undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a sweep with 2 groups shows 2 curves with bands and a legend', async () => {
    await page.waitForFunction(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.state().learningCurve.series.length === 2);
    expect(server.received.find((message) => message.type === 'getCurves')).toEqual({ type: 'getCurves', requestId: 'sweep-curves', sweep: 'alpha-study', metric: 'eval' });
    const { learningCurve } = await state();
    expect(learningCurve.title).toBe('alpha-study · evaluation return (deterministic) · mean ± std');
    expect(learningCurve.series.map((s) => [s.label, s.points, s.band])).toEqual([
      ['sac.alpha=0.05 (2 seeds)', 4, true],
      ['sac.alpha=auto (2 seeds)', 4, true],
    ]);
    // The canvas really shows both: pixels in each series colour (lines, markers and legend swatches).
    const colours = learningCurve.series.map((s) => s.color);
    const counts = await page.evaluate((wanted) => {
      const canvas = document.querySelector('canvas[aria-label="learning curve"]') as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      return wanted.map((hex) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r!) < 12 && Math.abs(data[i + 1]! - g!) < 12 && Math.abs(data[i + 2]! - b!) < 12) n++;
        return n;
      });
    }, colours);
    for (const count of counts) expect(count).toBeGreaterThan(30);
  });

  it('choosing α in the picker asks the server for the α curves and draws their groups', async () => {
    await page.selectOption('#metric-picker', 'alpha');
    await page.waitForFunction(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.state().learningCurve.series.length === 3);
    expect(server.received.filter((message) => message.type === 'getCurves').at(-1)).toMatchObject({ metric: 'alpha', sweep: 'alpha-study' });
    expect((await state()).learningCurve.title).toBe('alpha-study · entropy coefficient α · mean ± std');
  });
});
