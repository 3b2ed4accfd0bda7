// Replays reference transitions recorded from Gymnasium 1.4.0 itself (testdata/gymnasium-transitions.py) through
// the TypeScript envs: same states, same actions, same next states, observations, rewards and terminations.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AcrobotEnv } from './acrobot.js';
import { CartPoleEnv } from './cart-pole.js';
import { MountainCarContinuousEnv } from './mountain-car-continuous.js';
import { PendulumEnv } from './pendulum.js';

interface ReferenceCase {
  env: string;
  kwargs: Record<string, number | boolean>;
  state: number[];
  actions: number[];
  steps: { state: number[]; obs: number[]; reward: number; terminated: boolean }[];
}

const reference = JSON.parse(readFileSync(new URL('./testdata/gymnasium-transitions.json', import.meta.url), 'utf8')) as {
  generator: string;
  cases: ReferenceCase[];
};

type SteppableEnv = {
  reset(o: { seed: number }): unknown;
  setState(s: ArrayLike<number>): void;
  readonly state: Float64Array;
  step(a: never): { obs: Float32Array; reward: number; terminated: boolean };
};

function build(c: ReferenceCase): { env: SteppableEnv; continuous: boolean } {
  switch (c.env) {
    case 'Pendulum-v1':
      return { env: new PendulumEnv(c.kwargs) as unknown as SteppableEnv, continuous: true };
    case 'MountainCarContinuous-v0':
      return { env: new MountainCarContinuousEnv(c.kwargs) as unknown as SteppableEnv, continuous: true };
    case 'CartPole-v1':
      return { env: new CartPoleEnv(c.kwargs) as unknown as SteppableEnv, continuous: false };
    case 'Acrobot-v1':
      return { env: new AcrobotEnv() as unknown as SteppableEnv, continuous: false };
    default:
      throw new Error(`unexpected env ${c.env}`);
  }
}

describe(`transitions agree with ${reference.generator}`, () => {
  it('holds cases for every env, including terminations', () => {
    const ids = new Set(reference.cases.map((c) => c.env));
    expect([...ids].sort()).toEqual(['Acrobot-v1', 'CartPole-v1', 'MountainCarContinuous-v0', 'Pendulum-v1']);
    expect(reference.cases.some((c) => c.steps.at(-1)!.terminated)).toBe(true);
  });

  for (const [index, c] of reference.cases.entries()) {
    it(`case ${index}: ${c.env} ${JSON.stringify(c.kwargs)} from [${c.state.join(', ')}], ${c.steps.length} steps`, () => {
      const { env, continuous } = build(c);
      env.reset({ seed: 0 });
      env.setState(c.state);
      c.steps.forEach((expected, i) => {
        const action = continuous ? Float32Array.of(c.actions[i]!) : c.actions[i]!;
        const result = env.step(action as never);
        // Math.sin/cos may differ from the C library's by one ulp; allow for it, and for its growth in Acrobot.
        const state = env.state;
        expected.state.forEach((v, j) => expect(Math.abs(state[j]! - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v))));
        expected.obs.forEach((v, j) => expect(Math.abs(result.obs[j]! - v)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v))));
        expect(result.reward).toBeCloseTo(expected.reward, 10);
        expect(result.terminated).toBe(expected.terminated);
      });
    });
  }

  it('is bit-identical for CartPole and MountainCarContinuous (no transcendental-function ulps in play)', () => {
    let identical = 0;
    let total = 0;
    for (const c of reference.cases.filter((k) => k.env === 'CartPole-v1' || k.env === 'MountainCarContinuous-v0')) {
      const { env, continuous } = build(c);
      env.reset({ seed: 0 });
      env.setState(c.state);
      c.steps.forEach((expected, i) => {
        const result = env.step((continuous ? Float32Array.of(c.actions[i]!) : c.actions[i]!) as never);
        total++;
        if (Array.from(env.state).every((v, j) => v === expected.state[j]) && result.reward === expected.reward) identical++;
      });
    }
    expect(total).toBeGreaterThan(250);
    expect(identical).toBe(total);
  });
});
