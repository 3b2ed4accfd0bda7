// Messages between the sweep pool and a trial's child process (Node IPC, structured clone).
import type { MetricsRow, ResolvedTrainConfig } from '@rapier-gym/sac';
import type { TrialRecord } from './run-directory.js';
import type { TrainIntoOutcome } from './trial-runner.js';

/** Parent → child: train this configuration into this run folder. */
export interface RunTrialMessage {
  type: 'run';
  runDir: string;
  config: ResolvedTrainConfig;
  trial: TrialRecord;
}

/** Child → parent. */
export type TrialChildMessage =
  | { type: 'started'; resumedFromStep: number | undefined; backendLine: string }
  | { type: 'metrics'; row: MetricsRow }
  | { type: 'checkpoint'; step: number }
  | { type: 'done'; outcome: TrainIntoOutcome }
  | { type: 'error'; message: string };
