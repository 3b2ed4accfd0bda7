// Trains a configuration into a run folder: resumes from its latest checkpoint, skips a finished run, keeps config.json's status.
import { latestCheckpointStep, train, type CheckpointInfo, type EvalSummary, type ResolvedTrainConfig, type TrainOptions, type TrainStart } from '@rapier-gym/sac';
import { join } from 'node:path';
import { RunDirectory, type RunRecord, type TrialRecord } from './run-directory.js';

export interface TrainIntoOptions {
  /** The sweep facts written into config.json (`trial`), for a sweep's trial. */
  trial?: TrialRecord;
  /** Abort = the trainer saves a checkpoint at the current step; the run is marked `stopped`. */
  signal?: AbortSignal;
  /** A run whose config.json says `finished` at this configuration's totalSteps is not trained again (default true). */
  skipFinished?: boolean;
  /** After the record and metrics files are set up (fresh, or truncated to the resumed checkpoint). */
  onStart?: (start: TrainStart, run: RunDirectory) => void | Promise<void>;
  /** Each metrics row, after it was appended to metrics.jsonl and metrics.csv. */
  onMetrics?: TrainOptions['onMetrics'];
  onEvalEpisode?: TrainOptions['onEvalEpisode'];
  onEval?: TrainOptions['onEval'];
  onCheckpoint?: TrainOptions['onCheckpoint'];
  recordEvalFrames?: boolean;
}

/** What happened to the run. */
export interface TrainIntoOutcome {
  /** `skipped`: config.json already said finished; `stopped`: aborted after a checkpoint. */
  status: 'finished' | 'stopped' | 'skipped';
  /** Environment steps reached. */
  step: number;
  /** The checkpoint step this session resumed from (undefined for a fresh start or a skip). */
  resumedFromStep: number | undefined;
  lastEval: EvalSummary | undefined;
  lastCheckpoint: CheckpointInfo | undefined;
  /** Wall-clock seconds of this session (0 when skipped). */
  sessionSeconds: number;
}

/** Whether the run folder's config.json says finished and its latest checkpoint is at `totalSteps`. */
export function isFinishedRun(run: RunDirectory, totalSteps: number): boolean {
  if (!run.exists() || run.readRecord().status !== 'finished') return false;
  return latestCheckpointStep(run.checkpointsDir) === totalSteps;
}

/**
 * Trains `config` into `run`: a folder with a checkpoint resumes from its latest one (exactly, in sync mode), with
 * the metrics rows after that step dropped; otherwise config.json and fresh metrics files are written at the start.
 * config.json's status ends as finished, stopped (aborted) or failed (an error, which is rethrown); wallSeconds sums
 * the sessions.
 */
export async function trainIntoRunDirectory(run: RunDirectory, config: ResolvedTrainConfig, options: TrainIntoOptions = {}): Promise<TrainIntoOutcome> {
  if ((options.skipFinished ?? true) && isFinishedRun(run, config.totalSteps)) {
    return { status: 'skipped', step: config.totalSteps, resumedFromStep: undefined, lastEval: undefined, lastCheckpoint: undefined, sessionSeconds: 0 };
  }
  const checkpointStep = latestCheckpointStep(run.checkpointsDir);
  const resumeFrom = checkpointStep !== undefined ? join(run.checkpointsDir, String(checkpointStep)) : undefined;
  let status: RunRecord['status'] = 'failed';
  let startTime: number | undefined;
  const sessionSeconds = (): number => (startTime === undefined ? 0 : (performance.now() - startTime) / 1000);
  try {
    const result = await train(config, {
      checkpointDir: run.checkpointsDir,
      ...(resumeFrom ? { resumeFrom } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.recordEvalFrames !== undefined ? { recordEvalFrames: options.recordEvalFrames } : {}),
      onStart: async (start) => {
        startTime = performance.now();
        const algorithm = `sac (${config.sac.variant})`;
        if (resumeFrom && run.exists()) {
          run.truncateMetrics(start.resumedFromStep ?? 0);
          run.writeRecord({ ...run.readRecord(), status: 'running', backend: start.backendLine, config, ...(options.trial ? { trial: options.trial } : {}) });
        } else {
          const record: RunRecord = { runId: run.runId, envId: config.env, algorithm, status: 'running', startedAt: new Date().toISOString(), backend: start.backendLine, config, ...(options.trial ? { trial: options.trial } : {}) };
          if (resumeFrom) run.truncateMetrics(start.resumedFromStep ?? 0);
          else run.startMetrics();
          run.writeRecord(record);
        }
        await options.onStart?.(start, run);
      },
      onMetrics: async (row) => {
        run.appendMetrics(row);
        await options.onMetrics?.(row);
      },
      ...(options.onEvalEpisode ? { onEvalEpisode: options.onEvalEpisode } : {}),
      ...(options.onEval ? { onEval: options.onEval } : {}),
      ...(options.onCheckpoint ? { onCheckpoint: options.onCheckpoint } : {}),
    });
    status = result.stopped ? 'stopped' : 'finished';
    return {
      status,
      step: result.step,
      resumedFromStep: resumeFrom ? checkpointStep : undefined,
      lastEval: result.lastEval,
      lastCheckpoint: result.lastCheckpoint,
      sessionSeconds: sessionSeconds(),
    };
  } finally {
    if (run.exists()) {
      const record = run.readRecord();
      run.writeRecord({ ...record, status, wallSeconds: (record.wallSeconds ?? 0) + sessionSeconds() });
    }
  }
}
