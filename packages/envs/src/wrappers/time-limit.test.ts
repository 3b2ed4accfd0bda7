// Tests TimeLimit: truncation at the limit, both flags at a terminal limit step, order errors (gymnasium/wrappers/common.py).
import { describe, expect, it } from 'vitest';
import { TimeLimit } from './time-limit.js';
import { CountingEnv } from '../testing/test-envs.js';

const act = (): Float32Array => Float32Array.of(0, 1);

describe('TimeLimit', () => {
  it('truncates at the limit and counts elapsed steps', () => {
    const env = new TimeLimit(new CountingEnv(), 3);
    env.reset();
    expect(env.elapsedSteps).toBe(0);
    const flags = [1, 2, 3].map(() => {
      const r = env.step(act());
      return [r.terminated, r.truncated, env.elapsedSteps];
    });
    expect(flags).toEqual([
      [false, false, 1],
      [false, false, 2],
      [false, true, 3],
    ]);
    env.reset();
    expect(env.elapsedSteps).toBe(0);
  });

  it('termination before the limit is not truncation; at the limit both flags are set, as Gymnasium', () => {
    const early = new TimeLimit(new CountingEnv({ terminateAt: 2 }), 3);
    early.reset();
    early.step(act());
    const end = early.step(act());
    expect([end.terminated, end.truncated]).toEqual([true, false]);

    const both = new TimeLimit(new CountingEnv({ terminateAt: 3 }), 3);
    both.reset();
    both.step(act());
    both.step(act());
    const last = both.step(act());
    expect([last.terminated, last.truncated]).toEqual([true, true]);
  });

  it('throws on step after a truncation (the wrapped env has not ended) and before reset', () => {
    const env = new TimeLimit(new CountingEnv(), 1);
    expect(() => env.step(act())).toThrow('TimeLimit(CountingEnv): step() called before reset(); call reset() first');
    env.reset();
    env.step(act());
    expect(() => env.step(act())).toThrow('TimeLimit(CountingEnv): step() called after the episode ended (terminated or truncated); call reset() first');
    env.reset();
    expect(env.step(act()).truncated).toBe(true);
  });

  it('passes obs, reward and info through', () => {
    const env = new TimeLimit(new CountingEnv(), 5);
    expect(env.reset().info).toEqual({ step: 0 });
    const r = env.step(Float32Array.of(0.5, 1));
    expect(Array.from(r.obs)).toEqual([1, 0.5]);
    expect(r.reward).toBe(1);
    expect(r.info).toEqual({ step: 1, reward_count: 1 });
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new TimeLimit(new CountingEnv(), 0)).toThrow('TimeLimit(CountingEnv): maxEpisodeSteps must be a positive integer, got 0');
    expect(() => new TimeLimit(new CountingEnv(), 2.5)).toThrow(/got 2.5/);
  });
});
