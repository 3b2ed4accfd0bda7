// MountainCarContinuous-v0: spaces, the published dynamics, walls and clipping, goal rewards, reset and truncation.
import { describe, expect, it } from 'vitest';
import { make } from '../registry/registry.js';
import { MountainCarContinuousEnv, mountainCarHeight } from './mountain-car-continuous.js';
import './index.js';

const f32 = Math.fround;

function carAt(position: number, velocity: number, goalVelocity = 0): MountainCarContinuousEnv {
  const env = new MountainCarContinuousEnv({ goal_velocity: goalVelocity });
  env.reset({ seed: 0 });
  env.setState([position, velocity]);
  return env;
}

describe('MountainCarContinuous-v0 spaces', () => {
  it('observes [position, velocity] in [-1.2, 0.6] x [-0.07, 0.07] and acts with a force in [-1, 1]', () => {
    const env = new MountainCarContinuousEnv();
    expect(env.observationSpace.shape).toEqual([2]);
    expect(Array.from(env.observationSpace.low)).toEqual([f32(-1.2), f32(-0.07)]);
    expect(Array.from(env.observationSpace.high)).toEqual([f32(0.6), f32(0.07)]);
    expect(env.observationSpace.dtype).toBe('float32');
    expect(env.actionSpace.shape).toEqual([1]);
    expect(Array.from(env.actionSpace.low)).toEqual([-1]);
    expect(Array.from(env.actionSpace.high)).toEqual([1]);
    expect(env.metadata).toEqual({ renderFps: 30, renderModes: ['scene'] });
  });
});

describe('MountainCarContinuous-v0 dynamics (continuous_mountain_car.py step)', () => {
  it('takes one step from the valley at rest with full throttle', () => {
    // v' = v + force * 0.0015 - 0.0025 cos(3 x) = 0 + 0.0015 - 0.0025 cos(-1.5) = 0.0015 - 0.0025 * 0.0707372016677029
    //    = 0.0013231569958307428;  x' = x + v' = -0.49867684300416926
    const env = carAt(-0.5, 0);
    const { obs, reward, terminated, truncated, info } = env.step(Float32Array.of(1));
    const v = 0.0015 - 0.0025 * Math.cos(-1.5);
    expect(v).toBeCloseTo(0.0013231569958307428, 15);
    // Gymnasium computes force * power in float32 and stores the state as float32: one float32 ulp of slack.
    expect(env.state[1]).toBeCloseTo(0.0013231569958307428, 9);
    expect(env.state[0]).toBeCloseTo(-0.49867684300416926, 7);
    expect(Array.from(obs)).toEqual(Array.from(env.state));
    expect(reward).toBeCloseTo(-0.1, 12);
    expect(terminated).toBe(false);
    expect(truncated).toBe(false);
    expect(info).toEqual({});
  });

  it('stores the state as float32 after a step, as Gymnasium does', () => {
    const env = carAt(-0.5123456789, 0.0012345678);
    env.step(Float32Array.of(0.3));
    for (const v of env.state) expect(f32(v)).toBe(v);
  });

  it('clips the force to [-1, 1] but charges 0.1 * a² on the unclipped action', () => {
    const clipped = carAt(-0.5, 0);
    const full = carAt(-0.5, 0);
    const r = clipped.step(Float32Array.of(3));
    full.step(Float32Array.of(1));
    expect(Array.from(clipped.state)).toEqual(Array.from(full.state));
    expect(r.reward).toBeCloseTo(-0.9, 12);
    expect(carAt(-0.5, 0).step(Float32Array.of(-2)).reward).toBeCloseTo(-0.4, 12);
  });

  it('clips the velocity to ±0.07', () => {
    // v' = 0.0699 + 0.0015 - 0.0025 cos(-1.5) = 0.0712 > 0.07 -> 0.07; x' = -0.5 + 0.07
    const env = carAt(-0.5, 0.0699);
    env.step(Float32Array.of(1));
    expect(env.state[1]).toBe(f32(0.07));
    expect(env.state[0]).toBe(f32(-0.5 + 0.07));
    const back = carAt(0.5, -0.0699); // cos(1.5) > 0 pulls left: v' = -0.0699 - 0.0015 - 0.0025 cos(1.5) < -0.07
    back.step(Float32Array.of(-1));
    expect(back.state[1]).toBe(f32(-0.07));
  });

  it('stops the car dead at the left wall (x = -1.2)', () => {
    // v' = -0.05 - 0.0015 - 0.0025 cos(-3.57) = -0.0492259...; x' = -1.19 + v' = -1.2392 < -1.2 -> -1.2 and v' -> 0
    const env = carAt(-1.19, -0.05);
    const { obs, terminated } = env.step(Float32Array.of(-1));
    expect(Array.from(obs)).toEqual([f32(-1.2), 0]);
    expect(terminated).toBe(false);
  });

  it('caps the position at 0.6', () => {
    const env = carAt(0.59, 0.05);
    env.step(Float32Array.of(0));
    expect(env.state[0]).toBe(f32(0.6));
  });

  it('terminates with +100 when x >= 0.45 and v >= goal_velocity', () => {
    // v' = 0.02 - 0.0025 cos(1.32) = 0.0193...; x' = 0.44 + 0.0193 = 0.4593 >= 0.45
    const { reward, terminated } = carAt(0.44, 0.02).step(Float32Array.of(0.5));
    expect(terminated).toBe(true);
    expect(reward).toBeCloseTo(100 - 0.1 * 0.25, 12);
    expect(carAt(0.3, 0.02).step(Float32Array.of(0)).terminated).toBe(false);
    // Arriving at the goal too slowly for goal_velocity = 0.05 does not end the episode.
    expect(carAt(0.44, 0.02, 0.05).step(Float32Array.of(0)).terminated).toBe(false);
    const fast = carAt(0.44, 0.069, 0.05).step(Float32Array.of(1));
    expect(fast.terminated).toBe(true);
    expect(fast.reward).toBeCloseTo(99.9, 12);
  });

  it('makes goal_velocity a make() option with default 0', () => {
    const env = make('MountainCarContinuous-v0', { goal_velocity: 0.05 });
    expect((env.unwrapped as MountainCarContinuousEnv).goalVelocity).toBe(0.05);
    expect((make('MountainCarContinuous-v0').unwrapped as MountainCarContinuousEnv).goalVelocity).toBe(0);
    expect(() => new MountainCarContinuousEnv({ goal_velocity: Number.NaN })).toThrow(/goal_velocity must be a finite number/);
  });

  it('is truncated by make at 999 steps when the car idles in the valley', () => {
    const env = make('MountainCarContinuous-v0');
    env.reset({ seed: 8 });
    const idle = Float32Array.of(0);
    for (let t = 1; t <= 999; t++) {
      const r = env.step(idle);
      expect(r.terminated).toBe(false);
      expect(r.reward).toBe(0);
      if (r.truncated !== (t === 999)) throw new Error(`truncated=${r.truncated} at step ${t}`);
    }
  });
});

describe('MountainCarContinuous-v0 reset', () => {
  it('draws the position from U(-0.6, -0.4) at rest', () => {
    const env = new MountainCarContinuousEnv();
    env.reset({ seed: 21 });
    const positions: number[] = [];
    for (let i = 0; i < 300; i++) {
      const { obs } = env.reset();
      positions.push(env.state[0]!);
      expect(env.state[1]).toBe(0);
      expect(Array.from(obs)).toEqual([f32(env.state[0]!), 0]);
    }
    expect(Math.min(...positions)).toBeGreaterThanOrEqual(-0.6);
    expect(Math.max(...positions)).toBeLessThan(-0.4);
    expect(Math.min(...positions)).toBeLessThan(-0.59);
    expect(Math.max(...positions)).toBeGreaterThan(-0.41);
  });

  it('takes low/high reset options and rejects low > high and unknown keys', () => {
    const env = make('MountainCarContinuous-v0');
    env.reset({ seed: 1, options: { low: 0.1, high: 0.2 } });
    const x = (env.unwrapped as MountainCarContinuousEnv).state[0]!;
    expect(x).toBeGreaterThanOrEqual(0.1);
    expect(x).toBeLessThan(0.2);
    expect(() => env.reset({ options: { low: 0.3, high: 0.2 } })).toThrow(/MountainCarContinuous-v0: reset option low \(0.3\) must be <= high \(0.2\)/);
    expect(() => env.reset({ options: { x_init: 1 } })).toThrow(/unknown reset option "x_init". Valid reset options: low, high/);
  });

  it('draws the hill as y = sin(3x) * 0.45 + 0.55', () => {
    expect(mountainCarHeight(0)).toBeCloseTo(0.55, 15);
    expect(mountainCarHeight(Math.PI / 6)).toBeCloseTo(1.0, 15);
    expect(mountainCarHeight(-Math.PI / 6)).toBeCloseTo(0.1, 15);
  });
});
