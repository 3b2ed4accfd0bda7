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
});
