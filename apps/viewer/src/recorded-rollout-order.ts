// Order and label of the server's recorded rollouts: newest checkpoint first (numerically), then by run and seed.
import type { RolloutSummary } from '@rapier-gym/protocol';

/** Newest checkpoint step first; rollouts without a step last; ties by run id, then seed, then rollout id. */
export function orderRecordedRollouts(rollouts: readonly RolloutSummary[]): RolloutSummary[] {
  return [...rollouts].sort(
    (a, b) =>
      (b.checkpointStep ?? -1) - (a.checkpointStep ?? -1) ||
      (a.runId ?? '').localeCompare(b.runId ?? '') ||
      (a.seed ?? 0) - (b.seed ?? 0) ||
      a.rolloutId.localeCompare(b.rolloutId),
  );
}

/** `Hopper-v5 @42500 · seed 1000003 · return 390.6 (1 episode)`; the rollout id when it has no checkpoint step. */
export function recordedRolloutLabel(summary: RolloutSummary): string {
  const parts = [`${summary.envId} ${summary.checkpointStep !== undefined ? `@${summary.checkpointStep}` : summary.rolloutId}`];
  if (summary.seed !== undefined) parts.push(`seed ${summary.seed}`);
  if (summary.meanReturn !== undefined) {
    parts.push(summary.episodes === 1 ? `return ${summary.meanReturn.toFixed(1)}` : `mean return ${summary.meanReturn.toFixed(1)} (${summary.episodes} episodes)`);
  }
  return parts.join(' · ');
}
