import { describe, expect, it } from 'vitest';
import { checkEnv, EnvCheckError } from './check-env.js';
import { LineWalkEnv } from '../testing/line-walk-env.js';
import { TimeLimit } from '../wrappers/time-limit.js';
import type { StepResult } from '../core/env.js';

/** Uses Math.random instead of the env generator: not reproducible from a seed. */
class UnseededEnv extends LineWalkEnv {
  protected override resetState(): { obs: Float32Array; info: Record<string, unknown> } {
    this.x = Math.random() - 0.5;
    return { obs: Float32Array.of(this.x), info: {} };
  }
}

/** Returns a Float64Array observation and a NaN reward. */
class SloppyEnv extends LineWalkEnv {
  protected override stepState(action: Float32Array): StepResult {
    const r = super.stepState(action);
    return { ...r, obs: Float64Array.from(r.obs) as unknown as Float32Array, reward: NaN };
  }
}

class BadPosesEnv extends LineWalkEnv {
  override poses(out = new Float32Array(7)): Float32Array {
    return out;
  }
}

function problemsOf(env: LineWalkEnv): string[] {
  try {
    checkEnv(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(EnvCheckError);
    return (e as EnvCheckError).problems;
  }
}

describe('checkEnv', () => {
  it('passes a correct env, bare or wrapped', () => {
    expect(() => checkEnv(new LineWalkEnv())).not.toThrow();
    expect(() => checkEnv(new TimeLimit(new LineWalkEnv(), 5))).not.toThrow();
  });

  it('catches envs that ignore the seed', () => {
    expect(problemsOf(new UnseededEnv()).join('\n')).toMatch(/same seed and actions gave different results/);
  });

  it('catches wrong observation types and non-finite rewards', () => {
    const text = problemsOf(new SloppyEnv()).join('\n');
    expect(text).toMatch(/observation must be a Float32Array, got Float64Array/);
    expect(text).toMatch(/reward must be a finite number, got NaN/);
  });

  it('catches a broken rendering contract', () => {
    expect(problemsOf(new BadPosesEnv()).join('\n')).toMatch(/poses\(\) must return a Float32Array of 14 floats/);
  });
});
