// Tests TransformObservation, TransformReward and TransformAction.
import { describe, expect, it } from 'vitest';
import { Discrete } from '../spaces/discrete.js';
import { Box } from '../spaces/box.js';
import { TransformAction } from './transform-action.js';
import { TransformObservation } from './transform-observation.js';
import { TransformReward } from './transform-reward.js';
import { CountingEnv } from '../testing/test-envs.js';

describe('TransformObservation', () => {
  it('applies fn to the observations of reset and step', () => {
    const env = new TransformObservation(new CountingEnv(), (obs) => Float32Array.of(obs[0]! * 10, obs[1]! - 1));
    expect(Array.from(env.reset().obs)).toEqual([0, -1]);
    expect(Array.from(env.step(Float32Array.of(0.5, 1)).obs)).toEqual([10, -0.5]);
  });

  it('keeps the wrapped observation space unless one is given', () => {
    const inner = new CountingEnv();
    expect(new TransformObservation(inner, (o) => o).observationSpace).toBe(inner.observationSpace);
    const space = new Box(0, 1, [1]);
    const env = new TransformObservation(inner, (o) => Float32Array.of(o[0]! > 0 ? 1 : 0), space);
    expect(env.observationSpace).toBe(space);
  });

  it('can change the observation type', () => {
    const env = new TransformObservation(new CountingEnv(), (obs) => obs[0]!, new Discrete(100));
    env.reset();
    env.step(Float32Array.of(0, 0));
    expect(env.step(Float32Array.of(0, 0)).obs).toBe(2);
  });

  it('requires a function', () => {
    expect(() => new TransformObservation(new CountingEnv(), 3 as never)).toThrow(
      'TransformObservation: fn must be a function (obs) => obs, got number',
    );
  });
});

describe('TransformReward', () => {
  it('applies fn to every reward and leaves the rest of the step alone', () => {
    const env = new TransformReward(new CountingEnv(), (r) => 10 * r - 1);
    env.reset();
    const first = env.step(Float32Array.of(0.5, 1));
    const second = env.step(Float32Array.of(0.5, 1));
    expect([first.reward, second.reward]).toEqual([9, 19]);
    expect(second.info).toEqual({ step: 2, reward_count: 2 });
    expect(Array.from(second.obs)).toEqual([2, 0.5]);
  });

  it('requires a function', () => {
    expect(() => new TransformReward(new CountingEnv(), null as never)).toThrow(
      'TransformReward: fn must be a function (reward) => reward, got object',
    );
  });
});

describe('TransformAction', () => {
  it('steps the wrapped env with fn(action)', () => {
    const inner = new CountingEnv();
    const env = new TransformAction(inner, (a: Float32Array) => Float32Array.of(a[0]! / 2, a[1]! + 1));
    env.reset();
    env.step(Float32Array.of(1, 0.5));
    expect(Array.from(inner.received[0]!)).toEqual([0.5, 1.5]);
    expect(env.actionSpace).toBe(inner.actionSpace);
  });

  it('can expose another action space, e.g. a discrete choice mapped onto the Box', () => {
    const inner = new CountingEnv();
    const choices = new Discrete(2);
    const env = new TransformAction(inner, (i: number) => (i === 0 ? Float32Array.of(-1, 0) : Float32Array.of(1, 2)), choices);
    expect(env.actionSpace).toBe(choices);
    env.reset();
    env.step(1);
    env.step(0);
    expect(inner.received.map((a) => Array.from(a))).toEqual([
      [1, 2],
      [-1, 0],
    ]);
  });

  it('requires a function', () => {
    expect(() => new TransformAction(new CountingEnv(), 'x' as never)).toThrow(
      'TransformAction: fn must be a function (action) => action, got string',
    );
  });
});
