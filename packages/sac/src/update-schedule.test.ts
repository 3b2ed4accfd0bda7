// Tests for the update schedule (update-every-N, gradient steps per env step, delays) and action rescaling.
import { describe, expect, it } from 'vitest';
import { ActionScaler } from './action-scaling.js';
import { getPreset } from './presets.js';
import { actorStepsDue, gradientStepsDue, targetUpdateDue } from './update-schedule.js';

describe('gradientStepsDue', () => {
  it('Spinning Up: nothing before update_after = 1000, then 50 gradient steps every 50 env steps', () => {
    const config = getPreset('spinningup').config;
    expect(gradientStepsDue(950, config)).toBe(0);
    expect(gradientStepsDue(999, config)).toBe(0);
    expect(gradientStepsDue(1000, config)).toBe(50);
    expect(gradientStepsDue(1001, config)).toBe(0);
    expect(gradientStepsDue(1050, config)).toBe(50);
    let total = 0;
    for (let t = 1; t <= 2000; t++) total += gradientStepsDue(t, config);
    expect(total).toBe(1050); // steps 1000..2000: 21 phases of 50
  });

  it('one gradient step per env step after learning starts (CleanRL), or several with gradientSteps', () => {
    const config = { learningStarts: 5000, updateEvery: 1, gradientSteps: 1 };
    expect(gradientStepsDue(4999, config)).toBe(0);
    expect(gradientStepsDue(5000, config)).toBe(1);
    expect(gradientStepsDue(5001, { ...config, gradientSteps: 4 })).toBe(4);
    expect(() => gradientStepsDue(-1, config)).toThrow('update schedule: stepsTaken must be a non-negative integer, received -1');
  });

  it('actor and target steps follow their intervals', () => {
    expect([1, 2, 3, 4].map((s) => actorStepsDue(s, 2))).toEqual([0, 2, 0, 2]);
    expect([1, 2, 3].map((s) => actorStepsDue(s, 1))).toEqual([1, 1, 1]);
    expect([1, 2, 3, 4].map((s) => targetUpdateDue(s, 2))).toEqual([false, true, false, true]);
  });
});

describe('ActionScaler', () => {
  it('maps [−1, 1] onto each dimension of any finite Box and back', () => {
    const scaler = new ActionScaler([-2, 0, -0.4], [2, 1, 0.4]);
    expect(Array.from(scaler.toEnv([-1, 1, 0]))).toEqual([-2, 1, 0]);
    expect(Array.from(scaler.toEnv([0.5, -1, 1])).map((x) => +x.toFixed(6))).toEqual([1, 0, 0.4]);
    expect(Array.from(scaler.fromEnv([1, 0.75, 0.8])).map((x) => +x.toFixed(6))).toEqual([0.5, 0.5, 1]);
  });

  it('rejects unbounded or inverted bounds', () => {
    expect(() => new ActionScaler([-Infinity], [1])).toThrow('action scaling: dimension 0 needs finite bounds with low < high');
    expect(() => new ActionScaler([1], [1])).toThrow('received [1, 1]');
    expect(() => new ActionScaler([0, 0], [1])).toThrow('low and high must have the same non-zero length, received 2 and 1');
  });
});
