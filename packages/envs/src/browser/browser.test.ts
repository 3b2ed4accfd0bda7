// The package in a real browser: bundles the main entry with Vite, runs Hopper-v5 in headless Chromium, compares to Node.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { hopperRollout } from './hopper-rollout.js';

const CHROMIUM = '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'rapier-gym-browser-'));
const outDir = join(work, 'dist');
let server: Server;
let browser: Browser;
let url = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
  writeFileSync(join(work, 'index.html'), `<!doctype html><html><body><script type="module" src="${resolve(here, 'browser-entry.ts')}"></script></body></html>`);
  await build({
    root: work,
    logLevel: 'silent',
    configFile: false,
    resolve: { conditions: ['@rapier-gym/source'] },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
  });
  server = createServer((req, res) => {
    const path = join(outDir, req.url === '/' ? 'index.html' : decodeURIComponent(req.url!.split('?')[0]!));
    if (!path.startsWith(outDir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' }[extname(path)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
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
