// Browser e2e tests of the two mouse interactions: dropping rollout files on the page (a good one opens, a corrupt
// one is reported and changes nothing) and clicking a body to inspect it (clicking empty space closes the panel).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic, type StaticServer } from '@rapier-gym/headless-chromium';
import { encodeRolloutFile, sampleHopperRollout } from '@rapier-gym/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewerTestHook, ViewerTestState } from '../src/test-hook.js';
import { launchChromium } from './browser.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

describe('viewer interactions in headless Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const state = () => page.evaluate(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.state()) as Promise<ViewerTestState>;

  /** Drops files (name → bytes) on the page the way a browser delivers a drag from the desktop. */
  const drop = (files: Record<string, number[]>) =>
    page.evaluate((entries) => {
      const transfer = new DataTransfer();
      for (const [name, bytes] of Object.entries(entries)) transfer.items.add(new File([new Uint8Array(bytes)], name));
      const target = document.getElementById('app')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      const highlighted = target.classList.contains('dragging');
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      return highlighted;
    }, files);

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`viewer e2e: expected a build at ${dist}/index.html; run "npx vite build" in apps/viewer first`);
    server = await serveStatic(dist);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 640 } });
    await page.goto(`${server.url}?ws=off`);
    await page.waitForFunction(() => (window as unknown as { __viewer?: unknown }).__viewer !== undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a dropped .rgr file and reports a corrupt one without losing what is open', async () => {
    const good = Array.from(encodeRolloutFile(sampleHopperRollout({ episodes: 2, frames: 30 })));
    expect(await drop({ 'dropped-hopper.rgr': good })).toBe(true);
    await page.waitForFunction(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.state().rollouts.length === 1);
    const opened = (await state()).rollouts[0]!;
    expect(opened).toMatchObject({ source: 'file', episodes: 2, frames: 30 });

    await drop({ 'broken.rgr': [0x52, 0x47, 0x52, 0x31, 9, 9, 9] });
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').includes('broken.rgr'));
    const after = await state();
    expect(after.rollouts.map((rollout) => rollout.key)).toEqual([opened.key]);
  });

  it('clicking the torso opens the inspector on it; clicking the sky closes it', async () => {
    const key = (await state()).rollouts[0]!.key;
    await page.evaluate(() => {
      const viewer = (window as unknown as { __viewer: ViewerTestHook }).__viewer;
      viewer.pause();
      viewer.seek(0.05);
    });
    const [x, y] = (await page.evaluate((k) => (window as unknown as { __viewer: ViewerTestHook }).__viewer.bodyClientPosition(k, 1), key)) as [number, number];
    await page.mouse.click(x, y);
    const text = (await page.evaluate(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.inspectorText())) as string | undefined;
    expect(text).toMatch(/^torso \(body 1\)/);
    expect(text).toMatch(/position \(/);

    // Just below the inspector panel (top right) and the HUD (top left), the camera sees sky above the horizon.
    const canvas = (await page.locator('#view').boundingBox())!;
    const panel = (await page.locator('#inspector').boundingBox())!;
    await page.mouse.click(canvas.x + canvas.width / 2, panel.y + panel.height + 8);
    expect(await page.evaluate(() => (window as unknown as { __viewer: ViewerTestHook }).__viewer.inspectorText())).toBeUndefined();
  });
});
