// The CLI's queue mode against a real redis-server: the built `sweep --queue` + `worker` run a sweep and Ctrl-C stops a worker; bad flags exit 2, an unreachable Redis exits 1 in one line.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { runCli } from './cli.js';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');
const root = mkdtempSync(join(tmpdir(), 'rapier-gym-worker-'));
const sweepFile = join(root, 'queued.json');
writeFileSync(
  sweepFile,
  JSON.stringify({
    name: 'cli-queue',
    base: {
      env: 'Pendulum-v1',
      totalSteps: 200,
      backend: 'cpu',
      logEvery: 50,
      evalEvery: 0,
      evalEpisodes: 1,
      checkpointEvery: 100,
      sac: { actorHiddenSizes: [8, 8], criticHiddenSizes: [8, 8], batchSize: 16, learningStarts: 50, randomSteps: 50, bufferSize: 1000 },
    },
    seeds: 1,
  }),
);

/** runCli in this process (the sources): exit code and what it wrote. */
async function cliHere(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk: Buffer, _encoding, done) => (append(chunk.toString()), done()) });
  const code = await runCli(args, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    onInterrupt: () => () => undefined,
    viewerDir: undefined,
  });
  return { code, stdout, stderr };
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// Debian's redis-server (.ci/run installs it; packages/experiments/src/testing/redis-server.ts is the fuller helper),
// without persistence, on a free port; ready when it logs so.
let redisServer: ChildProcess | undefined;
const redis = { url: '' };
beforeAll(async () => {
  const port = await freePort();
  redisServer = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    redisServer!.once('error', (error) => reject(new Error(`redis-server could not start (install it with "apt-get install -y redis-server"): ${error.message}`)));
    redisServer!.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Ready to accept connections')) resolve();
    });
  });
  redis.url = `redis://127.0.0.1:${port}`;
});
afterAll(async () => {
  if (redisServer && redisServer.exitCode === null) {
    const exited = new Promise((resolve) => redisServer!.once('exit', resolve));
    redisServer.kill('SIGTERM');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

describe('worker and sweep --queue usage errors', () => {
  it.each([
    [['worker'], /worker: --queue redis:\/\/host:port is required/],
    [['worker', '--queue', 'localhost:6379'], /--queue: Redis URL "localhost:6379" has scheme "localhost" \(expected redis:\/\/host:port/],
    [['worker', '--queue', 'redis://127.0.0.1:6379', '--concurrency', '0'], /--concurrency must be an integer in \[1, 256\], received "0"/],
    [['worker', '--queue', 'redis://127.0.0.1:6379', '--lock-duration', 'soon'], /--lock-duration must be an integer in \[100, ∞\], received "soon"/],
    [['sweep', sweepFile, '--queue', 'http://127.0.0.1:6379'], /--queue: Redis URL "http:\/\/127.0.0.1:6379" has scheme "http"/],
    [['sweep', sweepFile, '--queue', 'redis://127.0.0.1:6379', '--workers', '2'], /--workers runs trials here; with --queue, start "rapier-gym worker/],
  ])('%j exits 2 naming the flag', async (args, message) => {
    const r = await cliHere(...args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('an unreachable Redis is one line naming the URL and what was expected, exit 1, for worker and sweep --queue; the sweep writes nothing', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const unreached = join(root, 'unreached');
    for (const args of [['worker', '--queue', url], ['sweep', sweepFile, '--queue', url, '--store', unreached]]) {
      const r = await cliHere(...args);
      expect(r.stderr).toMatch(new RegExp(`^rapier-gym: cannot reach Redis at ${url}: ECONNREFUSED.*expected a redis-server answering PING at 127\\.0\\.0\\.1:\\d+`, 'm'));
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.code).toBe(1);
    }
    expect(existsSync(join(unreached, 'sweep.json'))).toBe(false);
  });
});

describe('sweep --queue with a worker', () => {
  it('the worker runs the enqueued trials, the sweep prints the summary; Ctrl-C stops the idle worker with code 130', async () => {
    const worker = spawn(process.execPath, [main, 'worker', '--queue', redis.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let workerErr = '';
    worker.stderr.on('data', (chunk: Buffer) => (workerErr += chunk.toString()));
    const workerExit = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));

    const store = join(root, 'store');
    const sweep = spawn(process.execPath, [main, 'sweep', sweepFile, '--queue', redis.url, '--store', store], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    sweep.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    sweep.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => sweep.once('exit', (c) => resolve(c)));

    expect(err).toMatch(/queued {3}1 trial\(s\) on redis:\/\/127\.0\.0\.1:\d+; waiting for workers/);
    expect(err).toMatch(/start {4}seed=1\n[\s\S]*done {5}seed=1 \(step 200\) \[1\/1\]/);
    expect(out).toMatch(/sweep cli-queue: 1\/1 trials finished/);
    expect(code).toBe(0);

    // the same command again finds the trial finished and enqueues nothing
    const again = await cliHere('sweep', sweepFile, '--queue', redis.url, '--store', store);
    expect(again.stderr).toMatch(/skip {5}seed=1 \(finished earlier\)[\s\S]*queued {3}0 trial\(s\)/);
    expect(again.stdout).toMatch(/1\/1 trials finished/);
    expect(again.code).toBe(0);

    expect(workerErr).toMatch(/worker .*: pulling trials from redis:\/\/127\.0\.0\.1:\d+ \(concurrency 1/);
    expect(workerErr).toMatch(/finished cli-queue\/seed=1 at step 200/);
    worker.kill('SIGINT');
    expect(await workerExit).toBe(130);
    expect(workerErr).toMatch(/worker stopped/);
  });
});
