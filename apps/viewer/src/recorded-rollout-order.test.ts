// The recorded-rollouts list: numeric newest-first order (2500 sorts below 22500) and readable labels.
import type { RolloutSummary } from '@rapier-gym/protocol';
import { describe, expect, it } from 'vitest';
import { orderRecordedRollouts, recordedRolloutLabel } from './recorded-rollout-order.js';

const summary = (rolloutId: string, extra: Partial<RolloutSummary>): RolloutSummary => ({ rolloutId, envId: 'Hopper-v5', episodes: 1, frames: 10, ...extra });

describe('recorded rollouts', () => {
  it('orders by checkpoint step numerically, newest first, then run and seed; unnumbered last', () => {
    const ordered = orderRecordedRollouts([
      summary('a', { checkpointStep: 2500, seed: 1 }),
      summary('file', {}),
      summary('b', { checkpointStep: 22500, seed: 2 }),
      summary('c', { checkpointStep: 22500, seed: 1 }),
      summary('d', { checkpointStep: 10000, runId: 'z' }),
      summary('e', { checkpointStep: 10000, runId: 'a' }),
    ]);
    expect(ordered.map((s) => s.rolloutId)).toEqual(['c', 'b', 'e', 'd', 'a', 'file']);
  });

  it('labels one episode by its return and several by their mean', () => {
    expect(recordedRolloutLabel(summary('r', { checkpointStep: 42500, seed: 1000003, meanReturn: 390.64 }))).toBe('Hopper-v5 @42500 · seed 1000003 · return 390.6');
    expect(recordedRolloutLabel(summary('r', { episodes: 10, meanReturn: -150.25 }))).toBe('Hopper-v5 r · mean return -150.3 (10 episodes)');
  });
});
