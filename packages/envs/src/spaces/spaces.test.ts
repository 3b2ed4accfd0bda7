import { describe, expect, it } from 'vitest';
import { Box } from './box.js';
import { Discrete } from './discrete.js';
import { MultiDiscrete } from './multi-discrete.js';
import { batchSpace, spaceFromJSON } from './batch-space.js';

describe('Box', () => {
  it('broadcasts scalar bounds and infers shapes from arrays', () => {
    const b = new Box(-2, 2, [3]);
    expect(Array.from(b.low)).toEqual([-2, -2, -2]);
    expect(b.size).toBe(3);
    expect(new Box([0, 1], [1, 2]).shape).toEqual([2]);
    expect(new Box(0, 1, [2, 3]).size).toBe(6);
  });

  it('samples inside bounded boxes, uniformly', () => {
    const b = new Box([-1, 0], [1, 10]);
    b.seed(3);
    let sum0 = 0;
    for (let i = 0; i < 5000; i++) {
      const s = b.sample();
      expect(b.contains(s)).toBe(true);
      sum0 += s[0]!;
    }
    expect(sum0 / 5000).toBeCloseTo(0, 1);
  });

  it('samples unbounded dims from N(0,1) and half-bounded ones from shifted exponentials', () => {
    const b = new Box([-Infinity, 2, -Infinity], [Infinity, Infinity, -3]);
    b.seed(5);
    let m0 = 0;
    let m1 = 0;
    let m2 = 0;
    let min1 = Infinity;
    let max2 = -Infinity;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const s = b.sample();
      min1 = Math.min(min1, s[1]!);
      max2 = Math.max(max2, s[2]!);
      m0 += s[0]!;
      m1 += s[1]!;
      m2 += s[2]!;
    }
    expect(min1).toBeGreaterThanOrEqual(2);
    expect(max2).toBeLessThanOrEqual(-3);
    expect(m0 / n).toBeCloseTo(0, 1);
    expect(m1 / n).toBeCloseTo(3, 1); // 2 + E[Exp(1)] = 3
    expect(m2 / n).toBeCloseTo(-4, 1); // -3 - E[Exp(1)]
    expect(b.isBounded()).toBe(false);
  });

  it('contains checks type, length and bounds (NaN is outside)', () => {
    const b = new Box(-1, 1, [2]);
    expect(b.contains(new Float32Array([0, 1]))).toBe(true);
    expect(b.contains(new Float32Array([0, 1.5]))).toBe(false);
    expect(b.contains(new Float32Array([0, NaN]))).toBe(false);
    expect(b.contains(new Float32Array([0]))).toBe(false);
    expect(b.contains([0, 0])).toBe(false);
    expect(b.contains(new Float64Array([0, 0]))).toBe(false);
  });

  it('seed() makes sampling reproducible', () => {
    const b = new Box(-1, 1, [4]);
    b.seed(11);
    const x = b.sample();
    b.seed(11);
    expect(b.sample()).toEqual(x);
    b.seed(12);
    expect(b.sample()).not.toEqual(x);
  });

  it('rejects bad bounds with messages naming them', () => {
    expect(() => new Box([0, 2], [1, 1])).toThrow(/low\[1\] = 2 must be <= high\[1\] = 1/);
    expect(() => new Box([0, 0, 0], [1, 1], [3])).toThrow(/high has 2 values but the shape needs 3/);
    expect(() => new Box(0, 1)).toThrow(/shape is required/);
    expect(() => new Box(NaN, 1, [1])).toThrow(/low must not be NaN/);
  });

  it('round-trips through JSON, including infinite bounds', () => {
    const b = new Box([-Infinity, 0], [Infinity, 1]);
    const json = JSON.parse(JSON.stringify(b.toJSON()));
    const back = spaceFromJSON(json) as Box;
    expect(Array.from(back.low)).toEqual([-Infinity, 0]);
    expect(Array.from(back.high)).toEqual([Infinity, 1]);
  });
});

describe('Discrete', () => {
  it('samples {start, …, start + n - 1}', () => {
    const d = new Discrete(3, -1);
    d.seed(0);
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) seen.add(d.sample());
    expect([...seen].sort()).toEqual([-1, 0, 1]);
  });

  it('contains only integers in range', () => {
    const d = new Discrete(2);
    expect(d.contains(0)).toBe(true);
    expect(d.contains(1)).toBe(true);
    expect(d.contains(2)).toBe(false);
    expect(d.contains(0.5)).toBe(false);
    expect(d.contains('1')).toBe(false);
  });

  it('rejects n <= 0', () => {
    expect(() => new Discrete(0)).toThrow(/positive integer, got 0/);
  });
});

describe('batched spaces', () => {
  it('stacks a Box n times', () => {
    const b = batchSpace(new Box([0, -1], [1, 1]), 3) as Box;
    expect(b.shape).toEqual([3, 2]);
    expect(Array.from(b.low)).toEqual([0, -1, 0, -1, 0, -1]);
  });

  it('turns Discrete into MultiDiscrete', () => {
    const m = batchSpace(new Discrete(4, 1), 2) as MultiDiscrete;
    expect(m).toBeInstanceOf(MultiDiscrete);
    expect(Array.from(m.nvec)).toEqual([4, 4]);
    expect(Array.from(m.start)).toEqual([1, 1]);
    m.seed(1);
    for (let i = 0; i < 50; i++) expect(m.contains(m.sample())).toBe(true);
    expect(m.contains(new Int32Array([0, 1]))).toBe(false);
  });
});
