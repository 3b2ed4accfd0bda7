// Browser end-to-end tests in headless Chromium: the built viewer connects to a protocol-speaking server, draws the
// robot, follows the live episode, scrubs, switches rollouts, shows contacts and exports a PNG.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeRolloutFile, sampleHopperRollout, type RolloutInput } from '@rapier-gym/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewerTestHook, ViewerTestState } from '../src/test-hook.js';
import { launchChromium } from './browser.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const screenshots = join(here, '..', 'screenshots');
const DT = 0.008;

/** A second rollout ("checkpoint B"): the sample Hopper twice as fast, with one foot contact pushing up 200 N. */
function checkpointB(): RolloutInput {
  const rollout = sampleHopperRollout({ episodes: 1, frames: 40 });
  rollout.header.rolloutId = 'checkpoint-b';
  rollout.header.checkpointStep = 20_000;
  for (const frame of rollout.episodes[0]!.frames) {
    for (let body = 1; body < 5; body++) frame.poses[body * 7] = Math.fround(2 * frame.time);
    frame.contacts = new Float32Array([2 * frame.time, 0, 0, 0, 0, 200]);
  }
  return rollout;
}

describe('viewer in headless Chromium', () => {
  let server: FakeServer;
  let browser: Browser;
  let page: Page;
  const state = () => page.evaluate(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.state()) as Promise<ViewerTestState>;
  const hook = <T>(body: (viewer: ViewerTestHook, argument: unknown) => T, argument?: unknown) =>
    page.evaluate(([source, value]) => {
      const viewer = (window as unknown as { __viewer: ViewerTestHook }).__viewer;
      return (new Function('viewer', 'value', `return (${source})(viewer, value)`) as (v: ViewerTestHook, a: unknown) => T)(viewer, value);
    }, [body.toString(), argument] as const) as Promise<Awaited<T>>;

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error(`viewer e2e: expected a build at ${dist}/index.html; run "npx vite build" in apps/viewer first (the Nx test target builds it)`);
    }
    await mkdir(screenshots, { recursive: true });
    server = await startFakeServer({
      root: dist,
      live: sampleHopperRollout({ episodes: 2, frames: 60 }),
      files: { '/runs/checkpoint-b.rgr': encodeRolloutFile(checkpointB()) },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 680 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { __viewer?: unknown }).__viewer !== undefined);
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('connects with a hello, subscribes and follows the newest live episode', async () => {
    await page.waitForFunction(() => {
      const viewer = (window as unknown as { __viewer: ViewerTestHook }).__viewer;
      const current = viewer.state();
      return current.rollouts[0]?.episodes === 2 && current.rollouts[0].frames === 60 && current.metricsRows === 5;
    });
    const current = await state();
    expect(current.connection).toBe('connected');
    expect(server.received.map((message) => message.type).slice(0, 2)).toEqual(['hello', 'subscribeLive']);
    expect(current.rollouts[0]!.source).toBe('live');
    expect(current.activeRollout).toBe('sample-hopper');
    expect(current.liveFollow).toBe(true);
    // Following live: the newest episode (index 1 of 2) at its newest frame (step 59).
    expect(current.rollouts[0]!.episodeIndex).toBe(1);
    expect(current.step).toBe(59);
    await page.screenshot({ path: join(screenshots, 'live.png') });
  });

  it('draws the robot: the canvas is not blank, and its pixels change as the timeline moves', async () => {
    await hook((viewer) => viewer.pause());
    await hook((viewer, time) => viewer.seek(time as number), 0);
    const atStart = await hook((viewer) => viewer.pixelStats());
    expect(atStart.width).toBeGreaterThan(100);
    // Sky, checker floor, shaded capsules and shadow give many colours; a blank canvas gives one.
    expect(atStart.distinctColours).toBeGreaterThan(50);
    await hook((viewer, time) => viewer.seek(time as number), 0.3);
    const later = await hook((viewer) => viewer.pixelStats());
    expect(later.checksum).not.toBe(atStart.checksum);
  });

  it('scrubbing moves the robot to the pose of that frame', async () => {
    // The sample torso (body 1) moves at 1 m/s along x: x equals the frame time. Scrub with the slider.
    await page.locator('#scrub').evaluate((input: HTMLInputElement, value) => {
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, 0.2);
    await hook((viewer) => viewer.renderOnce());
    const current = await state();
    expect(current.liveFollow).toBe(false);
    expect(current.step).toBe(25); // the last frame at or before 0.2 s: 25 * 0.008 = 0.2
    const torso = await hook((viewer) => viewer.bodyPosition('sample-hopper', 1));
    expect(torso[0]).toBeCloseTo(25 * DT, 5);
    expect(torso[2]).toBeCloseTo(1.25 + 0.05 * Math.sin(2 * Math.PI * 2 * Math.fround(25 * DT) + 1), 4);
    // Arrow keys step one frame, Shift+arrow ten.
    await page.locator('#view').focus();
    await page.keyboard.press('ArrowRight');
    await hook((viewer) => viewer.renderOnce());
    expect((await state()).step).toBe(26);
    await page.keyboard.press('Shift+ArrowLeft');
    await hook((viewer) => viewer.renderOnce());
    expect((await state()).step).toBe(16);
    await page.keyboard.press('?');
    expect((await state()).helpVisible).toBe(true);
    await page.screenshot({ path: join(screenshots, 'help.png') });
    await page.keyboard.press('Escape');
    expect((await state()).helpVisible).toBe(false);
  });

  it('opens a second rollout from the file picker, switches between rollouts and draws its contacts', async () => {
    const bytes = encodeRolloutFile(checkpointB());
    await page.locator('#file-input').setInputFiles({ name: 'checkpoint-b.rgr', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await page.waitForFunction(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.state().rollouts.length === 2);
    let current = await state();
    expect(current.activeRollout).toBe('checkpoint-b');
    expect(current.rollouts[1]).toMatchObject({ source: 'file', episodes: 1, frames: 40, visible: true });
    await hook((viewer, time) => viewer.seek(time as number), 0.1);
    await hook((viewer) => viewer.renderOnce(0.5));
    current = await state();
    expect(current.contactsShown).toBe(1);
    // Side by side: B is the second visible robot, 2.5 m along -y; its torso runs at 2 m/s.
    const torsoB = await hook((viewer) => viewer.bodyPosition('checkpoint-b', 1));
    expect(torsoB[0]).toBeCloseTo(2 * Math.fround(12 * DT), 5);
    expect(torsoB[1]).toBeCloseTo(-2.5, 6);
    // The camera follows the active rollout's torso.
    expect(current.cameraTarget[1]).toBeCloseTo(-2.5, 1);
    await page.screenshot({ path: join(screenshots, 'two-rollouts.png') });
    // Switch back with the list's radio button.
    await page.locator('#rollout-list li[data-key="sample-hopper"] input[type=radio]').check();
    await hook((viewer) => viewer.renderOnce(0.5));
    current = await state();
    expect(current.activeRollout).toBe('sample-hopper');
    expect(current.cameraTarget[1]).toBeCloseTo(0, 1);
    // Ghosted layout puts both at the origin.
    await page.locator('#layout').selectOption('ghost');
    await hook((viewer) => viewer.renderOnce());
    expect((await hook((viewer) => viewer.bodyPosition('checkpoint-b', 1)))[1]).toBeCloseTo(0, 6);
    await page.screenshot({ path: join(screenshots, 'ghosted.png') });
  });

  it('exports a PNG of the view', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(download.suggestedFilename()).toMatch(/^rapier-gym-Hopper-v5-step\d+\.png$/);
    const path = join(screenshots, 'export.png');
    await download.saveAs(path);
    const png = await readFile(path);
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The IHDR chunk holds the size: the canvas size in device pixels.
    const width = png.readUInt32BE(16);
    expect(width).toBe((await hook((viewer) => viewer.pixelStats())).width);
    expect(png.length).toBeGreaterThan(5000);
    await writeFile(join(screenshots, 'README.txt'), 'Screenshots written by the viewer e2e tests (gitignored).\n');
  });

  it('records a WebM video of the view', async () => {
    await page.locator('#view').focus();
    const downloadPromise = page.waitForEvent('download');
    await page.keyboard.press('e');
    await page.waitForTimeout(1200);
    await page.keyboard.press('e');
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('rapier-gym-Hopper-v5.webm');
    const path = join(screenshots, 'recording.webm');
    await download.saveAs(path);
    const video = await readFile(path);
    // WebM is Matroska: it starts with the EBML magic 1A 45 DF A3.
    expect(Array.from(video.subarray(0, 4))).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(video.length).toBeGreaterThan(1000);
  });

  it('opens the rollout named by ?rollout= without a live connection', async () => {
    const second = await browser.newPage({ viewport: { width: 800, height: 500 } });
    try {
      await second.goto(`${server.url}?ws=off&rollout=/runs/checkpoint-b.rgr`);
      await second.waitForFunction(() => (window as unknown as { __viewer?: ViewerTestHook }).__viewer?.state().rollouts.length === 1);
      const current = (await second.evaluate(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.state())) as ViewerTestState;
      expect(current.connection).toBe('off');
      expect(current.rollouts[0]).toMatchObject({ key: 'checkpoint-b', source: 'file', frames: 40 });
      expect(current.activeRollout).toBe('checkpoint-b');
    } finally {
      await second.close();
    }
  });
});
