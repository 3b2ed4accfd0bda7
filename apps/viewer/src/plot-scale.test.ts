// Tests of the axis arithmetic: nice steps, tick lists rounded outwards, labels, linear maps and extents.
import { describe, expect, it } from 'vitest';
import { extent, formatTick, linearScale, niceStep, niceTicks, tickDecimals } from './plot-scale.js';

describe('plot scale', () => {
  it('rounds a raw step to 1, 2, 5 or 10 times a power of ten', () => {
    expect(niceStep(0.13)).toBeCloseTo(0.1, 12);
    expect(niceStep(0.26)).toBeCloseTo(0.2, 12);
    expect(niceStep(4)).toBe(5);
    expect(niceStep(8)).toBe(10);
    expect(niceStep(230)).toBe(200);
    expect(() => niceStep(0)).toThrow(/niceStep: expected a finite number > 0, received 0/);
  });

  it('covers the data with whole steps rounded outwards', () => {
    // [0.3, 9.7] over 5 intervals: raw 1.88 -> step 2, axis [0, 10].
    const ticks = niceTicks(0.3, 9.7, 5);
    expect(ticks.step).toBe(2);
    expect(ticks.values).toEqual([0, 2, 4, 6, 8, 10]);
    // [-1.2, 0.35]: raw 0.31 has fraction 3.1 >= 3 -> step 0.5; axis [-1.5, 0.5].
    const negative = niceTicks(-1.2, 0.35, 5);
    expect(negative.step).toBeCloseTo(0.5, 12);
    expect(negative.values).toEqual([-1.5, -1, -0.5, 0, 0.5]);
    // [0, 1] over 4 intervals: raw 0.25 -> fraction 2.5 < 3 -> step 0.2, so the ticks are exact decimals.
    expect(niceTicks(0, 1, 4).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('widens an empty range so a constant series still has an axis', () => {
    const zero = niceTicks(0, 0, 4);
    expect(zero.min).toBeLessThan(0);
    expect(zero.max).toBeGreaterThan(0);
    const constant = niceTicks(10, 10, 4); // widened to [9, 11], step 0.5
    expect(constant.values).toEqual([9, 9.5, 10, 10.5, 11]);
    expect(() => niceTicks(2, 1)).toThrow(/expected min <= max, received \[2, 1\]/);
    expect(() => niceTicks(0, Number.NaN)).toThrow(/expected finite bounds/);
  });

  it('prints ticks with the decimals their step needs', () => {
    expect(tickDecimals(0.2)).toBe(1);
    expect(tickDecimals(0.05)).toBe(2);
    expect(tickDecimals(5)).toBe(0);
    expect(formatTick(-1.2, 0.2)).toBe('-1.2');
    expect(formatTick(0.3000000004, 0.1)).toBe('0.3');
    expect(formatTick(2000, 500)).toBe('2000');
    expect(formatTick(0, 0.1)).toBe('0');
    expect(formatTick(2e6, 1e6)).toBe('2e+6');
  });

  it('maps a domain linearly onto a range, including flipped (screen y) ranges', () => {
    const y = linearScale(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(75);
    expect(linearScale(3, 3, 0, 50)(3)).toBe(25);
  });

  it('finds the extent of finite values only', () => {
    expect(extent([[1, Number.NaN, -2], new Float32Array([5])])).toEqual([-2, 5]);
    expect(extent([[Number.NaN]])).toBeUndefined();
  });
});
