// A BullMQ worker that pulls queued trials and runs them (by default each in its own child process); stop() checkpoints running trials and releases their jobs.
import { Worker, WaitingError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { closeRedis, connectRedis, type RedisConnectOptions } from './redis-client.js';
import { redactRedisUrl } from './redis-url.js';
import { resolveQueueSettings, type QueueSettings } from './queue-settings.js';
import { TRIAL_QUEUE_NAME, type QueuedTrial, type QueuedTrialOutcome, type RunQueuedTrial } from './queued-trial.js';
import { trialProcessRunner } from './trial-process-runner.js';

/** What a worker reports as it goes. */
export type TrialWorkerEvent =
  | { type: 'started'; jobId: string; trial: QueuedTrial; attempt: number }
  | { type: 'finished'; jobId: string; trial: QueuedTrial; outcome: QueuedTrialOutcome }
  | { type: 'released'; jobId: string; trial: QueuedTrial; step: number }
  | { type: 'failed'; jobId: string; trial: QueuedTrial; error: Error };

/** Options of a trial worker; all but the URL have defaults. */
export interface TrialWorkerOptions {
  /** `redis://host:port` of the queue. */
  redisUrl: string;
  /** Trials run at the same time by this worker (default 1; one per core is the most that helps). */
  concurrency?: number;
  /** Lock, stalled-job and retry settings (defaults QUEUE_SETTINGS_DEFAULTS; every worker of a queue should use the same). */
  settings?: Partial<QueueSettings>;
  /** Connection timeouts and reconnects. */
  connect?: Omit<RedisConnectOptions, 'blocking'>;
  /** Runs one trial (default: trialProcessRunner(), a child process per trial). */
  runTrial?: RunQueuedTrial;
  /** The queue's name (default TRIAL_QUEUE_NAME). */
  queueName?: string;
  /** A name stored on the jobs it takes (default: BullMQ's). */
  name?: string;
  onEvent?: (event: TrialWorkerEvent) => void;
  /** An error of the worker itself (a lost Redis connection); the worker keeps going until its reconnects run out. */
  onError?: (error: Error) => void;
}

/** A running trial worker. */
export interface TrialWorker {
  /** Trials running now. */
  readonly running: number;
  /**
   * Stops taking trials, asks the running ones to checkpoint, puts their jobs back in the wait list for another
   * worker, and closes the connections.
   */
  stop(): Promise<void>;
  /** Resolves once the worker has closed (after stop(), or when Redis was lost for good, then with that error). */
  readonly closed: Promise<void>;
}

/** Connects (failing fast with a clear error when Redis cannot be reached) and starts pulling trials. */
export async function startTrialWorker(options: TrialWorkerOptions): Promise<TrialWorker> {
  const settings = resolveQueueSettings(options.settings);
  const concurrency = options.concurrency ?? 1;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new Error(`trial worker: concurrency must be an integer ≥ 1, received ${concurrency}`);
  const runTrial = options.runTrial ?? trialProcessRunner();
  const connection: Redis = await connectRedis(options.redisUrl, { ...options.connect, blocking: true });
  const controllers = new Map<string, AbortController>();
  let stopping = false;

  const processor = async (job: Job<QueuedTrial, QueuedTrialOutcome>, token?: string, lockSignal?: AbortSignal): Promise<QueuedTrialOutcome> => {
    const jobId = job.id ?? '';
    const controller = new AbortController();
    const lockLost = (): void => controller.abort();
    lockSignal?.addEventListener('abort', lockLost, { once: true });
    controllers.set(jobId, controller);
    if (stopping) controller.abort();
    options.onEvent?.({ type: 'started', jobId, trial: job.data, attempt: job.attemptsMade + 1 });
    try {
      const outcome = await runTrial(job.data, controller.signal, (step) => {
        job.updateProgress({ step, totalSteps: job.data.config.totalSteps }).catch(() => undefined);
      });
      if (outcome.status === 'stopped') {
        if (lockSignal?.aborted || !token) {
          throw new Error(`trial ${job.data.trialId}: stopped at step ${outcome.step} because this worker lost its lock on the job (another worker resumes it)`);
        }
        // Stopped on request (stop(), or a signal sent to the trial process): the trial checkpointed; hand the job
        // back to the wait list without counting a failure or a stall.
        await job.moveToWait(token);
        options.onEvent?.({ type: 'released', jobId, trial: job.data, step: outcome.step });
        throw new WaitingError();
      }
      options.onEvent?.({ type: 'finished', jobId, trial: job.data, outcome });
      return outcome;
    } catch (error) {
      if (!(error instanceof WaitingError)) options.onEvent?.({ type: 'failed', jobId, trial: job.data, error: error instanceof Error ? error : new Error(String(error)) });
      throw error;
    } finally {
      controllers.delete(jobId);
      lockSignal?.removeEventListener('abort', lockLost);
    }
  };

  const worker = new Worker<QueuedTrial, QueuedTrialOutcome>(options.queueName ?? TRIAL_QUEUE_NAME, processor, {
    connection,
    concurrency,
    lockDuration: settings.lockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
    maxStalledCount: settings.maxStalledCount,
    ...(options.name ? { name: options.name } : {}),
    autorun: false,
  });
  let lost: Error | undefined;
  worker.on('error', (error) => {
    options.onError?.(error);
  });
  let resolveClosed: () => void;
  let rejectClosed: (error: Error) => void;
  const closed = new Promise<void>((resolve, reject) => {
    resolveClosed = resolve;
    rejectClosed = reject;
  });
  closed.catch(() => undefined);

  const shutdown = async (): Promise<void> => {
    try {
      await worker.close();
    } catch (error) {
      lost ??= error instanceof Error ? error : new Error(String(error));
    }
    await closeRedis(connection);
    if (lost) rejectClosed(lost);
    else resolveClosed();
  };
  let shuttingDown: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    if (!shuttingDown) {
      stopping = true;
      for (const controller of controllers.values()) controller.abort();
      shuttingDown = shutdown();
    }
    return shuttingDown;
  };
  // Reconnects ran out: Redis is gone for good; stop (the trials checkpoint, but their jobs cannot be released).
  connection.on('end', () => {
    if (stopping) return;
    lost = new Error(`lost the Redis connection at ${redactRedisUrl(options.redisUrl)} (reconnect attempts ran out)`);
    void stop();
  });

  await worker.waitUntilReady();
  void worker.run().catch((error: unknown) => {
    lost ??= error instanceof Error ? error : new Error(String(error));
    void stop();
  });
  return {
    get running() {
      return controllers.size;
    },
    stop,
    closed,
  };
}
