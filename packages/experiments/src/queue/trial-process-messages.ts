// The IPC messages between a worker and the child process that runs one trial.
import type { QueuedTrial, QueuedTrialOutcome } from './queued-trial.js';

/** Worker → trial process. */
export type ToTrialProcess = { type: 'run'; trial: QueuedTrial } | { type: 'stop' };

/** Trial process → worker. */
export type FromTrialProcess =
  | { type: 'progress'; step: number }
  | { type: 'done'; outcome: QueuedTrialOutcome }
  | { type: 'error'; message: string; stack?: string | undefined };
