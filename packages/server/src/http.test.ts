// HTTP: the viewer's static files (MIME types, index fallback, no traversal) and the read-only /api endpoints.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRolloutFile } from '@rapier-gym/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeOf, startServer, type RunningServer } from './index.js';
import { httpGet } from './testing/http-get.js';
import { makeRunsDir } from './testing/runs-dir.js';
import { removeTempDirs, tempDir } from './testing/temp-dirs.js';

let server: RunningServer;
let runsDir: string;
let outside: string;

beforeAll(async () => {
  const root = tempDir('http');
  const viewerDir = join(root, 'viewer-dist');
  mkdirSync(join(viewerDir, 'assets'), { recursive: true });
  writeFileSync(join(viewerDir, 'index.html'), '<!doctype html><title>viewer</title>');
  writeFileSync(join(viewerDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(viewerDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(viewerDir, 'assets', 'kernel.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(join(viewerDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  outside = join(root, 'secret.txt');
  writeFileSync(outside, 'do not serve');
  symlinkSync(outside, join(viewerDir, 'assets', 'link.txt'));
  runsDir = join(root, 'runs');
  mkdirSync(runsDir);
  makeRunsDir(runsDir);
  server = await startServer({ viewerDir, runsDir });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

describe('static viewer files', () => {
  it('serves index.html for / and files with their MIME types', async () => {
    const index = await httpGet(server.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body.toString()).toContain('<title>viewer</title>');
    const cases: [string, string][] = [
      ['/assets/app.js', 'text/javascript; charset=utf-8'],
      ['/assets/app.css', 'text/css; charset=utf-8'],
      ['/assets/kernel.wasm', 'application/wasm'],
      ['/assets/logo.svg', 'image/svg+xml'],
    ];
    for (const [path, type] of cases) {
      const reply = await httpGet(server.port, path);
      expect([path, reply.status, reply.headers['content-type']]).toEqual([path, 200, type]);
    }
    expect((await httpGet(server.port, '/assets/kernel.wasm')).body).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    const head = await httpGet(server.port, '/assets/app.js', {}, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, '15', 0]);
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream');
  });

  it('refuses paths that leave the viewer folder, answers 404 for missing files and 405 for writes', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/%00', '/%zz']) {
      const reply = await httpGet(server.port, path);
      expect([path, reply.status]).toEqual([path, 403]);
      expect(reply.body.toString()).not.toContain('do not serve');
    }
    const link = await httpGet(server.port, '/assets/link.txt');
    expect(link.status).toBe(403);
    expect((await httpGet(server.port, '/missing.js')).status).toBe(404);
    expect((await httpGet(server.port, '/', {}, 'POST')).status).toBe(405);
    expect((await httpGet(server.port, '/ws')).status).toBe(426);
  });

  it('without a viewer folder, / explains how to build the viewer', async () => {
    const bare = await startServer();
    const page = await httpGet(bare.port, '/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('the viewer is not built');
    expect((await httpGet(bare.port, '/assets/app.js')).status).toBe(404);
    const runs = await httpGet(bare.port, '/api/runs');
    expect(JSON.parse(runs.body.toString())).toEqual({ runs: [], rollouts: [] });
    await bare.close();
  });
});

describe('/api endpoints', () => {
  it('GET /api/runs lists runs with their config, metrics and rollouts', async () => {
    const reply = await httpGet(server.port, '/api/runs');
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(reply.body.toString());
    expect(body.runs.map((r: { runId: string }) => r.runId)).toEqual(['bare-run', 'hopper-run']);
    expect(body.runs[0]).toEqual({ runId: 'bare-run', envId: 'unknown', status: 'stopped', checkpoints: [], config: null, hasMetrics: false, rolloutIds: [] });
    expect(body.runs[1]).toMatchObject({ config: { envId: 'Hopper-v5', algorithm: 'sac' }, hasMetrics: true, rolloutIds: ['hopper-run/eval-000100'], checkpoints: [1000, 2000] });
    expect(body.rollouts).toHaveLength(1);
  });

  it('GET /api/runs/:run/metrics returns the complete rows of metrics.jsonl', async () => {
    const reply = await httpGet(server.port, '/api/runs/hopper-run/metrics');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body.toString())).toEqual([{ step: 1000, episodeReturn: 12.5 }, { step: 2000, episodeReturn: 30 }]);
    const missing = await httpGet(server.port, '/api/runs/bare-run/metrics');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString())).toEqual({ error: { code: 'not_found', message: 'run "bare-run" has no metrics.jsonl' } });
  });

  it('GET /api/runs/:run/rollouts/:file returns the file bytes, which decode with the protocol', async () => {
    const reply = await httpGet(server.port, '/api/runs/hopper-run/rollouts/eval-000100.rgr');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect(reply.body).toEqual(readFileSync(join(runsDir, 'hopper-run', 'rollouts', 'eval-000100.rgr')));
    const decoded = decodeRolloutFile(new Uint8Array(reply.body));
    expect(decoded.ok && decoded.value.episodes.length).toBe(2);
  });

  it('refuses bad names (400) and unknown endpoints or files (404)', async () => {
    const cases: [string, number][] = [
      ['/api/runs/..%2F..%2Fetc/metrics', 400],
      ['/api/runs/.hidden/metrics', 400],
      ['/api/runs/hopper-run/rollouts/..%2Fconfig.json', 400],
      ['/api/runs/hopper-run/rollouts/eval.txt', 400],
      ['/api/runs/hopper-run/rollouts/missing.rgr', 404],
      ['/api/runs/nobody/metrics', 404],
      ['/api/elsewhere', 404],
      ['/api/runs/%zz/metrics', 400],
    ];
    for (const [path, status] of cases) {
      const reply = await httpGet(server.port, path);
      expect([path, reply.status]).toEqual([path, status]);
      expect(JSON.parse(reply.body.toString()).error.code).toBe(status === 400 ? 'invalid_name' : 'not_found');
    }
  });
});
