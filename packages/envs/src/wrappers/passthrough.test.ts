// Tests that every wrapper passes scene/poses, metadata, spec, close and info through to and from the wrapped env.
import { afterAll, describe, expect, it } from 'vitest';
import type { Action, Env } from '../core/env.js';
import { make, register, unregister } from '../registry/registry.js';
import type { EnvSpec } from '../registry/env-spec.js';
import { ClipAction } from './clip-action.js';
import { NormalizeObservation } from './normalize-observation.js';
import { NormalizeReward } from './normalize-reward.js';
import { RecordEpisodeStatistics } from './record-episode-statistics.js';
import { RescaleAction } from './rescale-action.js';
import { CountingEnv } from '../testing/test-envs.js';
import { TimeLimit } from './time-limit.js';
import { TransformAction } from './transform-action.js';
import { TransformObservation } from './transform-observation.js';
import { TransformReward } from './transform-reward.js';

type AnyEnv = Env<Float32Array, Action>;
const wrappers: [string, (env: AnyEnv) => Env<unknown, unknown>][] = [
  ['TimeLimit', (env) => new TimeLimit(env, 10)],
  ['RecordEpisodeStatistics', (env) => new RecordEpisodeStatistics(env)],
  ['ClipAction', (env) => new ClipAction(env)],
  ['RescaleAction', (env) => new RescaleAction(env, 0, 1)],
  ['NormalizeObservation', (env) => new NormalizeObservation(env)],
  ['NormalizeReward', (env) => new NormalizeReward(env)],
  ['TransformObservation', (env) => new TransformObservation(env, (o) => o)],
  ['TransformReward', (env) => new TransformReward(env, (r) => r)],
  ['TransformAction', (env) => new TransformAction(env, (a) => a)],
];

// An action inside both CountingEnv's Box([-1, 0], [1, 2]) and RescaleAction's Box(0, 1).
const act = Float32Array.of(0.5, 0.5);

const TEST_ID = 'WrapperTest/Counting-v0';
register({ id: TEST_ID, entryPoint: () => new CountingEnv(), defaultOptions: {}, maxEpisodeSteps: 7 });
afterAll(() => unregister(TEST_ID));

describe.each(wrappers)('%s passes the Env contract through', (_name, wrap) => {
  it('scene(), poses() and poses(out) come from the wrapped env', () => {
    const inner = new CountingEnv();
    const env = wrap(inner);
    expect(env.scene()).toEqual(inner.scene());
    env.reset();
    env.step(act);
    expect(Array.from(env.poses())).toEqual([1, 0, 0, 0, 0, 0, 1]);
    const out = new Float32Array(7);
    expect(env.poses(out)).toBe(out);
    expect(Array.from(out)).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('metadata, unwrapped, spec and close reach the wrapped env', () => {
    const inner = new CountingEnv();
    const env = wrap(inner);
    expect(env.metadata).toBe(inner.metadata);
    expect(env.unwrapped).toBe(inner);
    const spec: EnvSpec = { id: 'Hand-v0', entryPoint: () => new CountingEnv(), defaultOptions: {} };
    env.spec = spec;
    expect(inner.spec).toBe(spec);
    expect(env.spec).toBe(spec);
    env.close();
    expect(inner.closed).toBe(true);
  });

  it('info from reset and step reaches the caller', () => {
    const env = wrap(new CountingEnv());
    expect(env.reset().info).toEqual({ step: 0 });
    expect(env.step(act).info).toEqual({ step: 1, reward_count: 1 });
  });

  it('keeps the spec of an env made from the registry', () => {
    const env = wrap(make(TEST_ID) as AnyEnv);
    expect(env.spec?.id).toBe(TEST_ID);
    expect(env.spec?.maxEpisodeSteps).toBe(7);
    expect(env.unwrapped).toBeInstanceOf(CountingEnv);
  });
});

describe('wrapper error messages', () => {
  it('name the innermost env by its spec id, through other wrappers', () => {
    const env = new NormalizeReward(new RecordEpisodeStatistics(make(TEST_ID) as AnyEnv));
    expect(() => new RescaleAction(env, 1, 0)).toThrow(/^RescaleAction\(WrapperTest\/Counting-v0\): minAction\[0\] must be strictly smaller/);
  });
});
