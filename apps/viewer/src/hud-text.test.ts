// Tests of the HUD text: step, time, return so far and the ending (terminated vs truncated and why) of an episode.
import { decodeRolloutFile, encodeRolloutFile, sampleHopperRollout, unwrap } from '@rapier-gym/protocol';
import { describe, expect, it } from 'vitest';
import { hudLines } from './hud-text.js';
import { RolloutStore } from './rollout-store.js';

describe('hudLines', () => {
  const sample = sampleHopperRollout({ episodes: 1, frames: 4 });
  sample.header.checkpointStep = 5000;
  const entry = new RolloutStore().addRollout(unwrap(decodeRolloutFile(encodeRolloutFile(sample))));
  const track = entry.episodes[0]!;

  it('shows step, time, reward, return so far, seed and checkpoint of a middle frame', () => {
    const lines = hudLines(entry, track, 2);
    expect(lines[0]).toBe('Hopper-v5 · step 5000');
    expect(lines[1]).toBe('episode 1/1 (#0)');
    expect(lines[2]).toBe('step 2/3   t 0.016 s');
    const expectedReturn = track.rewards.get(1) + track.rewards.get(2);
    expect(lines[3]).toBe(`reward ${track.rewards.get(2).toFixed(3)}   return ${expectedReturn.toFixed(2)}`);
    expect(lines[4]).toBe('running');
    expect(lines[5]).toBe('seed 0   checkpoint 5000');
  });

  it('says how the episode ended on its last frame', () => {
    expect(hudLines(entry, track, 3)[4]).toMatch(/^truncated \(time_limit\) · return [0-9.]+ over 3 steps$/);
  });

  it('is empty with nothing loaded', () => {
    expect(hudLines(undefined, undefined, 0)).toEqual([]);
  });
});
