// Failure-handling settings of the trial queue (locks, stalled-job detection, retries), typed with a documented default per field.

/** How the queue detects dead workers and retries trials. Every field has a default (QUEUE_SETTINGS_DEFAULTS). */
export interface QueueSettings {
  /**
   * Milliseconds a worker's lock on a running trial lasts; the worker renews it every half of this while the trial runs
   * (in a child process, so training never delays the renewal). A worker that dies stops renewing. Default 30000.
   */
  lockDurationMs: number;
  /**
   * Milliseconds between a worker's checks for jobs whose lock expired (stalled): they go back to the wait list and
   * another worker resumes the trial from its last checkpoint. A dead worker's trial is picked up again after at most
   * lockDurationMs + stalledIntervalMs. Default 30000.
   */
  stalledIntervalMs: number;
  /** How many times one trial may be recovered from a dead worker before it is marked failed. Default 3. */
  maxStalledCount: number;
  /**
   * Attempts of a trial whose run throws (a diverged run, a crashed trial process), each resuming from the last
   * checkpoint, before the job fails for good. Default 2.
   */
  attempts: number;
  /** Milliseconds before a failed attempt is retried. Default 5000. */
  retryDelayMs: number;
}

export const QUEUE_SETTINGS_DEFAULTS: Readonly<QueueSettings> = {
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 3,
  attempts: 2,
  retryDelayMs: 5000,
};

/** The defaults with `overrides` applied; a value that is not a positive integer (attempts, maxStalledCount ≥ 1) is an Error naming it. */
export function resolveQueueSettings(overrides: Partial<QueueSettings> = {}): QueueSettings {
  const settings = { ...QUEUE_SETTINGS_DEFAULTS, ...overrides };
  for (const [key, value] of Object.entries(settings) as [keyof QueueSettings, unknown][]) {
    const min = key === 'retryDelayMs' ? 0 : 1;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new Error(`queue settings: ${key} must be an integer ≥ ${min}, received ${JSON.stringify(value)}`);
    }
  }
  return settings;
}
