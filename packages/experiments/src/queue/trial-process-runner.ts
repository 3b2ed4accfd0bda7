// Runs a queued trial in a child process (node trial-process.js), so a trial can be stopped or killed without losing the worker.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { QueuedTrial, QueuedTrialOutcome, RunQueuedTrial, TrialProgress } from './queued-trial.js';
import type { FromTrialProcess, ToTrialProcess } from './trial-process-messages.js';

/** Options of the child-process trial runner; every field has a default. */
export interface TrialProcessOptions {
  /** The built child entry (default: trial-process.js next to this module, in dist/queue/). */
  script?: string;
  /** Milliseconds a stopped trial gets to checkpoint and exit before it is killed with SIGKILL (default 60000). */
  stopTimeoutMs?: number;
}

/** The built child entry next to this module. */
export function defaultTrialProcessScript(): string {
  return fileURLToPath(new URL('./trial-process.js', import.meta.url));
}

/** A RunQueuedTrial that forks one Node process per trial; an abort asks it to checkpoint and stop. */
export function trialProcessRunner(options: TrialProcessOptions = {}): RunQueuedTrial {
  const script = options.script ?? defaultTrialProcessScript();
  const stopTimeoutMs = options.stopTimeoutMs ?? 60_000;
  return (trial: QueuedTrial, signal: AbortSignal, onProgress?: TrialProgress) =>
    new Promise<QueuedTrialOutcome>((resolve, reject) => {
      const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let outcome: QueuedTrialOutcome | undefined;
      let failure: Error | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      const stop = (): void => {
        if (child.connected) child.send({ type: 'stop' } satisfies ToTrialProcess);
        killTimer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      };
      child.on('message', (message: FromTrialProcess) => {
        if (message.type === 'progress') onProgress?.(message.step);
        else if (message.type === 'done') outcome = message.outcome;
        else if (message.type === 'error') {
          failure = new Error(`trial ${trial.trialId}: ${message.message}`);
          if (message.stack) failure.stack = `${failure.message}\n${message.stack.split('\n').slice(1).join('\n')}`;
        }
      });
      child.once('error', (error) => {
        failure ??= new Error(`trial ${trial.trialId}: could not start the trial process ${script}: ${error.message}`);
      });
      child.once('exit', (code, exitSignal) => {
        clearTimeout(killTimer);
        signal.removeEventListener('abort', stop);
        if (outcome) resolve(outcome);
        else
          reject(
            failure ??
              new Error(`trial ${trial.trialId}: the trial process exited ${exitSignal ? `on ${exitSignal}` : `with code ${code}`} before reporting an outcome`),
          );
      });
      child.once('spawn', () => {
        child.send({ type: 'run', trial } satisfies ToTrialProcess);
        if (signal.aborted) stop();
        else signal.addEventListener('abort', stop, { once: true });
      });
    });
}
