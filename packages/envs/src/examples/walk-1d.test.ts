import { describe, expect, it } from 'vitest';
import { registerWalk1D } from './walk-1d.js';
import { make } from '../registry/registry.js';
import { checkEnv } from '../checker/check-env.js';

describe('the README worked example', () => {
  it('registers, makes with an option, and passes checkEnv', () => {
    registerWalk1D();
    const env = make('me/Walk1D-v0', { speed: 0.5 });
    expect(() => checkEnv(env)).not.toThrow();
    env.reset({ seed: 1 });
    const start = env.reset({ seed: 1 }).obs[0]!;
    expect(env.step(Float32Array.of(1)).obs[0]).toBeCloseTo(start + 0.5, 6);
  });
});
