// Runs a sweep's trials on local child processes (one per core by default): skips finished trials, retries a dead child once.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MetricsRow } from '@rapier-gym/sac';
import { checkSweepEnvs } from './sweep-envs.js';
import type { ResolvedTrial, Sweep, SweepTrial } from './sweep-spec.js';
import { defaultSweepStore, SweepStore, trialRecordOf } from './sweep-store.js';
import { summarizeSweep, type SweepSummary } from './sweep-summary.js';
import type { RunTrialMessage, TrialChildMessage } from './trial-messages.js';
import { isFinishedRun, type TrainIntoOutcome } from './trial-runner.js';

/** The built child entry. `../dist/` from both src/ and dist/, so sources (tests) also launch built JavaScript. */
export const TRIAL_CHILD_PATH = fileURLToPath(new URL('../dist/trial-child.js', import.meta.url));

/** What happens to trials, in order, for progress output and tests. */
export type TrialEvent =
  | { type: 'skipped'; trial: SweepTrial }
  | { type: 'launched'; trial: SweepTrial; attempt: number; pid: number }
  | { type: 'started'; trial: SweepTrial; attempt: number; resumedFromStep: number | undefined }
  | { type: 'metrics'; trial: SweepTrial; attempt: number; row: MetricsRow }
  | { type: 'checkpoint'; trial: SweepTrial; attempt: number; step: number }
  | { type: 'finished'; trial: SweepTrial; outcome: TrainIntoOutcome }
  | { type: 'stopped'; trial: SweepTrial; step: number | undefined }
  | { type: 'retry'; trial: SweepTrial; attempt: number; reason: string }
  | { type: 'failed'; trial: SweepTrial; error: string };

export interface RunSweepOptions {
  /** Child processes at once [os.availableParallelism()]. */
  workers?: number;
  /** The sweep's folder [runs/sweeps/<name>]. */
  store?: string;
  /** Abort = every child checkpoints and exits, no new trial starts; the sweep resumes on the next call. */
  signal?: AbortSignal;
  onTrialEvent?: (event: TrialEvent) => void;
  /** Launches of a trial whose child dies without reporting [2: the first run and one retry from its checkpoint]. */
  maxAttempts?: number;
}

export interface RunSweepResult {
  store: string;
  summary: SweepSummary;
  /** The signal aborted the sweep before every trial ended. */
  interrupted: boolean;
  /** Ids of the trials that failed (an error in training, or a child that died on every attempt). */
  failed: string[];
}

const publicTrial = ({ id, group, overrides, seed }: SweepTrial): SweepTrial => ({ id, group, overrides, seed });

/** This process's Node flags a child may inherit (heap size); test runners' loaders and conditions are left out. */
function childExecArgv(): string[] {
  return process.execArgv.filter((flag) => flag.startsWith('--max-old-space-size') || flag.startsWith('--stack-size'));
}

/**
 * Runs every trial of a validated sweep into `<store>/trials/<id>/` on up to `workers` child processes. Finished
 * trials (config.json says finished) are skipped; others start or resume from their latest checkpoint. A child that
 * dies without reporting is launched again (from its checkpoint) up to `maxAttempts` times. Writes sweep.json first
 * and summary.json at the end.
 */
export async function runSweep(sweep: Sweep, options: RunSweepOptions = {}): Promise<RunSweepResult> {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`runSweep: workers must be an integer ≥ 1, received ${String(workers)}`);
  const maxAttempts = options.maxAttempts ?? 2;
  if (!existsSync(TRIAL_CHILD_PATH)) {
    throw new Error(`runSweep: trials run in child processes from ${TRIAL_CHILD_PATH}, which does not exist; build the package (npx tsc -b packages/experiments/tsconfig.lib.json)`);
  }
  await checkSweepEnvs(sweep);
  const store = new SweepStore(options.store ?? defaultSweepStore(sweep.name));
  store.prepare(sweep);
  const started = performance.now();
  const emit = (event: TrialEvent): void => options.onTrialEvent?.(event);

  const queue: { trial: ResolvedTrial; attempt: number }[] = [];
  for (const trial of sweep.trials) {
    if (isFinishedRun(store.trial(trial.id), trial.config.totalSteps)) emit({ type: 'skipped', trial: publicTrial(trial) });
    else queue.push({ trial, attempt: 1 });
  }

  const running = new Set<ChildProcess>();
  const failed: string[] = [];
  let interrupted = false;
  const onAbort = (): void => {
    interrupted = true;
    for (const child of running) child.kill('SIGINT');
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const runOne = (trial: ResolvedTrial, attempt: number): Promise<void> =>
    new Promise((resolve) => {
      const child = fork(TRIAL_CHILD_PATH, [], { execArgv: childExecArgv(), stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
      running.add(child);
      const info = publicTrial(trial);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      let report: TrialChildMessage | undefined;
      let lastStep: number | undefined;
      child.on('message', (message: TrialChildMessage) => {
        if (message.type === 'started') emit({ type: 'started', trial: info, attempt, resumedFromStep: message.resumedFromStep });
        else if (message.type === 'metrics') {
          lastStep = message.row.step;
          emit({ type: 'metrics', trial: info, attempt, row: message.row });
        } else if (message.type === 'checkpoint') emit({ type: 'checkpoint', trial: info, attempt, step: message.step });
        else report = message;
      });
      child.on('exit', (code, signal) => {
        running.delete(child);
        if (report?.type === 'done') {
          if (report.outcome.status === 'stopped') emit({ type: 'stopped', trial: info, step: report.outcome.step });
          else emit({ type: 'finished', trial: info, outcome: report.outcome });
        } else if (report?.type === 'error') {
          failed.push(trial.id);
          emit({ type: 'failed', trial: info, error: report.message });
        } else if (interrupted) {
          emit({ type: 'stopped', trial: info, step: lastStep });
        } else {
          const reason = `child process ${child.pid} exited ${signal ? `on ${signal}` : `with code ${code}`} without reporting${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
          if (attempt < maxAttempts) {
            emit({ type: 'retry', trial: info, attempt: attempt + 1, reason });
            queue.unshift({ trial, attempt: attempt + 1 });
          } else {
            failed.push(trial.id);
            emit({ type: 'failed', trial: info, error: reason });
          }
        }
        resolve();
      });
      const message: RunTrialMessage = { type: 'run', runDir: store.trial(trial.id).dir, config: trial.config, trial: trialRecordOf(sweep, trial) };
      child.send(message);
      emit({ type: 'launched', trial: info, attempt, pid: child.pid ?? -1 });
      if (interrupted) child.kill('SIGINT');
    });

  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next && !interrupted; next = queue.shift()) await runOne(next.trial, next.attempt);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(workers, Math.max(queue.length, 1)) }, lane));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const summary = summarizeSweep(store, { wallSeconds: (performance.now() - started) / 1000 });
  store.writeSummary(summary);
  return { store: store.dir, summary, interrupted, failed };
}
