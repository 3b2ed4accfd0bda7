import { afterEach, describe, expect, it } from 'vitest';
import { make, register, registeredIds, spec, unregister } from './registry.js';
import { parseEnvId } from './env-spec.js';
import { TimeLimit } from '../wrappers/time-limit.js';
import { LineWalkEnv } from '../testing/line-walk-env.js';

const made: string[] = [];
function registerLineWalk(id: string, extra: Partial<Parameters<typeof register>[0]> = {}): void {
  register({ id, entryPoint: () => new LineWalkEnv(), defaultOptions: { speed: 0.1, wrap: false }, maxEpisodeSteps: 3, ...extra });
  made.push(id);
}

afterEach(() => {
  for (const id of made.splice(0)) unregister(id);
});

describe('registry', () => {
  it('parses versioned and namespaced ids', () => {
    expect(parseEnvId('Pendulum-v1')).toEqual({ namespace: undefined, name: 'Pendulum', version: 1 });
    expect(parseEnvId('my-org/Walker-v12')).toEqual({ namespace: 'my-org', name: 'Walker', version: 12 });
    expect(() => parseEnvId('bad id!')).toThrow(/Malformed env id "bad id!"/);
  });

  it('make() wraps TimeLimit from the spec and records resolved options on env.spec', () => {
    registerLineWalk('test/LineWalk-v0');
    const env = make('test/LineWalk-v0', { speed: 0.2 });
    expect(env).toBeInstanceOf(TimeLimit);
    expect(env.spec?.kwargs).toEqual({ speed: 0.2, wrap: false });
    expect(env.spec?.maxEpisodeSteps).toBe(3);
    env.reset({ options: { x: 0 } });
    const steps = [0, 1, 2].map(() => env.step(Float32Array.of(0)));
    expect(steps.map((s) => s.truncated)).toEqual([false, false, true]);
    expect(steps.map((s) => s.terminated)).toEqual([false, false, false]);
  });

  it('max_episode_steps overrides or removes the limit', () => {
    registerLineWalk('test/LineWalk-v0');
    expect((make('test/LineWalk-v0', { max_episode_steps: 7 }) as TimeLimit).maxEpisodeSteps).toBe(7);
    expect(make('test/LineWalk-v0', { max_episode_steps: null })).toBeInstanceOf(LineWalkEnv);
    expect(() => make('test/LineWalk-v0', { max_episode_steps: -1 })).toThrow(/max_episode_steps must be a positive integer/);
  });

  it('unknown ids list the registered ones; other versions are named', () => {
    registerLineWalk('test/LineWalk-v0');
    expect(() => make('test/LineWalk-v3')).toThrow('Unknown env id "test/LineWalk-v3": LineWalk is registered as test/LineWalk-v0');
    expect(() => make('Nope-v0')).toThrow(/Unknown env id "Nope-v0". Registered ids: .*test\/LineWalk-v0/);
  });

  it('unknown options and wrong types are errors that list the valid options', () => {
    registerLineWalk('test/LineWalk-v0');
    expect(() => make('test/LineWalk-v0', { sped: 1 })).toThrow(
      'make(test/LineWalk-v0): unknown option "sped". Valid options: speed, wrap, max_episode_steps',
    );
    expect(() => make('test/LineWalk-v0', { speed: 'fast' })).toThrow(/option speed must be a number \(default 0.1\), got "fast"/);
    expect(() => make('test/LineWalk-v0', { speed: NaN })).toThrow(/option speed must not be NaN/);
  });

  it('refuses duplicate registration unless overridden, and reserved option names', () => {
    registerLineWalk('test/LineWalk-v0');
    expect(() => registerLineWalk('test/LineWalk-v0')).toThrow(/already registered/);
    expect(() => register({ id: 'test/LineWalk-v0', entryPoint: () => new LineWalkEnv(), defaultOptions: {} }, { override: true })).not.toThrow();
    expect(() => register({ id: 'test/X-v0', entryPoint: () => new LineWalkEnv(), defaultOptions: { max_episode_steps: 1 } })).toThrow(/reserved/);
    expect(spec('test/LineWalk-v0').maxEpisodeSteps).toBeUndefined();
    expect(registeredIds()).toContain('test/LineWalk-v0');
  });
});
