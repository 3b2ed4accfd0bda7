// Tests for the replay buffer: ring overwrite, uniform sampling, terminated-vs-truncated storage, input errors.
import { describe, expect, it } from 'vitest';
import { ReplayBuffer, allocateBatch } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';

function step(k: number, extra: Partial<{ terminated: boolean; truncated: boolean }> = {}) {
  return {
    observation: [k, -k],
    action: [k / 10],
    reward: k,
    nextObservation: [k + 0.5, -k - 0.5],
    terminated: false,
    ...extra,
  };
}

describe('ReplayBuffer', () => {
  it('overwrites the oldest transitions once full', () => {
    const buffer = new ReplayBuffer({ capacity: 3, observationSize: 2, actionSize: 1 });
    for (let k = 0; k < 5; k++) buffer.add(step(k));
    expect(buffer.size).toBe(3);
    const seen = new Set(Array.from(buffer.sample(200, new Rng(1)).rewards));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });

  it('keeps every row of a sampled transition together', () => {
    const buffer = new ReplayBuffer({ capacity: 10, observationSize: 2, actionSize: 1 });
    for (let k = 0; k < 10; k++) buffer.add(step(k));
    const batch = buffer.sample(50, new Rng(2));
    for (let row = 0; row < 50; row++) {
      const k = batch.rewards[row]!;
      expect(Array.from(batch.observations.subarray(row * 2, row * 2 + 2))).toEqual([k, -k]);
      expect(Array.from(batch.nextObservations.subarray(row * 2, row * 2 + 2))).toEqual([k + 0.5, -k - 0.5]);
      expect(batch.actions[row]).toBeCloseTo(k / 10, 6);
    }
  });

  it('samples uniformly', () => {
    const buffer = new ReplayBuffer({ capacity: 4, observationSize: 2, actionSize: 1 });
    for (let k = 0; k < 4; k++) buffer.add(step(k));
    const counts = [0, 0, 0, 0];
    const rng = new Rng(3);
    const batch = allocateBatch(1000, 2, 1);
    for (let r = 0; r < 20; r++) for (const k of buffer.sample(1000, rng, batch).rewards) counts[k]!++;
    // 20000 draws: each count ~ Binomial(20000, 1/4), sd ≈ 61; allow 5 sd.
    for (const c of counts) expect(Math.abs(c - 5000)).toBeLessThan(310);
  });

  it('stores terminated as the bootstrap mask and ignores truncated, keeping the true final observation', () => {
    const buffer = new ReplayBuffer({ capacity: 2, observationSize: 2, actionSize: 1 });
    buffer.add({ ...step(1, { truncated: true }), nextObservation: [99, 98] });
    let batch = buffer.sample(4, new Rng(4));
    expect(Array.from(batch.terminated)).toEqual([0, 0, 0, 0]);
    expect(Array.from(batch.nextObservations.subarray(0, 2))).toEqual([99, 98]);
    buffer.add(step(2, { terminated: true, truncated: true }));
    batch = buffer.sample(64, new Rng(5));
    for (let row = 0; row < 64; row++) expect(batch.terminated[row]).toBe(batch.rewards[row] === 2 ? 1 : 0);
  });

  it('rejects wrong lengths, non-finite values, empty sampling and bad sizes with clear errors', () => {
    const buffer = new ReplayBuffer({ capacity: 2, observationSize: 2, actionSize: 1 });
    expect(() => buffer.sample(1, new Rng(1))).toThrow('replay buffer: cannot sample from an empty buffer');
    expect(() => buffer.add({ ...step(1), observation: [1] })).toThrow('replay buffer: observation must have length 2, received length 1');
    expect(() => buffer.add({ ...step(1), nextObservation: [1, Number.NaN] })).toThrow('replay buffer: nextObservation[1] must be finite, received NaN');
    expect(() => buffer.add({ ...step(1), reward: Infinity })).toThrow('replay buffer: reward must be a finite number, received Infinity');
    expect(() => new ReplayBuffer({ capacity: 0, observationSize: 2, actionSize: 1 })).toThrow('replay buffer: capacity must be a positive integer, received 0');
    buffer.add(step(1));
    expect(() => buffer.sample(3, new Rng(1), allocateBatch(2, 2, 1))).toThrow(/output batch has size 2/);
  });
});


describe('ReplayBuffer exportState / importState', () => {
  it('round-trips a wrapped ring: same rows in storage order, same write position, same samples afterwards', () => {
    const buffer = new ReplayBuffer({ capacity: 3, observationSize: 2, actionSize: 1 });
    for (let k = 0; k < 4; k++) buffer.add(step(k, { terminated: k === 2 }));
    const state = buffer.exportState();
    // Rows are stored at k mod 3: step 3 overwrote slot 0, the next write goes to slot 1.
    expect(state.next).toBe(1);
    expect(state.count).toBe(3);
    expect(Array.from(state.rewards)).toEqual([3, 1, 2]);
    expect(Array.from(state.observations)).toEqual([3, -3, 1, -1, 2, -2]);
    expect(Array.from(state.terminated)).toEqual([0, 0, 1]);
    const copy = new ReplayBuffer({ capacity: 3, observationSize: 2, actionSize: 1 });
    copy.add(step(9));
    copy.importState(state);
    expect(copy.size).toBe(3);
    expect(copy.sample(8, new Rng(4))).toEqual(buffer.sample(8, new Rng(4)));
    copy.add(step(7));
    buffer.add(step(7));
    expect(Array.from(copy.exportState().rewards)).toEqual([3, 7, 2]);
    expect(copy.exportState()).toEqual(buffer.exportState());
  });

  it('exports a partly filled buffer without its empty rows and zeroes rows past count on import', () => {
    const full = new ReplayBuffer({ capacity: 4, observationSize: 2, actionSize: 1 });
    for (let k = 1; k <= 4; k++) full.add(step(k));
    const partial = new ReplayBuffer({ capacity: 4, observationSize: 2, actionSize: 1 });
    partial.add(step(5));
    const state = partial.exportState();
    expect(state.rewards.length).toBe(1);
    expect(state.observations.length).toBe(2);
    full.importState(state);
    expect(full.size).toBe(1);
    full.add(step(6));
    expect(Array.from(full.exportState().rewards)).toEqual([5, 6]);
  });

  it('rejects a state of another shape or with inconsistent counts, naming the field', () => {
    const buffer = new ReplayBuffer({ capacity: 2, observationSize: 2, actionSize: 1 });
    buffer.add(step(1));
    const state = buffer.exportState();
    const other = new ReplayBuffer({ capacity: 3, observationSize: 2, actionSize: 1 });
    expect(() => other.importState(state)).toThrow('replay buffer state: expected capacity 3, observationSize 2, actionSize 1, received 2, 2, 1');
    expect(() => buffer.importState({ ...state, count: 3 })).toThrow('replay buffer state: count 3 and next 1 must be integers within the capacity 2');
    expect(() => buffer.importState({ ...state, rewards: new Float32Array(2) })).toThrow('replay buffer state: rewards must be a Float32Array of 1 values, received 2');
  });
});
