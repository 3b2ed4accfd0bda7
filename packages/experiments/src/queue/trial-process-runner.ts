// Runs a queued trial in the sweep's trial child process (the local pool's trial-child.js), so a trial can be stopped or killed without losing the worker.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TRIAL_CHILD_PATH } from '../local-pool.js';
import type { RunTrialMessage, TrialChildMessage } from '../trial-messages.js';
import type { QueuedTrial, QueuedTrialOutcome, RunQueuedTrial, TrialProgress } from './queued-trial.js';

/** Options of the child-process trial runner; every field has a default. */
export interface TrialProcessOptions {
  /** The built child entry (default: the local pool's TRIAL_CHILD_PATH, dist/trial-child.js). */
  script?: string;
  /** Milliseconds a stopped trial gets to checkpoint and exit before it is killed with SIGKILL (default 60000). */
  stopTimeoutMs?: number;
}

/** The run folder of a queued trial: `<storeDir>/trials/<trialId>`. */
export function queuedTrialDir(trial: QueuedTrial): string {
  return join(trial.storeDir, 'trials', trial.trialId);
}

/**
 * A RunQueuedTrial that forks one Node process per trial running the shared trial runner (trainIntoRunDirectory:
 * resume from the latest checkpoint, skip a finished run). An abort sends SIGTERM: the trial checkpoints and stops.
 */
export function trialProcessRunner(options: TrialProcessOptions = {}): RunQueuedTrial {
  const script = options.script ?? TRIAL_CHILD_PATH;
  const stopTimeoutMs = options.stopTimeoutMs ?? 60_000;
  return (trial: QueuedTrial, signal: AbortSignal, onProgress?: TrialProgress) =>
    new Promise<QueuedTrialOutcome>((resolve, reject) => {
      if (!existsSync(script)) {
        reject(new Error(`trial worker: trials run in child processes from ${script}, which does not exist; build the package (npx tsc -b packages/experiments/tsconfig.lib.json)`));
        return;
      }
      // Only heap-size flags are inherited: a worker started with -e, loaders or test conditions must not pass them on.
      const execArgv = process.execArgv.filter((flag) => flag.startsWith('--max-old-space-size') || flag.startsWith('--stack-size'));
      const child = fork(script, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      let resumedFromStep: number | undefined;
      let report: TrialChildMessage | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      const stop = (): void => {
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      };
      child.on('message', (message: TrialChildMessage) => {
        if (message.type === 'started') resumedFromStep = message.resumedFromStep;
        else if (message.type === 'metrics') onProgress?.(message.row.step);
        else if (message.type === 'done' || message.type === 'error') report = message;
      });
      child.once('exit', (code, exitSignal) => {
        clearTimeout(killTimer);
        signal.removeEventListener('abort', stop);
        if (report?.type === 'done') {
          const { status, step, sessionSeconds } = report.outcome;
          resolve({ status, step, resumedFromStep: report.outcome.resumedFromStep ?? resumedFromStep, sessionSeconds });
        } else if (report?.type === 'error') {
          reject(new Error(`trial ${trial.trialId}: ${report.message}`));
        } else {
          const tail = stderr.trim() ? `: ${stderr.trim().split('\n').filter((line) => line.trim()).slice(-4).join(' | ')}` : '';
          reject(new Error(`trial ${trial.trialId}: the trial process ${child.pid} exited ${exitSignal ? `on ${exitSignal}` : `with code ${code}`} without reporting${tail}`));
        }
      });
      const message: RunTrialMessage = {
        type: 'run',
        runDir: queuedTrialDir(trial),
        config: trial.config,
        trial: { sweep: trial.sweepName, id: trial.trialId, overrides: trial.overrides, seed: trial.seed },
      };
      child.send(message);
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
}
