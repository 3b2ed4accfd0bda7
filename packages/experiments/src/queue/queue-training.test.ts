// Sweeps on the Redis queue with real training: worker processes (built dist) run every trial, a rerun skips finished trials, Ctrl-C hands a trial back at a checkpoint, a SIGKILLed worker's trial is resumed by another from its checkpoint.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { latestCheckpointStep } from '@rapier-gym/sac';
import { RunDirectory } from '../run-directory.js';
import { validateSweep } from '../sweep-file.js';
import { startTestRedisServer, type TestRedisServer } from '../testing/redis-server.js';
import { runSweepOnQueue, type QueuedSweepEvent } from './sweep-on-queue.js';

const WORKER_MODULE = pathToFileURL(fileURLToPath(new URL('../../dist/queue/trial-queue-worker.js', import.meta.url))).href;
// A worker process on the built package: one JSON line per event on stdout; SIGINT stops it gracefully.
const WORKER_SCRIPT = `
import { startTrialWorker } from ${JSON.stringify(WORKER_MODULE)};
const [url, name] = process.argv.slice(1);
const worker = await startTrialWorker({
  redisUrl: url, name, settings: { lockDurationMs: 2000, stalledIntervalMs: 1000 },
  onEvent: (e) => console.log(JSON.stringify({ type: e.type, trialId: e.trial.trialId, outcome: e.outcome, step: e.step, error: e.error && e.error.message })),
});
console.log(JSON.stringify({ type: 'ready' }));
process.on('SIGINT', () => void worker.stop().then(() => process.exit(0)));
`;

interface WorkerLine {
  type: string;
  trialId?: string;
  step?: number;
  outcome?: { status: string; step: number; resumedFromStep?: number };
  error?: string;
}

interface WorkerProcess {
  child: ChildProcess;
  lines: WorkerLine[];
  waitFor(predicate: (line: WorkerLine) => boolean): Promise<WorkerLine>;
}

const workers: WorkerProcess[] = [];

function startWorker(url: string, name: string): WorkerProcess {
  const child = spawn(process.execPath, ['--input-type=module', '-e', WORKER_SCRIPT, url, name], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: WorkerLine[] = [];
  const waiters: { predicate: (line: WorkerLine) => boolean; resolve: (line: WorkerLine) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as WorkerLine;
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.predicate(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const worker: WorkerProcess = {
    child,
    lines,
    waitFor: (predicate) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(predicate);
        if (seen) return resolve(seen);
        waiters.push({ predicate, resolve });
        child.once('exit', (code, signal) => reject(new Error(`worker ${name} exited (${code ?? signal}) before the expected event: ${stderr.slice(-2000)}`)));
      }),
  };
  workers.push(worker);
  return worker;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

const tiny = {
  env: 'Pendulum-v1',
  backend: 'cpu',
  logEvery: 50,
  evalEvery: 0,
  evalEpisodes: 1,
  checkpointEvery: 100,
  sac: { actorHiddenSizes: [8, 8], criticHiddenSizes: [8, 8], batchSize: 16, learningStarts: 50, randomSteps: 50, bufferSize: 1000 },
};

let redis: TestRedisServer;
const root = mkdtempSync(join(tmpdir(), 'queue-training-'));
beforeAll(async () => {
  redis = await startTestRedisServer();
});
// A test that fails leaves no worker behind to take the next test's trials.
afterEach(async () => {
  for (const worker of workers) worker.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => exited(w.child)));
  workers.length = 0;
});
afterAll(async () => {
  await redis?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('sweep on the queue with real training', () => {
  it('two workers run the trials (one each); the same sweep enqueued again skips them all', async () => {
    const sweep = validateSweep({ name: 'two-workers', base: { ...tiny, totalSteps: 200 }, seeds: 2 }, 'two-workers.yaml');
    const store = join(root, 'two-workers');
    const [a, b] = [startWorker(redis.url, 'a'), startWorker(redis.url, 'b')];
    await Promise.all([a.waitFor((l) => l.type === 'ready'), b.waitFor((l) => l.type === 'ready')]);

    const events: QueuedSweepEvent[] = [];
    const result = await runSweepOnQueue(sweep, { redisUrl: redis.url, store, pollMs: 500, onEvent: (e) => events.push(e) });
    expect(result.failed).toEqual([]);
    expect(result.interrupted).toBe(false);
    const ids = ['seed=1', 'seed=2'];
    expect(events.filter((e) => e.type === 'finished').map((e) => (e as { trialId: string }).trialId).sort()).toEqual(ids);
    // every start is reported, also those of the trials the waiting workers took before the wait began
    expect([...new Set(events.filter((e) => e.type === 'started').map((e) => (e as { trialId: string }).trialId))].sort()).toEqual(ids);
    for (const id of ids) {
      const run = new RunDirectory(join(store, 'trials', id));
      expect(run.readRecord()).toMatchObject({ status: 'finished', trial: { sweep: 'two-workers', id } });
      expect(run.readMetrics().at(-1)?.step).toBe(200);
      expect(latestCheckpointStep(run.checkpointsDir)).toBe(200);
    }
    // both workers took trials (each runs one at a time and was waiting before the trials were enqueued)
    const ranBy = (w: WorkerProcess) => w.lines.filter((l) => l.type === 'finished').map((l) => l.trialId);
    expect(ranBy(a).length).toBeGreaterThan(0);
    expect(ranBy(b).length).toBeGreaterThan(0);
    expect([...ranBy(a), ...ranBy(b)].sort()).toEqual(ids);
    const summary = JSON.parse(readFileSync(join(store, 'summary.json'), 'utf8')) as { done: number; total: number; groups: { trials: { id: string; status: string }[] }[] };
    expect(summary).toMatchObject({ done: 2, total: 2 });
    expect(summary.groups.flatMap((g) => g.trials.map((t) => `${t.id}:${t.status}`)).sort()).toEqual(ids.map((id) => `${id}:finished`));

    const again: QueuedSweepEvent[] = [];
    const rerun = await runSweepOnQueue(sweep, { redisUrl: redis.url, store, pollMs: 500, onEvent: (e) => again.push(e) });
    expect(rerun.failed).toEqual([]);
    expect(again.filter((e) => e.type === 'skipped').map((e) => (e as { trialId: string }).trialId)).toEqual(ids);
    expect(again.find((e) => e.type === 'enqueued')).toEqual({ type: 'enqueued', report: { added: [], alreadyQueued: [] } });
    expect(again.some((e) => e.type === 'started')).toBe(false);

    a.child.kill('SIGINT');
    b.child.kill('SIGINT');
    await Promise.all([exited(a.child), exited(b.child)]);
  });

  it('Ctrl-C on a worker checkpoints its trial and hands it back; a SIGKILLed worker loses nothing either: the next worker resumes from the last checkpoint and finishes', async () => {
    const sweep = validateSweep({ name: 'stopped-and-killed', base: { ...tiny, totalSteps: 400 }, seeds: [7] }, 'stopped-and-killed.yaml');
    const store = join(root, 'stopped-and-killed');
    const run = new RunDirectory(join(store, 'trials', 'seed=7'));
    const checkpointAfter = async (step: number): Promise<number> => {
      for (;;) {
        const latest = existsSync(join(run.checkpointsDir, 'latest')) ? latestCheckpointStep(run.checkpointsDir) : undefined;
        if (latest !== undefined && latest > step) return latest;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const first = startWorker(redis.url, 'first');
    await first.waitFor((l) => l.type === 'ready');
    const events: QueuedSweepEvent[] = [];
    const finished = runSweepOnQueue(sweep, { redisUrl: redis.url, store, pollMs: 500, onEvent: (e) => events.push(e) });

    // 1. Ctrl-C (SIGINT) on the first worker after the trial's first checkpoint: it saves a checkpoint at the current
    //    step, puts the job back in the wait list (no stall, no failure) and exits.
    await checkpointAfter(0);
    first.child.kill('SIGINT');
    const released = await first.waitFor((l) => l.type === 'released');
    await exited(first.child);
    expect(first.child.exitCode).toBe(0);
    expect(released.step).toBeLessThan(400);
    expect(latestCheckpointStep(run.checkpointsDir)).toBe(released.step);
    expect(run.readRecord().status).toBe('stopped');
    expect(events.filter((e) => e.type === 'stalled' || e.type === 'retrying' || e.type === 'failed')).toEqual([]);

    // 2. The second worker takes the job over at once; SIGKILL it after it wrote a checkpoint of its own.
    const second = startWorker(redis.url, 'second');
    const killedAfter = await checkpointAfter(released.step!);
    second.child.kill('SIGKILL');
    await exited(second.child);
    expect(killedAfter).toBeLessThan(400);

    // 3. Its lock expires, the job is recovered as stalled, and the third worker finishes the trial.
    const third = startWorker(redis.url, 'third');
    const result = await finished;
    expect(result.failed).toEqual([]);
    const done = await third.waitFor((l) => l.type === 'finished');
    expect([...first.lines, ...second.lines].some((l) => l.type === 'finished')).toBe(false);
    expect(events.filter((e) => e.type === 'stalled')).toHaveLength(1);

    // the last session started at a checkpoint the second one wrote, not at 0
    const resumedFrom = done.outcome?.resumedFromStep;
    expect(resumedFrom).toBeGreaterThanOrEqual(killedAfter);
    expect(resumedFrom).toBeLessThan(400);
    expect(done.outcome).toMatchObject({ status: 'finished', step: 400 });
    expect(run.readRecord().status).toBe('finished');
    const steps = run.readMetrics().map((row) => row.step);
    expect(steps).toEqual(Array.from({ length: 8 }, (_, i) => 50 * (i + 1)));

    third.child.kill('SIGINT');
    await exited(third.child);
  });
});
