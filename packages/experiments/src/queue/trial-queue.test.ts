// The queue layer against a real redis-server with in-process stand-in trial runners (no training): idempotent enqueue, waiting, release on stop, retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedTrainConfig } from '@rapier-gym/sac';
import { startTestRedisServer, type TestRedisServer } from '../testing/redis-server.js';
import { openTrialQueue, type QueuedTrialEvent } from './trial-queue-client.js';
import { startTrialWorker } from './trial-queue-worker.js';
import { trialJobId, type QueuedTrial, type QueuedTrialOutcome, type RunQueuedTrial } from './queued-trial.js';

let redis: TestRedisServer;
beforeAll(async () => {
  redis = await startTestRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

function trial(sweepName: string, trialId: string, totalSteps = 100): QueuedTrial {
  return { storeDir: `/tmp/store-${sweepName}`, sweepName, trialId, overrides: {}, seed: 1, config: { totalSteps } as ResolvedTrainConfig };
}

const finishedOutcome = (step: number): QueuedTrialOutcome => ({ status: 'finished', step, resumedFromStep: undefined, sessionSeconds: 0 });

describe('trial queue', () => {
  it('runs every enqueued trial once on two workers; a second enqueue of the same trials adds nothing while they are queued', async () => {
    const queueName = 'q-run-all';
    const runs: string[] = [];
    const runTrial: RunQueuedTrial = async (t, _signal, onProgress) => {
      runs.push(t.trialId);
      onProgress?.(t.config.totalSteps);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return finishedOutcome(t.config.totalSteps);
    };
    const client = await openTrialQueue({ redisUrl: redis.url, queueName, pollMs: 200 });
    const trials = ['a', 'b', 'c', 'd', 'e'].map((id) => trial('s1', `x=${id}__seed=1`));
    const first = await client.enqueue(trials);
    const second = await client.enqueue(trials);
    expect(first.added).toEqual(trials.map((t) => trialJobId('s1', t.trialId)));
    expect(second).toEqual({ added: [], alreadyQueued: first.added });

    const workers = await Promise.all([1, 2].map(() => startTrialWorker({ redisUrl: redis.url, queueName, runTrial })));
    const events: QueuedTrialEvent[] = [];
    const report = await client.awaitJobs(first.added, (event) => events.push(event));
    await Promise.all(workers.map((w) => w.stop()));
    await client.close();

    expect(report.failed.size).toBe(0);
    expect([...report.finished.keys()].sort()).toEqual([...first.added].sort());
    expect([...report.finished.values()].every((o) => o?.status === 'finished' && o.step === 100)).toBe(true);
    expect(runs.sort()).toEqual(trials.map((t) => t.trialId).sort());
    expect(events.filter((e) => e.type === 'finished')).toHaveLength(5);
  });

  it('replaces a completed job when the same trial is enqueued again (the caller found it unfinished)', async () => {
    const queueName = 'q-replace';
    let count = 0;
    const runTrial: RunQueuedTrial = async (t) => {
      count += 1;
      return finishedOutcome(t.config.totalSteps);
    };
    const client = await openTrialQueue({ redisUrl: redis.url, queueName, pollMs: 200 });
    const worker = await startTrialWorker({ redisUrl: redis.url, queueName, runTrial });
    const only = [trial('s2', 'seed=1')];
    const first = await client.enqueue(only);
    await client.awaitJobs(first.added);
    const again = await client.enqueue(only);
    expect(again.added).toEqual(first.added);
    await client.awaitJobs(again.added);
    await worker.stop();
    await client.close();
    expect(count).toBe(2);
  });

  it('refuses a trial that is queued with another store, naming both stores', async () => {
    const queueName = 'q-store-conflict';
    const client = await openTrialQueue({ redisUrl: redis.url, queueName });
    await client.enqueue([trial('s3', 'seed=1')]);
    await expect(client.enqueue([{ ...trial('s3', 'seed=1'), storeDir: '/elsewhere' }])).rejects.toThrow(
      'job s3__seed=1 is already queued with store /tmp/store-s3, but this sweep\'s store is /elsewhere',
    );
    await client.close();
  });

  it('stop() asks a running trial to checkpoint and puts its job back for another worker, which finishes it', async () => {
    const queueName = 'q-release';
    const seen: string[] = [];
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    // first worker: runs until aborted, then reports a checkpoint at step 40
    const stoppable: RunQueuedTrial = (t, signal) =>
      new Promise((resolve) => {
        seen.push(`first:${t.trialId}`);
        started();
        signal.addEventListener('abort', () => resolve({ status: 'stopped', step: 40, resumedFromStep: undefined, sessionSeconds: 0 }));
      });
    const client = await openTrialQueue({ redisUrl: redis.url, queueName, pollMs: 200 });
    const first = await startTrialWorker({ redisUrl: redis.url, queueName, runTrial: stoppable });
    const { added } = await client.enqueue([trial('s4', 'seed=1')]);
    const events: QueuedTrialEvent[] = [];
    const waiting = client.awaitJobs(added, (event) => events.push(event));
    await startedPromise;
    expect(first.running).toBe(1);
    await first.stop();
    expect(await client.jobState(added[0]!)).toBe('waiting');
    const second = await startTrialWorker({
      redisUrl: redis.url,
      queueName,
      runTrial: async (t) => {
        seen.push(`second:${t.trialId}`);
        return { status: 'finished', step: 100, resumedFromStep: 40, sessionSeconds: 0 };
      },
    });
    const report = await waiting;
    await second.stop();
    await client.close();
    expect(seen).toEqual(['first:seed=1', 'second:seed=1']);
    expect(report.finished.get(added[0]!)).toEqual({ status: 'finished', step: 100, resumedFromStep: 40, sessionSeconds: 0 });
    expect(events.filter((e) => e.type === 'failed' || e.type === 'retrying')).toEqual([]);
  });

  it('retries a trial whose run throws (attempts), then reports it failed with the reason', async () => {
    const queueName = 'q-fail';
    let calls = 0;
    const client = await openTrialQueue({ redisUrl: redis.url, queueName, pollMs: 200, settings: { attempts: 2, retryDelayMs: 0 } });
    const worker = await startTrialWorker({
      redisUrl: redis.url,
      queueName,
      runTrial: async () => {
        calls += 1;
        throw new Error(`diverged (call ${calls})`);
      },
    });
    const { added } = await client.enqueue([trial('s5', 'seed=1')]);
    const report = await client.awaitJobs(added);
    await worker.stop();
    await client.close();
    expect(calls).toBe(2);
    expect(report.failed.get(added[0]!)).toBe('diverged (call 2)');
  });

  it('a Redis lost for good ends the wait and the worker with one clear error each (after the reconnect attempts)', async () => {
    const doomed = await startTestRedisServer();
    const queueName = 'q-lost';
    const client = await openTrialQueue({ redisUrl: doomed.url, queueName, connect: { reconnectAttempts: 1 } });
    let aborted = false;
    const worker = await startTrialWorker({
      redisUrl: doomed.url,
      queueName,
      connect: { reconnectAttempts: 1 },
      runTrial: (_t, signal) =>
        new Promise((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve({ status: 'stopped', step: 3, sessionSeconds: 0 });
          }),
        ),
    });
    const { added } = await client.enqueue([trial('s6', 'seed=1')]);
    const waiting = client.awaitJobs(added);
    while (worker.running === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    doomed.process.kill('SIGKILL');
    await expect(waiting).rejects.toThrow(`lost the Redis connection at ${doomed.url} while waiting (reconnect attempts ran out)`);
    await expect(worker.closed).rejects.toThrow(`lost the Redis connection at ${doomed.url} (reconnect attempts ran out)`);
    expect(aborted).toBe(true);
    await client.close();
    await doomed.stop();
  });
});
