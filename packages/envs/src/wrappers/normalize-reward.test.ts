// Tests NormalizeReward: discounted-return statistics for known rewards, Gymnasium 1.x reset rules, state save/restore.
import { describe, expect, it } from 'vitest';
import { NormalizeReward } from './normalize-reward.js';
import { TimeLimit } from './time-limit.js';
import { CountingEnv } from '../testing/test-envs.js';

/** Pooled variance of the prior (mean 0, var 1, count 1e-4) and the returns gs. */
function returnVariance(gs: number[]): number {
  const c0 = 1e-4;
  const n = c0 + gs.length;
  const mean = gs.reduce((s, g) => s + g, 0) / n;
  return (c0 + gs.reduce((s, g) => s + g * g, 0)) / n - mean * mean;
}

const act = Float32Array.of(0, 1);

describe('NormalizeReward', () => {
  it('divides each reward by the running std of the discounted return G ← γG + r', () => {
    const rewards = [1, 2, 3, 4];
    const env = new NormalizeReward(new CountingEnv({ rewards }), 0.5);
    env.reset();
    // G: 1, 0.5·1 + 2 = 2.5, 0.5·2.5 + 3 = 4.25, 0.5·4.25 + 4 = 6.125.
    const returns = [1, 2.5, 4.25, 6.125];
    rewards.forEach((r, k) => {
      const got = env.step(act).reward;
      expect(env.discountedReturn).toBeCloseTo(returns[k]!, 12);
      expect(got).toBeCloseTo(r / Math.sqrt(returnVariance(returns.slice(0, k + 1)) + 1e-8), 10);
    });
    expect(env.returnRms.count).toBeCloseTo(4.0001, 12);
  });

  it('restarts G on termination only: G ← r at the terminal step, and reset() does not clear it (Gymnasium 1.x)', () => {
    const env = new NormalizeReward(new CountingEnv({ rewards: [1, 2], terminateAt: 2 }), 0.5);
    env.reset();
    env.step(act); // G = 1
    const end = env.step(act); // terminated: G = 1·0.5·0 + 2
    expect(end.terminated).toBe(true);
    expect(env.discountedReturn).toBe(2);
    env.reset();
    env.step(act); // next episode, reward 1: G = 2·0.5 + 1
    expect(env.discountedReturn).toBe(2);
    expect(env.returnRms.count).toBeCloseTo(3.0001, 12);
    expect(env.returnRms.var[0]).toBeCloseTo(returnVariance([1, 2, 2]), 12);
  });

  it('does not restart G on truncation', () => {
    const env = new NormalizeReward(new TimeLimit(new CountingEnv(), 2), 0.5);
    env.reset();
    env.step(act); // r = 1, G = 1
    expect(env.step(act).truncated).toBe(true); // r = 2, G = 2.5
    env.reset();
    env.step(act); // r = 1, G = 2.5·0.5 + 1
    expect(env.discountedReturn).toBe(2.25);
  });

  it('freezes the statistics (not the accumulator) when updateRunningMean is false', () => {
    const env = new NormalizeReward(new CountingEnv({ rewards: [1, 2, 3] }), 0.5);
    env.reset();
    env.step(act);
    env.updateRunningMean = false;
    const frozen = env.returnRms.getState();
    const r = env.step(act).reward;
    expect(env.returnRms.getState()).toEqual(frozen);
    expect(env.discountedReturn).toBe(2.5);
    expect(r).toBeCloseTo(2 / Math.sqrt(returnVariance([1]) + 1e-8), 10);
  });

  it('saves and restores its statistics and accumulator', () => {
    const a = new NormalizeReward(new CountingEnv(), 0.9);
    a.reset();
    a.step(act);
    a.step(act);
    const b = new NormalizeReward(new CountingEnv(), 0.9);
    b.setState(JSON.parse(JSON.stringify(a.getState())));
    expect(b.getState()).toEqual(a.getState());
    a.reset();
    b.reset();
    // Both now step with reward 1 from the same G and statistics.
    expect(b.step(act).reward).toBe(a.step(act).reward);
    expect(b.discountedReturn).toBe(a.discountedReturn);
    expect(() => a.setState({ returnRms: a.returnRms.getState(), discountedReturn: NaN })).toThrow(
      /NormalizeReward.setState: expected \{ returnRms: \{ mean, var, count \}, discountedReturn: finite number \}/,
    );
  });

  it('passes obs, flags and info through', () => {
    const env = new NormalizeReward(new CountingEnv());
    env.reset();
    const r = env.step(Float32Array.of(0.5, 1));
    expect(Array.from(r.obs)).toEqual([1, 0.5]);
    expect([r.terminated, r.truncated]).toEqual([false, false]);
    expect(r.info).toEqual({ step: 1, reward_count: 1 });
  });

  it('rejects gamma outside [0, 1] and a non-positive epsilon', () => {
    expect(() => new NormalizeReward(new CountingEnv(), 1.5)).toThrow('NormalizeReward(CountingEnv): gamma must be in [0, 1], got 1.5');
    expect(() => new NormalizeReward(new CountingEnv(), -0.1)).toThrow(/gamma must be in \[0, 1\], got -0.1/);
    expect(() => new NormalizeReward(new CountingEnv(), NaN)).toThrow(/gamma must be in \[0, 1\], got NaN/);
    expect(() => new NormalizeReward(new CountingEnv(), 0.99, 0)).toThrow(
      'NormalizeReward(CountingEnv): epsilon must be a positive finite number, got 0',
    );
  });
});
