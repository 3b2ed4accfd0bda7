// What a queue job carries (one sweep trial and where to write it), what it returns, and its idempotent job id.
import type { ResolvedTrainConfig } from '@rapier-gym/sac';

/** The BullMQ queue every `sweep --queue` enqueues into and every `worker --queue` pulls from. */
export const TRIAL_QUEUE_NAME = 'rapier-gym-trials';

/** A job's data: one trial of a sweep, self-contained, so a worker needs nothing but this and the store. */
export interface QueuedTrial {
  /** Absolute path of the sweep's run store; the trial is written to `<storeDir>/trials/<trialId>/`. Every worker must reach this path (a shared mount, same path on every machine). */
  storeDir: string;
  /** The sweep's name (`sweep.json` "name"). */
  sweepName: string;
  /** The trial's id, also its folder name, e.g. `sac.alpha=0.2__seed=1`. */
  trialId: string;
  /** The swept fields' values of this trial (dotted keys). */
  overrides: Record<string, unknown>;
  seed: number;
  /** The fully resolved training configuration (base + overrides + seed). */
  config: ResolvedTrainConfig;
}

/** What running a trial did (a job's return value). */
export interface QueuedTrialOutcome {
  /** `skipped`: already finished in the store; `stopped`: aborted after a checkpoint (the job is released, not completed). */
  status: 'finished' | 'stopped' | 'skipped';
  /** Environment steps reached. */
  step: number;
  /** The checkpoint step this session resumed from (undefined for a fresh start or a skip). */
  resumedFromStep?: number | undefined;
  /** Wall-clock seconds of this session. */
  sessionSeconds: number;
}

/** Called with the trial's step as it trains (metrics rows). */
export type TrialProgress = (step: number) => void;

/** Runs a trial into the store until it finishes or `signal` aborts it (then it checkpoints and resolves `stopped`). */
export type RunQueuedTrial = (trial: QueuedTrial, signal: AbortSignal, onProgress?: TrialProgress) => Promise<QueuedTrialOutcome>;

/**
 * The job id of a trial: sweep name and trial id joined with "__" (BullMQ rejects ids containing ":" and integer
 * ids), so enqueueing a sweep twice adds each trial once.
 */
export function trialJobId(sweepName: string, trialId: string): string {
  return `${sweepName}__${trialId}`.replace(/:/g, '_');
}
