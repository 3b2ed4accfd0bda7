// Tests NormalizeObservation against hand-computed running statistics, freezing, and state save/restore.
import { describe, expect, it } from 'vitest';
import { NormalizeObservation } from './normalize-observation.js';
import { CountingEnv, DiscreteEnv } from '../testing/test-envs.js';
import type { Env } from '../core/env.js';

// Observation at reset, then after steps 1..3.
const observations = [
  [1, 10],
  [3, 20],
  [2, 40],
  [6, 30],
];

/** Textbook pooled moments of the prior (mean 0, var 1, count 1e-4) and the first k observations, per component. */
function statsAfter(k: number): { mean: number[]; var: number[] } {
  const c0 = 1e-4;
  const seen = observations.slice(0, k);
  const n = c0 + k;
  const mean = [0, 1].map((i) => seen.reduce((s, x) => s + x[i]!, 0) / n);
  const variance = [0, 1].map((i) => (c0 + seen.reduce((s, x) => s + x[i]! ** 2, 0)) / n - mean[i]! ** 2);
  return { mean, var: variance };
}

function expectedObs(obs: number[], stats: { mean: number[]; var: number[] }, epsilon = 1e-8): number[] {
  return obs.map((x, i) => Math.fround((x - stats.mean[i]!) / Math.sqrt(stats.var[i]! + epsilon)));
}

function expectClose(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected[i]!)));
  }
}

const act = Float32Array.of(0, 1);

describe('NormalizeObservation', () => {
  it('updates the statistics with each observation (reset included) before normalising it', () => {
    const env = new NormalizeObservation(new CountingEnv({ observations }));
    const outputs = [env.reset().obs];
    for (let t = 1; t < observations.length; t++) outputs.push(env.step(act).obs);
    outputs.forEach((obs, k) => {
      expect(obs).toBeInstanceOf(Float32Array);
      expectClose(obs, expectedObs(observations[k]!, statsAfter(k + 1)));
    });
    const final = statsAfter(observations.length);
    expectClose(env.obsRms.mean, final.mean);
    expectClose(env.obsRms.var, final.var);
    expect(env.obsRms.count).toBeCloseTo(4.0001, 12);
  });

  it('freezes the statistics when updateRunningMean is false', () => {
    const env = new NormalizeObservation(new CountingEnv({ observations }));
    env.reset();
    env.step(act);
    env.updateRunningMean = false;
    const frozen = env.obsRms.getState();
    const obs = env.step(act).obs;
    expect(env.obsRms.getState()).toEqual(frozen);
    expectClose(obs, expectedObs(observations[2]!, statsAfter(2)));
  });

  it('saves and restores its statistics (JSON-safe), so a restored wrapper continues identically', () => {
    const a = new NormalizeObservation(new CountingEnv({ observations }));
    a.reset();
    a.step(act);
    const restored = new NormalizeObservation(new CountingEnv({ observations }));
    restored.setState(JSON.parse(JSON.stringify(a.getState())));
    expect(restored.obsRms.getState()).toEqual(a.obsRms.getState());
    expect(Array.from(restored.reset().obs)).toEqual(Array.from(a.reset().obs));
    expect(Array.from(restored.step(act).obs)).toEqual(Array.from(a.step(act).obs));
    expect(restored.obsRms.getState()).toEqual(a.obsRms.getState());
    expect(() => a.setState({} as never)).toThrow('NormalizeObservation.setState: expected { obsRms: { mean, var, count } }, got Object {}');
  });

  it('returns a new array each step and exposes the unbounded Box of the same shape', () => {
    const env = new NormalizeObservation(new CountingEnv({ observations }));
    const first = env.reset().obs;
    const second = env.step(act).obs;
    expect(second).not.toBe(first);
    expect(env.observationSpace.shape).toEqual([2]);
    expect(Array.from(env.observationSpace.low)).toEqual([-Infinity, -Infinity]);
    expect(Array.from(env.observationSpace.high)).toEqual([Infinity, Infinity]);
  });

  it('uses the given epsilon', () => {
    const env = new NormalizeObservation(new CountingEnv({ observations }), 0.5);
    expectClose(env.reset().obs, expectedObs(observations[0]!, statsAfter(1), 0.5));
  });

  it('rejects a non-positive epsilon and a non-Box observation space', () => {
    expect(() => new NormalizeObservation(new CountingEnv(), 0)).toThrow(
      'NormalizeObservation(CountingEnv): epsilon must be a positive finite number, got 0',
    );
    expect(() => new NormalizeObservation(new DiscreteEnv() as unknown as Env<Float32Array, number>)).toThrow(
      'NormalizeObservation(DiscreteEnv): the observation space must be a Box, got Discrete(4)',
    );
  });
});
