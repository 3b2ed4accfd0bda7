// Pendulum-v1: spaces, the published dynamics and cost step by step, clipping, reset distribution and options.
import { describe, expect, it } from 'vitest';
import { make } from '../registry/registry.js';
import { angleNormalize, PendulumEnv } from './pendulum.js';
import './index.js';

const f32 = Math.fround;

/** A Pendulum reset with a seed and then put in a known state. */
function pendulumAt(theta: number, thetaDot: number, g = 10.0): PendulumEnv {
  const env = new PendulumEnv({ g });
  env.reset({ seed: 0 });
  env.setState([theta, thetaDot]);
  return env;
}

describe('Pendulum-v1 spaces', () => {
  it('observes [cos, sin, theta_dot] in [-1, 1] x [-1, 1] x [-8, 8] and acts with a torque in [-2, 2]', () => {
    const env = new PendulumEnv();
    expect(env.observationSpace.shape).toEqual([3]);
    expect(Array.from(env.observationSpace.low)).toEqual([-1, -1, -8]);
    expect(Array.from(env.observationSpace.high)).toEqual([1, 1, 8]);
    expect(env.observationSpace.dtype).toBe('float32');
    expect(env.actionSpace.shape).toEqual([1]);
    expect(Array.from(env.actionSpace.low)).toEqual([-2]);
    expect(Array.from(env.actionSpace.high)).toEqual([2]);
    expect(env.actionSpace.dtype).toBe('float32');
    expect(env.metadata).toEqual({ renderFps: 30, renderModes: ['scene'] });
  });
});

describe('Pendulum-v1 dynamics (pendulum.py step)', () => {
  it('takes one step from theta = 0.5, theta_dot = 1 with torque 1.5 as the equations say', () => {
    // theta_dot' = theta_dot + (3g/(2l) sin theta + 3/(m l²) u) dt = 1 + (15 sin 0.5 + 4.5) 0.05 = 1.5845691539531521
    // theta'     = theta + theta_dot' dt = 0.5 + 1.5845691539531521 * 0.05            = 0.5792284576976576
    // cost       = 0.5² + 0.1 * 1² + 0.001 * 1.5² = 0.25 + 0.1 + 0.00225               = 0.35225
    const env = pendulumAt(0.5, 1.0);
    const { obs, reward, terminated, truncated, info } = env.step(Float32Array.of(1.5));
    const thetaDot = 1 + (15 * Math.sin(0.5) + 4.5) * 0.05;
    expect(thetaDot).toBeCloseTo(1.5845691539531521, 15);
    const theta = 0.5 + thetaDot * 0.05;
    expect(env.state[1]).toBeCloseTo(1.5845691539531521, 12);
    expect(env.state[0]).toBeCloseTo(0.5792284576976576, 12);
    expect(reward).toBeCloseTo(-0.35225, 9);
    expect(Array.from(obs)).toEqual([f32(Math.cos(theta)), f32(Math.sin(theta)), f32(thetaDot)]);
    expect(obs).toBeInstanceOf(Float32Array);
    expect(terminated).toBe(false);
    expect(truncated).toBe(false);
    expect(info).toEqual({});
  });

  it('uses the g option: 3 * 9.81 / 2 instead of 15', () => {
    const env = pendulumAt(0.5, 1.0, 9.81);
    env.step(Float32Array.of(1.5));
    expect(env.state[1]).toBeCloseTo(1 + (((3 * 9.81) / 2) * Math.sin(0.5) + 4.5) * 0.05, 12);
    expect(env.state[1]).toBeCloseTo(1.5777373400280426, 12);
    expect(make('Pendulum-v1', { g: 9.81 }).unwrapped).toHaveProperty('g', 9.81);
    expect(make('Pendulum-v1').unwrapped).toHaveProperty('g', 10);
  });

  it('costs the normalised angle: theta = 2 pi + 0.3 costs like 0.3, theta = -4 like 2 pi - 4', () => {
    expect(pendulumAt(2 * Math.PI + 0.3, 0).step(Float32Array.of(0)).reward).toBeCloseTo(-0.09, 12);
    expect(pendulumAt(-4, 0).step(Float32Array.of(0)).reward).toBeCloseTo(-((2 * Math.PI - 4) ** 2), 12);
    expect(pendulumAt(Math.PI, 0).step(Float32Array.of(0)).reward).toBeCloseTo(-(Math.PI ** 2), 12);
  });

  it('normalises angles into [-pi, pi) with Python modulo semantics', () => {
    expect(angleNormalize(0.3)).toBeCloseTo(0.3, 15);
    expect(angleNormalize(-0.3)).toBeCloseTo(-0.3, 15);
    expect(angleNormalize(Math.PI)).toBe(-Math.PI); // (pi + pi) % 2pi - pi
    expect(angleNormalize(-Math.PI)).toBe(-Math.PI);
    expect(angleNormalize(7)).toBeCloseTo(7 - 2 * Math.PI, 14);
    expect(angleNormalize(-7)).toBeCloseTo(-7 + 2 * Math.PI, 14);
    expect(angleNormalize(-20)).toBeCloseTo(-20 + 6 * Math.PI, 13);
  });

  it('clips the torque to [-2, 2] in both the dynamics and the cost', () => {
    for (const [big, limit] of [[5, 2], [-7, -2]] as const) {
      const a = pendulumAt(0.5, 1.0);
      const b = pendulumAt(0.5, 1.0);
      const ra = a.step(Float32Array.of(big));
      const rb = b.step(Float32Array.of(limit));
      expect(Array.from(a.state)).toEqual(Array.from(b.state));
      expect(ra.reward).toBe(rb.reward);
      expect(a.lastTorque).toBe(limit);
    }
    // cost with u = 2: 0.25 + 0.1 + 0.001 * 4
    expect(pendulumAt(0.5, 1.0).step(Float32Array.of(5)).reward).toBeCloseTo(-0.354, 9);
  });

  it('clips the angular speed to ±8 before integrating the angle', () => {
    // theta_dot' = 7.9 + (15 sin 0 + 3 * 2) * 0.05 = 8.2 -> 8; theta' = 0 + 8 * 0.05 = 0.4
    const env = pendulumAt(0, 7.9);
    env.step(Float32Array.of(2));
    expect(Array.from(env.state)).toEqual([8 * 0.05, 8]);
    const down = pendulumAt(0, -7.9);
    down.step(Float32Array.of(-2));
    expect(Array.from(down.state)).toEqual([-8 * 0.05, -8]);
  });

  it('never terminates, keeps rewards within [-16.2736044, 0], and is truncated by make at 200 steps', () => {
    const env = make('Pendulum-v1');
    env.reset({ seed: 3 });
    env.actionSpace.seed(4);
    let last;
    for (let t = 1; t <= 200; t++) {
      last = env.step(env.actionSpace.sample() as Float32Array);
      expect(last.terminated).toBe(false);
      expect(last.reward).toBeLessThanOrEqual(0);
      expect(last.reward).toBeGreaterThanOrEqual(-(Math.PI ** 2 + 0.1 * 64 + 0.001 * 4));
      expect(last.truncated).toBe(t === 200);
    }
    expect(() => env.step(Float32Array.of(0))).toThrow(/Pendulum-v1.*step\(\) called after the episode ended/);
  });
});

describe('Pendulum-v1 reset', () => {
  it('draws theta from U(-pi, pi) and theta_dot from U(-1, 1), with lastTorque cleared', () => {
    const env = new PendulumEnv();
    env.reset({ seed: 11 });
    env.step(Float32Array.of(1));
    const thetas: number[] = [];
    const speeds: number[] = [];
    for (let i = 0; i < 300; i++) {
      const { obs } = env.reset();
      const [theta, thetaDot] = env.state;
      thetas.push(theta!);
      speeds.push(thetaDot!);
      expect(Array.from(obs)).toEqual([f32(Math.cos(theta!)), f32(Math.sin(theta!)), f32(thetaDot!)]);
      expect(env.lastTorque).toBeNull();
    }
    expect(Math.min(...thetas)).toBeGreaterThanOrEqual(-Math.PI);
    expect(Math.max(...thetas)).toBeLessThan(Math.PI);
    expect(Math.min(...thetas)).toBeLessThan(-2.8);
    expect(Math.max(...thetas)).toBeGreaterThan(2.8);
    expect(Math.min(...speeds)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...speeds)).toBeLessThan(1);
    expect(Math.min(...speeds)).toBeLessThan(-0.9);
    expect(Math.max(...speeds)).toBeGreaterThan(0.9);
  });

  it('takes x_init and y_init as the half-ranges of theta and theta_dot', () => {
    const env = new PendulumEnv();
    env.reset({ seed: 5 });
    for (let i = 0; i < 100; i++) {
      env.reset({ options: { x_init: 0.2, y_init: 0.05 } });
      expect(Math.abs(env.state[0]!)).toBeLessThanOrEqual(0.2);
      expect(Math.abs(env.state[1]!)).toBeLessThanOrEqual(0.05);
    }
    env.reset({ options: { x_init: 0, y_init: 0 } });
    expect(Array.from(env.state).map(Math.abs)).toEqual([0, 0]);
  });

  it('rejects reset options it does not read, and non-numeric bounds, naming the env', () => {
    const env = make('Pendulum-v1');
    expect(() => env.reset({ options: { low: -0.1 } })).toThrow(/Pendulum-v1: unknown reset option "low". Valid reset options: x_init, y_init/);
    expect(() => env.reset({ options: { x_init: 'wide' } })).toThrow(/Pendulum-v1: reset option x_init must be a finite number, got "wide"/);
    expect(() => env.reset({ options: { y_init: Number.NaN } })).toThrow(/y_init must be a finite number, got NaN/);
  });

  it('rejects a non-finite g and a malformed setState', () => {
    expect(() => new PendulumEnv({ g: Number.POSITIVE_INFINITY })).toThrow(/option g must be a finite number \(default 10\), got Infinity/);
    expect(() => pendulumAt(0, 0).setState([1, 2, 3])).toThrow(/setState expects 2 finite numbers \[theta, theta_dot\], got Array\(3\)/);
  });
});
