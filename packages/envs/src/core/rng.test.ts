import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('reproduces the same stream for the same seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 100 }, () => a.nextUint32());
    const sb = Array.from({ length: 100 }, () => b.nextUint32());
    const sc = Array.from({ length: 100 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa.filter((v, i) => v === sc[i]).length).toBeLessThan(3);
  });

  it('implements xoshiro128** (reference values from the published C code with state 1, 2, 3, 4)', () => {
    // Reference: xoshiro128starstar.c (Blackman & Vigna). With s = {1, 2, 3, 4} the first outputs are
    // rotl(2 * 5, 7) * 9 = 11520, then 0, then 5760, computed by hand from the algorithm:
    // out1 = rotl(s1*5,7)*9 = rotl(10,7)*9 = 1280*9 = 11520; state after: s2^=s0 -> 2, s3^=s1 -> 6, s1^=s2 -> 0,
    // s0^=s3 -> 7, s2^=t(=2<<9=1024) -> 1026, s3=rotl(6,11)=12288. out2 = rotl(0*5,7)*9 = 0.
    const r = new Rng(0);
    r.setState([1, 2, 3, 4]);
    expect(r.nextUint32()).toBe(11520);
    expect(r.getState()).toEqual([7, 0, 1026, 12288]);
    expect(r.nextUint32()).toBe(0);
  });

  it('uniform() lies in [0, 1) with mean near 1/2; normal() has mean 0 and variance 1', () => {
    const r = new Rng(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 20000; i++) {
      const u = r.uniform();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 20000).toBeCloseTo(0.5, 2);
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < 20000; i++) {
      const z = r.normal();
      m += z;
      m2 += z * z;
    }
    expect(m / 20000).toBeCloseTo(0, 1);
    expect(m2 / 20000).toBeCloseTo(1, 1);
  });

  it('integer() covers [low, high) uniformly and rejects bad ranges', () => {
    const r = new Rng(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[r.integer(-1, 2) + 1]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(() => r.integer(2, 2)).toThrow(/low < high/);
    expect(() => r.integer(0.5, 2)).toThrow(/integers/);
  });

  it('getState/setState resume the stream exactly', () => {
    const r = new Rng(99);
    r.uniform();
    const saved = r.getState();
    const next = [r.uniform(), r.normal(), r.nextUint32()];
    const s = new Rng(0);
    s.setState(saved);
    expect([s.uniform(), s.normal(), s.nextUint32()]).toEqual(next);
  });

  it('rejects bad seeds and states with clear messages', () => {
    expect(() => new Rng(1.5)).toThrow(/seed must be a safe integer, got 1.5/);
    expect(() => new Rng(0).setState([1, 2, 3])).toThrow(/4 unsigned 32-bit integers/);
    expect(() => new Rng(0).setState([0, 0, 0, 0])).toThrow(/all-zero/);
  });

  it('accepts negative and large seeds', () => {
    expect(new Rng(-5).uniform()).not.toBe(new Rng(5).uniform());
    expect(new Rng(2 ** 40).uniform()).not.toBe(new Rng(2 ** 40 + 1).uniform());
  });

  it('integer(n) draws from [0, n) like integer(0, n) (hand-computed from the reference outputs 11520, 0)', () => {
    const r = new Rng(0);
    r.setState([1, 2, 3, 4]);
    // 11520 is below the rejection limit 2^32 − (2^32 mod 7), so the draw is 11520 mod 7 = 5; then 0 mod 7 = 0.
    expect(r.integer(7)).toBe(5);
    expect(r.integer(7)).toBe(0);
    const a = new Rng(3);
    const b = new Rng(3);
    expect(Array.from({ length: 50 }, () => a.integer(10))).toEqual(Array.from({ length: 50 }, () => b.integer(0, 10)));
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 5000; i++) counts[a.integer(5)]! += 1;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(130); // ±4 standard deviations (√(5000·0.2·0.8) ≈ 28)
    expect(() => a.integer(0)).toThrow(/low < high.*got \[0, 0\)/);
    expect(() => a.integer(2.5)).toThrow(/integers/);
  });

  it('fillUniform() writes uniform() values scaled into [low, high) in index order', () => {
    const r = new Rng(0);
    r.setState([1, 2, 3, 4]);
    // First uniform(): outputs 11520 and 0 → ((11520 >>> 5)·2^26 + (0 >>> 6)) / 2^53 = 360 / 2^27.
    const out = r.fillUniform(new Float64Array(1), -1, 3);
    expect(out[0]).toBe(-1 + (4 * 360) / 2 ** 27);
    const many = new Rng(5).fillUniform(new Float32Array(20000), -2, 4);
    expect(Math.min(...many)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...many)).toBeLessThanOrEqual(4); // float32 rounding may reach the upper bound
    expect(many.reduce((s, x) => s + x, 0) / many.length).toBeCloseTo(1, 1);
    const c = new Rng(8);
    const d = new Rng(8);
    expect(Array.from(c.fillUniform(new Float64Array(5), 0, 1))).toEqual(Array.from({ length: 5 }, () => d.uniform()));
    expect(() => c.fillUniform(new Float32Array(2), 1, 0)).toThrow(/low <= high, got \[1, 0\)/);
  });

  it('fillNormal() uses both Box–Muller branches: standard normal moments, uncorrelated pairs, P(|z| < 1) ≈ 0.683', () => {
    const n = 40000;
    const z = new Rng(11).fillNormal(new Float64Array(n));
    let m = 0;
    let m2 = 0;
    let within = 0;
    let pairProduct = 0;
    for (let i = 0; i < n; i++) {
      m += z[i]!;
      m2 += z[i]! * z[i]!;
      if (Math.abs(z[i]!) < 1) within += 1;
      if (i % 2 === 0) pairProduct += z[i]! * z[i + 1]!;
    }
    expect(m / n).toBeCloseTo(0, 1);
    expect(m2 / n).toBeCloseTo(1, 1);
    expect(within / n).toBeCloseTo(0.6827, 2);
    expect(pairProduct / (n / 2)).toBeCloseTo(0, 1);
  });

  it('fillNormal() pairs are r·cos θ and r·sin θ of one draw; an odd last element equals normal()', () => {
    const a = new Rng(21);
    const b = new Rng(21);
    const [c, s] = a.fillNormal(new Float64Array(2));
    expect(c).toBeCloseTo(b.normal(), 12); // normal() returns the cosine branch of the same two uniforms
    const r = Math.hypot(c!, s!);
    const u1 = new Rng(21).uniform();
    expect(r).toBeCloseTo(Math.sqrt(-2 * Math.log(1 - u1)), 12);
    const odd = new Rng(4).fillNormal(new Float64Array(3));
    const ref = new Rng(4);
    ref.fillNormal(new Float64Array(2));
    expect(odd[2]).toBe(ref.normal());
  });

  it('fillNormal() keeps no state beyond the four words: a restored state repeats the next fill exactly', () => {
    const r = new Rng(31);
    r.fillNormal(new Float32Array(3));
    const saved = r.getState();
    const next = Array.from(r.fillNormal(new Float32Array(5)));
    const s = new Rng(0);
    s.setState(saved);
    expect(Array.from(s.fillNormal(new Float32Array(5)))).toEqual(next);
  });
});

