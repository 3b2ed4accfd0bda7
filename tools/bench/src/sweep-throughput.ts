// Benchmark: sweep throughput (trials per hour) of a fixed small trial with 1 and 2 local workers and 2 workers over a Redis queue on this machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSweep, runSweepOnQueue, startTrialWorker, validateSweep, type Sweep } from '@rapier-gym/experiments';
import { ParallelCeiling } from './parallel-ceiling.js';
import { median, printTable, ratio } from './table.js';

/** Trials per configuration (seeds 1..N of the same trial). */
const TRIALS = 6;
/** Rounds of the two 2-worker configurations, interleaved so machine load drifts hit both alike. */
const ROUNDS = 2;
const REDIS_SERVER = '/usr/bin/redis-server';

// The fixed trial: Pendulum-v1, 16-16 networks, 500 steps (100 random, then one update per step), one evaluation
// episode and one checkpoint at the end, tfjs cpu backend.
function sweepNamed(name: string): Sweep {
  return validateSweep(
    {
      name,
      base: {
        env: 'Pendulum-v1',
        totalSteps: 500,
        backend: 'cpu',
        logEvery: 100,
        evalEvery: 0,
        evalEpisodes: 1,
        checkpointEvery: 0,
        sac: { actorHiddenSizes: [16, 16], criticHiddenSizes: [16, 16], batchSize: 64, learningStarts: 100, randomSteps: 100, bufferSize: 10_000 },
      },
      seeds: TRIALS,
    },
    `${name} (sweep-throughput)`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A throwaway redis-server (no persistence) on a free port of 127.0.0.1. */
async function startRedis(dir: string): Promise<{ url: string; server: ChildProcess }> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`sweep-throughput: ${REDIS_SERVER} not found; install it with "apt-get install -y redis-server"`);
  const port = await freePort();
  const server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => {
    let log = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Ready to accept connections')) resolve();
    });
  });
  return { url: `redis://127.0.0.1:${port}`, server };
}

const root = mkdtempSync(join(tmpdir(), 'sweep-throughput-'));
let runs = 0;

async function local(workers: number): Promise<number> {
  const sweep = sweepNamed(`local-${workers}-${++runs}`);
  const t0 = performance.now();
  const result = await runSweep(sweep, { workers, store: join(root, sweep.name) });
  const seconds = (performance.now() - t0) / 1000;
  if (result.failed.length > 0 || result.summary.done !== TRIALS) throw new Error(`sweep-throughput: local run failed: ${result.failed.join(', ')}`);
  return seconds;
}

async function queued(url: string): Promise<number> {
  const sweep = sweepNamed(`queue-2-${++runs}`);
  const t0 = performance.now();
  const result = await runSweepOnQueue(sweep, { redisUrl: url, store: join(root, sweep.name), pollMs: 500 });
  const seconds = (performance.now() - t0) / 1000;
  if (result.failed.length > 0 || result.summary.done !== TRIALS) throw new Error(`sweep-throughput: queued run failed: ${result.failed.join(', ')}`);
  return seconds;
}

const perHour = (seconds: number): number => (TRIALS * 3600) / seconds;

const ceiling = new ParallelCeiling();
const machine = await ceiling.ratio();
await ceiling.close();
const redis = await startRedis(root);
// Two workers waiting on the queue, as on a cluster; each runs one trial at a time in its own child process.
const workers = await Promise.all([1, 2].map((i) => startTrialWorker({ redisUrl: redis.url, name: `bench-${i}` })));
try {
  const one = await local(1);
  const twoLocal: number[] = [];
  const twoQueue: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    twoLocal.push(await local(2));
    twoQueue.push(await queued(redis.url));
  }
  const local2 = median(twoLocal);
  const queue2 = median(twoQueue);
  printTable(
    `Sweep throughput: ${TRIALS} trials of Pendulum-v1 (16-16 nets, 500 steps, cpu backend), each in a child process; 2-worker rows are the median of ${ROUNDS} interleaved rounds; machine 2-thread ceiling ${machine.toFixed(2)}× of one`,
    ['configuration', 'wall s', 'trials/hour', 'vs 1 local'],
    [
      ['1 local worker', one, perHour(one), ratio(one, one)],
      ['2 local workers', local2, perHour(local2), ratio(one, local2)],
      ['2 workers over Redis', queue2, perHour(queue2), ratio(one, queue2)],
    ],
  );
  console.log(`\nqueue / local-2 throughput: ${ratio(perHour(queue2), perHour(local2))} (rounds: local-2 ${twoLocal.map((s) => s.toFixed(1)).join(', ')} s; queue ${twoQueue.map((s) => s.toFixed(1)).join(', ')} s)`);
} finally {
  await Promise.all(workers.map((w) => w.stop()));
  redis.server.kill('SIGTERM');
  rmSync(root, { recursive: true, force: true });
}
