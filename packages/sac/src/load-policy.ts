// loadPolicy(dir): the policy of a checkpoint (or a run's latest checkpoint) as a plain-JS actor acting in env units.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ActionScaler } from './action-scaling.js';
import { latestCheckpointStep, readCheckpoint } from './checkpoint-store.js';
import { SnapshotActor, type PolicySnapshot } from './policy-snapshot.js';
import { Rng } from '@rapier-gym/envs';
import type { TrainerCheckpointState } from './trainer.js';

/** A trained policy loaded without tfjs. */
export interface LoadedPolicy {
  envId: string;
  /** Env step of the checkpoint. */
  step: number;
  /** The checkpoint folder it came from. */
  dir: string;
  observationSize: number;
  snapshot: PolicySnapshot;
  actionLow: Float32Array | undefined;
  actionHigh: Float32Array | undefined;
  /** Discrete spaces: env action = discreteStart + index. */
  discreteStart: number | undefined;
  /** The env action: the mean action tanh(μ) scaled to the Box (or argmax π) when deterministic, else a sample. */
  act(observation: Float32Array, options?: { deterministic?: boolean }): Float32Array | number;
}

/** The checkpoint folder `dir` names: itself when it holds a manifest, else `<dir>/checkpoints/<step or latest>`. */
export function resolveCheckpointDir(dir: string, step?: number): string {
  if (step === undefined && existsSync(join(dir, 'manifest.json'))) return dir;
  const checkpoints = join(dir, 'checkpoints');
  const chosen = step ?? latestCheckpointStep(checkpoints);
  if (chosen === undefined) throw new Error(`loadPolicy: ${dir} is neither a checkpoint folder nor a run folder with checkpoints (no ${join(checkpoints, 'latest')})`);
  const path = join(checkpoints, String(chosen));
  if (!existsSync(join(path, 'manifest.json'))) throw new Error(`loadPolicy: checkpoint ${path} does not exist`);
  return path;
}

/**
 * Loads the policy of a checkpoint folder, or of a run folder's latest checkpoint (or `step`). Stochastic actions
 * draw from an Rng seeded with `options.seed` (default 0). Matches the server's PolicyLoader as `(run, step) => loadPolicy(run, { step })`.
 */
export async function loadPolicy(dir: string, options: { step?: number; seed?: number } = {}): Promise<LoadedPolicy> {
  const checkpointDir = resolveCheckpointDir(dir, options.step);
  const { state } = readCheckpoint<TrainerCheckpointState, never>(checkpointDir, false);
  const actor = new SnapshotActor(state.policy);
  const scaler = state.actionLow && state.actionHigh ? new ActionScaler(state.actionLow, state.actionHigh) : undefined;
  const rng = new Rng(options.seed ?? 0);
  const learnerAction = new Float32Array(actor.actionSize);
  return {
    envId: state.envId,
    step: state.step,
    dir: checkpointDir,
    observationSize: state.policy.observationSize,
    snapshot: state.policy,
    actionLow: state.actionLow ?? undefined,
    actionHigh: state.actionHigh ?? undefined,
    discreteStart: state.discreteStart ?? undefined,
    act(observation, actOptions = {}) {
      actor.act(observation, actOptions.deterministic ?? true, rng, learnerAction);
      if (scaler) return scaler.toEnv(learnerAction);
      return (state.discreteStart ?? 0) + learnerAction[0]!;
    },
  };
}
