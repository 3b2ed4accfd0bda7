// The sweep side of the queue: enqueues trials idempotently (one job per trial id) and waits for them with QueueEvents.
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { closeRedis, connectRedis, RedisConnectionError, type RedisConnectOptions } from './redis-client.js';
import { redactRedisUrl } from './redis-url.js';
import { resolveQueueSettings, type QueueSettings } from './queue-settings.js';
import { TRIAL_QUEUE_NAME, trialJobId, type QueuedTrial, type QueuedTrialOutcome } from './queued-trial.js';

/** Job states in which a trial is still on its way (left alone by a second enqueue). */
const PENDING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** What enqueueing did, by job id. */
export interface EnqueueReport {
  /** New jobs (including trials whose earlier job had completed or failed: it was replaced). */
  added: string[];
  /** Trials already waiting or running on the queue (not added twice). */
  alreadyQueued: string[];
}

/** What waiting saw happen, as it happens. */
export type QueuedTrialEvent =
  | { type: 'started'; jobId: string }
  | { type: 'progress'; jobId: string; step: number; totalSteps: number }
  | { type: 'stalled'; jobId: string }
  | { type: 'retrying'; jobId: string; reason: string }
  | { type: 'finished'; jobId: string; outcome: QueuedTrialOutcome | undefined }
  | { type: 'failed'; jobId: string; reason: string };

/** The end state of every awaited job. */
export interface AwaitReport {
  finished: Map<string, QueuedTrialOutcome | undefined>;
  failed: Map<string, string>;
  /** True when `signal` ended the wait first (the jobs stay queued). */
  interrupted: boolean;
}

/** Options of a queue client; all but the URL have defaults. */
export interface TrialQueueClientOptions {
  redisUrl: string;
  /** Retry settings written into each job (attempts, retryDelayMs); defaults QUEUE_SETTINGS_DEFAULTS. */
  settings?: Partial<QueueSettings>;
  connect?: Omit<RedisConnectOptions, 'blocking'>;
  /** The queue's name (default TRIAL_QUEUE_NAME). */
  queueName?: string;
  /** Milliseconds between state checks of the awaited jobs, a backstop for missed events (default 2000). */
  pollMs?: number;
}

/** The enqueueing side of the trial queue; close() it when done. */
export interface TrialQueueClient {
  enqueue(trials: QueuedTrial[]): Promise<EnqueueReport>;
  /** Resolves once every job finished or failed for good, or `signal` aborted. */
  awaitJobs(jobIds: string[], onEvent?: (event: QueuedTrialEvent) => void, signal?: AbortSignal): Promise<AwaitReport>;
  /** A job's state (`waiting`, `active`, `completed`, `failed`, …; `unknown` when there is no such job). */
  jobState(jobId: string): Promise<string>;
  close(): Promise<void>;
}

function progressStep(data: unknown): { step: number; totalSteps: number } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { step, totalSteps } = data as { step?: unknown; totalSteps?: unknown };
  return typeof step === 'number' && typeof totalSteps === 'number' ? { step, totalSteps } : undefined;
}

/** Connects (failing fast with a clear error naming the URL) and listens to the queue's events. */
export async function openTrialQueue(options: TrialQueueClientOptions): Promise<TrialQueueClient> {
  const settings = resolveQueueSettings(options.settings);
  const queueName = options.queueName ?? TRIAL_QUEUE_NAME;
  const pollMs = options.pollMs ?? 2000;
  const connection: Redis = await connectRedis(options.redisUrl, { ...options.connect, blocking: true });
  const queue = new Queue<QueuedTrial, QueuedTrialOutcome>(queueName, { connection });
  // QueueEvents listens before anything is added, so no event of ours is missed.
  const events = new QueueEvents(queueName, { connection });
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);

  const getJob = (jobId: string): Promise<Job<QueuedTrial, QueuedTrialOutcome> | undefined> => queue.getJob(jobId) as Promise<Job<QueuedTrial, QueuedTrialOutcome> | undefined>;

  const enqueue = async (trials: QueuedTrial[]): Promise<EnqueueReport> => {
    const report: EnqueueReport = { added: [], alreadyQueued: [] };
    for (const trial of trials) {
      const jobId = trialJobId(trial.sweepName, trial.trialId);
      const existing = await getJob(jobId);
      if (existing) {
        const state = await existing.getState();
        if (PENDING_STATES.has(state)) {
          if (existing.data.storeDir !== trial.storeDir) {
            throw new Error(`trial queue: job ${jobId} is already queued with store ${existing.data.storeDir}, but this sweep's store is ${trial.storeDir} (wait for it, or give the sweep another name)`);
          }
          report.alreadyQueued.push(jobId);
          continue;
        }
        // completed or failed earlier, yet the caller found the trial unfinished: replace the job
        await existing.remove();
      }
      await queue.add(trial.trialId, trial, {
        jobId,
        attempts: settings.attempts,
        backoff: { type: 'fixed', delay: settings.retryDelayMs },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      });
      report.added.push(jobId);
    }
    return report;
  };

  const awaitJobs = (jobIds: string[], onEvent?: (event: QueuedTrialEvent) => void, signal?: AbortSignal): Promise<AwaitReport> =>
    new Promise<AwaitReport>((resolve, reject) => {
      const report: AwaitReport = { finished: new Map(), failed: new Map(), interrupted: false };
      const pending = new Set(jobIds);
      const emit = (event: QueuedTrialEvent): void => {
        if (pending.has(event.jobId)) onEvent?.(event);
      };
      const settle = (jobId: string, result: { outcome: QueuedTrialOutcome | undefined } | { reason: string }): void => {
        if (!pending.has(jobId)) return;
        if ('reason' in result) {
          emit({ type: 'failed', jobId, reason: result.reason });
          report.failed.set(jobId, result.reason);
        } else {
          emit({ type: 'finished', jobId, outcome: result.outcome });
          report.finished.set(jobId, result.outcome);
        }
        pending.delete(jobId);
        if (pending.size === 0) finish();
      };
      // Jobs found running by the first check (their 'active' event may have passed before these listeners).
      const announced = new Set<string>();
      let firstCheck = true;
      // The job's state is the truth; events only make the wait prompt.
      const check = async (jobId: string): Promise<void> => {
        const job = await getJob(jobId);
        if (!job) return settle(jobId, { reason: 'the job was removed from the queue' });
        const state = await job.getState();
        if (state === 'active' && firstCheck) {
          announced.add(jobId);
          emit({ type: 'started', jobId });
        } else if (state === 'completed') settle(jobId, { outcome: job.returnvalue ?? undefined });
        else if (state === 'failed') settle(jobId, { reason: job.failedReason || 'failed' });
      };
      const checkAll = (): void => {
        Promise.all([...pending].map(check))
          .then(() => (firstCheck = false))
          .catch((error: unknown) => (connection.status === 'end' ? lost() : fail(error)));
      };
      const listeners = {
        active: ({ jobId }: { jobId: string }) => {
          if (!announced.delete(jobId)) emit({ type: 'started', jobId });
        },
        progress: ({ jobId, data }: { jobId: string; data: unknown }) => {
          const progress = progressStep(data);
          if (progress) emit({ type: 'progress', jobId, ...progress });
        },
        stalled: ({ jobId }: { jobId: string }) => emit({ type: 'stalled', jobId }),
        completed: ({ jobId }: { jobId: string }) => void check(jobId).catch(fail),
        failed: ({ jobId, failedReason }: { jobId: string; failedReason: string }) =>
          void getJob(jobId)
            .then(async (job) => {
              if (job && (await job.getState()) === 'failed') settle(jobId, { reason: failedReason });
              else emit({ type: 'retrying', jobId, reason: failedReason });
            })
            .catch(fail),
      };
      events.on('active', listeners.active);
      events.on('progress', listeners.progress);
      events.on('stalled', listeners.stalled);
      events.on('completed', listeners.completed);
      events.on('failed', listeners.failed);
      // Reconnects ran out: stop waiting with one clear line (the jobs stay in Redis, should it come back).
      const lost = (): void =>
        fail(new RedisConnectionError(`lost the Redis connection at ${redactRedisUrl(options.redisUrl)} while waiting (reconnect attempts ran out); the trials stay queued if Redis comes back — run the same command again to wait for them`));
      connection.once('end', lost);
      const timer = setInterval(checkAll, pollMs);
      const interrupt = (): void => {
        report.interrupted = true;
        finish();
      };
      signal?.addEventListener('abort', interrupt, { once: true });
      let done = false;
      function cleanup(): void {
        done = true;
        clearInterval(timer);
        connection.off('end', lost);
        signal?.removeEventListener('abort', interrupt);
        events.off('active', listeners.active);
        events.off('progress', listeners.progress);
        events.off('stalled', listeners.stalled);
        events.off('completed', listeners.completed);
        events.off('failed', listeners.failed);
      }
      function finish(): void {
        if (done) return;
        cleanup();
        resolve(report);
      }
      function fail(error: unknown): void {
        if (done) return;
        cleanup();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
      if (pending.size === 0) finish();
      else if (signal?.aborted) interrupt();
      else checkAll();
    });

  const close = async (): Promise<void> => {
    await events.close();
    await queue.close();
    await closeRedis(connection);
  };
  const jobState = async (jobId: string): Promise<string> => (await getJob(jobId))?.getState() ?? 'unknown';
  return { enqueue, awaitJobs, jobState, close };
}
