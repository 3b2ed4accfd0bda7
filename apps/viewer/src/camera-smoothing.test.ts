// Tests of follow smoothing: half the gap closes per half-life, independent of how the time is split into frames.
import { describe, expect, it } from 'vitest';
import { smoothingFactor } from './camera-smoothing.js';

describe('smoothingFactor', () => {
  it('closes half the gap after one half-life and three quarters after two', () => {
    expect(smoothingFactor(0.25, 0.25)).toBeCloseTo(0.5, 12);
    expect(smoothingFactor(0.5, 0.25)).toBeCloseTo(0.75, 12);
  });

  it('gives the same result for one long frame or many short ones', () => {
    let gap = 1;
    for (let i = 0; i < 10; i++) gap *= 1 - smoothingFactor(0.05, 0.2);
    expect(gap).toBeCloseTo(1 - smoothingFactor(0.5, 0.2), 12);
  });

  it('snaps with a zero half-life, stays put with zero dt and rejects negative values', () => {
    expect(smoothingFactor(0.1, 0)).toBe(1);
    expect(smoothingFactor(0, 0.3)).toBe(0);
    expect(() => smoothingFactor(-1, 0.3)).toThrow(/smoothing dt: expected a finite number >= 0, received -1/);
    expect(() => smoothingFactor(0.1, Number.NaN)).toThrow(/half-life: expected a finite number >= 0, received NaN/);
  });
});
