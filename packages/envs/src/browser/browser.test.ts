// The package in a real browser: bundles the main entry with Vite, runs Hopper-v5 in headless Chromium, compares to Node.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic, type StaticServer } from '@rapier-gym/headless-chromium';
import { hopperRollout } from './hopper-rollout.js';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'rapier-gym-browser-'));
const outDir = join(work, 'dist');
let server: StaticServer | undefined;
let browser: Browser;
let url = '';

beforeAll(async () => {
  writeFileSync(join(work, 'index.html'), `<!doctype html><html><body><script type="module" src="${resolve(here, 'browser-entry.ts')}"></script></body></html>`);
  await build({
    root: work,
    logLevel: 'silent',
    configFile: false,
    resolve: { conditions: ['@rapier-gym/source'] },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
  });
  server = await serveStatic(outDir);
  url = server.url;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('@rapier-gym/envs in a browser', () => {
  it('makes Hopper-v5 and produces bit-identical observations to Node for the same seed and actions', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
    const inBrowser = await page.evaluate(async () => (globalThis as unknown as { hopperRollout: (s: number, n: number) => Promise<number[]> }).hopperRollout(7, 60));
    const inNode = await hopperRollout(7, 60);
    expect(errors).toEqual([]);
    expect(inBrowser.length).toBe(inNode.length);
    expect(inBrowser).toEqual(inNode);
    const ids = await page.evaluate(() => (globalThis as unknown as { rapierGym: { registeredIds(): string[] } }).rapierGym.registeredIds());
    expect(ids).toEqual(expect.arrayContaining(['Pendulum-v1', 'CartPole-v1', 'Hopper-v5', 'Ant-v5']));
    await page.close();
  });

  it('bundles into a size worth reporting (JavaScript with Rapier’s inlined WebAssembly)', () => {
    const files = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const bytes = files.reduce((s, f) => s + statSync(join(outDir, 'assets', f)).size, 0);
    const gzipped = files.reduce((s, f) => s + gzipSync(readFileSync(join(outDir, 'assets', f))).length, 0);
    console.log(`browser bundle of @rapier-gym/envs (main entry, minified): ${(bytes / 1024).toFixed(0)} KiB, ${(gzipped / 1024).toFixed(0)} KiB gzipped`);
    expect(bytes).toBeGreaterThan(100_000); // Rapier's WebAssembly alone is larger than this: it must be inside
  });
});
