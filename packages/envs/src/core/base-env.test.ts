import { describe, expect, it } from 'vitest';
import { LineWalkEnv } from '../testing/line-walk-env.js';

describe('BaseEnv', () => {
  it('reset({ seed }) reseeds; reset() continues the stream (Gymnasium rule)', () => {
    const env = new LineWalkEnv();
    const a = env.reset({ seed: 5 }).obs[0];
    const b = env.reset().obs[0];
    const c = env.reset({ seed: 5 }).obs[0];
    const d = env.reset().obs[0];
    expect(c).toBe(a);
    expect(d).toBe(b);
    expect(b).not.toBe(a);
  });

  it('throws naming the env on step before reset and after the episode ended', () => {
    const env = new LineWalkEnv();
    expect(() => env.step(Float32Array.of(0))).toThrow('LineWalkEnv: step() called before reset(); call reset() first');
    env.reset({ options: { x: 0.95 } });
    const r = env.step(Float32Array.of(1));
    expect(r.terminated).toBe(true);
    expect(() => env.step(Float32Array.of(0))).toThrow(/LineWalkEnv: step\(\) called after the episode ended/);
    env.reset();
    expect(() => env.step(Float32Array.of(0))).not.toThrow();
  });

  it('rejects malformed actions with what was expected and received', () => {
    const env = new LineWalkEnv();
    env.reset({ seed: 0 });
    expect(() => env.step(Float32Array.of(NaN))).toThrow('LineWalkEnv: action[0] must be a finite number, got NaN in Float32Array(1) [NaN]');
    expect(() => env.step(Float32Array.of(Infinity))).toThrow(/action\[0\] must be a finite number, got Infinity/);
    expect(() => env.step(new Float32Array(2))).toThrow(/action must have length 1 .*got length 2/);
    expect(() => env.step([0] as unknown as Float32Array)).toThrow(/action must be a Float32Array of length 1 .*got Array\(1\) \[0\]/);
    expect(() => env.step(0 as unknown as Float32Array)).toThrow(/must be a Float32Array .*got 0/);
  });

  it('does not treat out-of-bounds continuous actions as errors (the env clamps, as Gymnasium envs do)', () => {
    const env = new LineWalkEnv();
    env.reset({ options: { x: 0 } });
    expect(env.step(Float32Array.of(5)).obs[0]).toBeCloseTo(0.1, 6);
  });

  it('rejects non-integer seeds', () => {
    expect(() => new LineWalkEnv().reset({ seed: 0.5 })).toThrow(/seed must be a safe integer, got 0.5/);
  });
});
