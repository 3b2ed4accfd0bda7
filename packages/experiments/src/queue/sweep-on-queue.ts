// `sweep --queue`: prepares the sweep's store, enqueues its unfinished trials on the Redis queue, waits for the workers, and summarizes like the local pool.
import { checkSweepEnvs } from '../sweep-envs.js';
import type { Sweep } from '../sweep-spec.js';
import { defaultSweepStore, SweepStore } from '../sweep-store.js';
import { summarizeSweep } from '../sweep-summary.js';
import type { RunSweepResult } from '../local-pool.js';
import { isFinishedRun } from '../trial-runner.js';
import type { QueueSettings } from './queue-settings.js';
import type { RedisConnectOptions } from './redis-client.js';
import { trialJobId, type QueuedTrial } from './queued-trial.js';
import { openTrialQueue, type EnqueueReport, type QueuedTrialEvent } from './trial-queue-client.js';

/** What happens to the sweep's trials on the queue, for progress output and tests. */
export type QueuedSweepEvent =
  | { type: 'skipped'; trialId: string }
  | { type: 'enqueued'; report: EnqueueReport }
  | (QueuedTrialEvent & { trialId: string });

/** Options of a queued sweep; all but the URL have defaults. */
export interface RunSweepOnQueueOptions {
  /** `redis://host:port` of the queue the workers pull from. */
  redisUrl: string;
  /** The sweep's folder [runs/sweeps/<name>]; must be reachable at this same path by every worker (a shared mount). */
  store?: string;
  /** Abort = stop waiting (the trials stay queued and the workers go on; run the same command again to wait again). */
  signal?: AbortSignal;
  onEvent?: (event: QueuedSweepEvent) => void;
  /** attempts and retryDelayMs of the jobs (the lock and stalled settings belong to the workers). */
  settings?: Partial<QueueSettings>;
  connect?: Omit<RedisConnectOptions, 'blocking'>;
  /** The queue's name (default TRIAL_QUEUE_NAME). */
  queueName?: string;
  /** Milliseconds between state checks of the queued trials (default 2000). */
  pollMs?: number;
}

/**
 * Runs a validated sweep on the queue: checks its envs, prepares the store (sweep.json; trial folders of another
 * configuration are refused), enqueues every unfinished trial as one job (idempotent: a trial already waiting or
 * running is not added again), waits until each finished or failed for good, then writes summary.json.
 */
export async function runSweepOnQueue(sweep: Sweep, options: RunSweepOnQueueOptions): Promise<RunSweepResult> {
  await checkSweepEnvs(sweep);
  const store = new SweepStore(options.store ?? defaultSweepStore(sweep.name));
  const emit = (event: QueuedSweepEvent): void => options.onEvent?.(event);
  const client = await openTrialQueue({
    redisUrl: options.redisUrl,
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.connect ? { connect: options.connect } : {}),
    ...(options.queueName ? { queueName: options.queueName } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  });
  const started = performance.now();
  let interrupted = false;
  const failed: string[] = [];
  try {
    store.prepare(sweep);
    const jobs: QueuedTrial[] = [];
    for (const trial of sweep.trials) {
      if (isFinishedRun(store.trial(trial.id), trial.config.totalSteps)) emit({ type: 'skipped', trialId: trial.id });
      else jobs.push({ storeDir: store.dir, sweepName: sweep.name, trialId: trial.id, overrides: trial.overrides, seed: trial.seed, config: trial.config });
    }
    const trialOf = new Map(jobs.map((job) => [trialJobId(job.sweepName, job.trialId), job.trialId]));
    const report = await client.enqueue(jobs);
    emit({ type: 'enqueued', report });
    const result = await client.awaitJobs([...trialOf.keys()], (event) => emit({ ...event, trialId: trialOf.get(event.jobId) ?? event.jobId }), options.signal);
    interrupted = result.interrupted;
    for (const jobId of result.failed.keys()) failed.push(trialOf.get(jobId) ?? jobId);
  } finally {
    await client.close();
  }
  const summary = summarizeSweep(store, { wallSeconds: (performance.now() - started) / 1000 });
  store.writeSummary(summary);
  return { store: store.dir, summary, interrupted, failed };
}
