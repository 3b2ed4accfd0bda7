// Acrobot-v1: spaces, the book equations and RK4 against an independent implementation, wrap/bound, termination.
import { describe, expect, it } from 'vitest';
import { make } from '../registry/registry.js';
import { Rng } from '../core/rng.js';
import { acrobotDerivatives, wrap } from './acrobot-dynamics.js';
import { AcrobotEnv } from './acrobot.js';
import './index.js';

const f32 = Math.fround;

/**
 * Sutton & Barto (1998) §11.3 acrobot, written independently of the env with cos(a - pi/2) = sin(a):
 * m1 = m2 = 1, l1 = 1, lc1 = lc2 = 0.5, I1 = I2 = 1, g = 9.8. Returns [dθ1, dθ2, ddθ1, ddθ2].
 */
function paperDerivatives([t1, t2, w1, w2]: number[], torque: number, equations: 'book' | 'nips' = 'book'): number[] {
  const d1 = 0.25 + (1 + 0.25 + Math.cos(t2)) + 2;
  const d2 = 0.25 + 0.5 * Math.cos(t2) + 1;
  const phi2 = 0.5 * 9.8 * Math.sin(t1 + t2);
  const phi1 = -0.5 * w2 * w2 * Math.sin(t2) - w2 * w1 * Math.sin(t2) + 1.5 * 9.8 * Math.sin(t1) + phi2;
  const coriolis = equations === 'book' ? 0.5 * w1 * w1 * Math.sin(t2) : 0;
  const a2 = (torque + (d2 / d1) * phi1 - coriolis - phi2) / (1.25 - (d2 * d2) / d1);
  const a1 = -(d2 * a2 + phi1) / d1;
  return [w1, w2, a1, a2];
}

/** Classical fourth-order Runge–Kutta over one step h, written as vectors. */
function paperRk4(s: number[], torque: number, h: number, equations: 'book' | 'nips' = 'book'): number[] {
  const add = (a: number[], b: number[], k: number): number[] => a.map((v, i) => v + k * b[i]!);
  const k1 = paperDerivatives(s, torque, equations);
  const k2 = paperDerivatives(add(s, k1, h / 2), torque, equations);
  const k3 = paperDerivatives(add(s, k2, h / 2), torque, equations);
  const k4 = paperDerivatives(add(s, k3, h), torque, equations);
  return s.map((v, i) => v + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
}

function acrobotAt(state: number[]): AcrobotEnv {
  const env = new AcrobotEnv();
  env.reset({ seed: 0 });
  env.setState(state);
  return env;
}

describe('Acrobot-v1 spaces', () => {
  it('observes [cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2] with |θ̇1| <= 4π, |θ̇2| <= 9π and acts in Discrete(3)', () => {
    const env = new AcrobotEnv();
    expect(env.observationSpace.shape).toEqual([6]);
    expect(Array.from(env.observationSpace.high)).toEqual([1, 1, 1, 1, f32(4 * Math.PI), f32(9 * Math.PI)]);
    expect(Array.from(env.observationSpace.low)).toEqual([-1, -1, -1, -1, -f32(4 * Math.PI), -f32(9 * Math.PI)]);
    expect(env.observationSpace.dtype).toBe('float32');
    expect(env.actionSpace.n).toBe(3);
    expect(env.metadata).toEqual({ renderFps: 15, renderModes: ['scene'] });
  });
});

describe('Acrobot-v1 dynamics (acrobot.py _dsdt and rk4)', () => {
  it('accelerates from rest hanging down with torque +1: ddθ2 = 72/41, ddθ1 = -28/41', () => {
    // d1 = 0.25 + (1 + 0.25 + 1) + 1 + 1 = 4.5;  d2 = (0.25 + 0.5) + 1 = 1.75;  φ1 = φ2 = 0 (up to cos(-π/2) ≈ 6e-17)
    // ddθ2 = 1 / (0.25 + 1 - 1.75² / 4.5) = 4.5 / 2.5625 = 72/41;  ddθ1 = -1.75 * (72/41) / 4.5 = -28/41
    const d = acrobotDerivatives([0, 0, 0, 0, 1], 'book', new Float64Array(5));
    expect(d[0]).toBe(0);
    expect(d[1]).toBe(0);
    expect(d[2]).toBeCloseTo(-28 / 41, 14);
    expect(d[3]).toBeCloseTo(72 / 41, 14);
    expect(d[4]).toBe(0);
  });

  it('matches the book equations at arbitrary states, and the NIPS variant when asked', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 50; i++) {
      const s = [rng.uniformIn(-3, 3), rng.uniformIn(-3, 3), rng.uniformIn(-6, 6), rng.uniformIn(-12, 12)];
      const torque = [-1, 0, 1][i % 3]!;
      for (const equations of ['book', 'nips'] as const) {
        const ours = acrobotDerivatives([...s, torque], equations, new Float64Array(5));
        paperDerivatives(s, torque, equations).forEach((v, j) => expect(ours[j]).toBeCloseTo(v, 11));
      }
    }
  });

  it('steps with one RK4 step of 0.2 s, wrapping angles and keeping velocities in bounds', () => {
    const rng = new Rng(4);
    for (let i = 0; i < 30; i++) {
      const s = [rng.uniformIn(-Math.PI, Math.PI), rng.uniformIn(-Math.PI, Math.PI), rng.uniformIn(-2, 2), rng.uniformIn(-4, 4)];
      const action = i % 3;
      const env = acrobotAt(s);
      const { obs } = env.step(action);
      const raw = paperRk4(s, action - 1, 0.2);
      const expected = [wrapAngle(raw[0]!), wrapAngle(raw[1]!), raw[2]!, raw[3]!];
      Array.from(env.state).forEach((v, j) => expect(v).toBeCloseTo(expected[j]!, 11));
      const t = env.state;
      expect(Array.from(obs)).toEqual([Math.cos(t[0]!), Math.sin(t[0]!), Math.cos(t[1]!), Math.sin(t[1]!), t[2]!, t[3]!].map(f32));
    }
  });

  it('uses the NIPS equations when bookOrNips = "nips"', () => {
    const s = [0.4, -0.3, 1.5, -2.0];
    const env = acrobotAt(s);
    env.bookOrNips = 'nips';
    env.step(2);
    paperRk4(s, 1, 0.2, 'nips').forEach((v, j) => expect(env.state[j]).toBeCloseTo(v, 11));
    const book = acrobotAt(s);
    book.step(2);
    expect(Math.abs(book.state[3]! - env.state[3]!)).toBeGreaterThan(1e-3);
  });

  it('bounds θ̇1 to ±4π and θ̇2 to ±9π', () => {
    const s = [0, 0, 12.5, 28.0];
    const raw = paperRk4(s, 1, 0.2);
    expect(Math.abs(raw[2]!)).toBeGreaterThan(4 * Math.PI); // the bound is active here
    const env = acrobotAt(s);
    env.step(2);
    expect(env.state[2]).toBe(4 * Math.PI);
    expect(Math.abs(env.state[3]!)).toBeLessThanOrEqual(9 * Math.PI);
  });

  it('wraps angles by whole turns into [-π, π]', () => {
    expect(wrap(3.5, -Math.PI, Math.PI)).toBeCloseTo(3.5 - 2 * Math.PI, 15);
    expect(wrap(-3.5, -Math.PI, Math.PI)).toBeCloseTo(-3.5 + 2 * Math.PI, 15);
    expect(wrap(10, -Math.PI, Math.PI)).toBeCloseTo(10 - 4 * Math.PI, 14);
    expect(wrap(Math.PI, -Math.PI, Math.PI)).toBe(Math.PI);
    expect(() => wrap(Number.NaN, -Math.PI, Math.PI)).toThrow(/wrap: expected a finite number, got NaN/);
  });

  it('adds uniform torque noise from the env generator only when torqueNoiseMax > 0', () => {
    const run = (seed: number, noise: number): number[] => {
      const env = new AcrobotEnv();
      env.torqueNoiseMax = noise;
      env.reset({ seed });
      env.setState([0.1, 0.1, 0, 0]);
      env.step(1);
      return Array.from(env.state);
    };
    expect(run(1, 0)).toEqual(run(2, 0));
    expect(run(1, 0.5)).not.toEqual(run(2, 0.5));
    expect(run(1, 0.5)).toEqual(run(1, 0.5));
  });
});

describe('Acrobot-v1 termination and reward', () => {
  it('terminates with reward 0 when the tip rises above one link length over the shoulder', () => {
    // Straight up: -cos(π) - cos(π + 0) = 2 > 1.
    const up = acrobotAt([Math.PI, 0, 0, 0]).step(1);
    expect(up.terminated).toBe(true);
    expect(up.reward).toBe(0);
  });

  it('rewards -1 and continues below the line, e.g. hanging, or horizontal (height 0)', () => {
    expect(acrobotAt([0, 0, 0, 0]).step(1)).toMatchObject({ terminated: false, reward: -1 });
    expect(acrobotAt([Math.PI / 2, 0, 0, 0]).step(1)).toMatchObject({ terminated: false, reward: -1 });
  });

  it('tests exactly -cos θ1 - cos(θ1 + θ2) > 1 on the new state', () => {
    // θ1 = 2π/3, θ2 = 0: height = 0.5 + 0.5 = 1, on the line. After a step from rest it must have fallen a little.
    const env = acrobotAt([(2 * Math.PI) / 3, 0, 0, 0]);
    const r = env.step(1);
    const [t1, t2] = env.state;
    expect(-Math.cos(t1!) - Math.cos(t1! + t2!)).toBeLessThan(1);
    expect(r.terminated).toBe(false);
    // θ1 = 2π/3 with an upward swing crosses it.
    const swing = acrobotAt([(2 * Math.PI) / 3, 0, 1.0, 0]);
    const s = swing.step(1);
    const [u1, u2] = swing.state;
    expect(s.terminated).toBe(-Math.cos(u1!) - Math.cos(u1! + u2!) > 1);
    expect(s.terminated).toBe(true);
  });

  it('is truncated by make at 500 steps when no torque is applied from rest', () => {
    const env = make('Acrobot-v1');
    env.reset({ seed: 6 });
    for (let t = 1; t <= 500; t++) {
      const r = env.step(1);
      expect(r.terminated).toBe(false);
      expect(r.reward).toBe(-1);
      if (r.truncated !== (t === 500)) throw new Error(`truncated=${r.truncated} at step ${t}`);
    }
  });
});

describe('Acrobot-v1 reset', () => {
  it('draws the state from U(-0.1, 0.1), rounded to float32 as Gymnasium does', () => {
    const env = new AcrobotEnv();
    env.reset({ seed: 12 });
    const all: number[] = [];
    for (let i = 0; i < 200; i++) {
      const { obs } = env.reset();
      const s = env.state;
      for (const v of s) expect(f32(v)).toBe(v);
      expect(Array.from(obs)).toEqual([Math.cos(s[0]!), Math.sin(s[0]!), Math.cos(s[1]!), Math.sin(s[1]!), s[2]!, s[3]!].map(f32));
      all.push(...s);
    }
    expect(Math.min(...all)).toBeGreaterThanOrEqual(f32(-0.1));
    expect(Math.max(...all)).toBeLessThanOrEqual(f32(0.1));
    expect(Math.min(...all)).toBeLessThan(-0.099);
    expect(Math.max(...all)).toBeGreaterThan(0.099);
  });

  it('takes low/high reset options, and no constructor options', () => {
    const env = make('Acrobot-v1');
    env.reset({ seed: 2, options: { low: 0.5, high: 0.6 } });
    for (const v of (env.unwrapped as AcrobotEnv).state) {
      expect(v).toBeGreaterThanOrEqual(f32(0.5));
      expect(v).toBeLessThanOrEqual(f32(0.6));
    }
    expect(() => env.reset({ options: { low: 1, high: 0 } })).toThrow(/Acrobot-v1: reset option low \(1\) must be <= high \(0\)/);
    expect(() => new AcrobotEnv({ book_or_nips: 'nips' } as never)).toThrow(/AcrobotEnv: takes no options/);
    expect(() => make('Acrobot-v1', { book_or_nips: 'nips' })).toThrow(/make\(Acrobot-v1\): unknown option "book_or_nips". Valid options: max_episode_steps/);
  });
});

function wrapAngle(x: number): number {
  let y = x;
  while (y > Math.PI) y -= 2 * Math.PI;
  while (y < -Math.PI) y += 2 * Math.PI;
  return y;
}
