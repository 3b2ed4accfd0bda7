// Sweep expansion: grid × list × seeds counts, order and ids (hand-computed), and colliding ids rejected.
import { describe, expect, it } from 'vitest';
import { expandTrials, formatIdValue, gridCombinations, sweepGroups, trialIdOf } from './sweep-expansion.js';

describe('expansion', () => {
  it('a grid is the cartesian product, first field slowest', () => {
    expect(gridCombinations({ a: [1, 2], b: ['x', 'y', 'z'] })).toEqual([
      { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 1, b: 'z' },
      { a: 2, b: 'x' }, { a: 2, b: 'y' }, { a: 2, b: 'z' },
    ]);
    expect(gridCombinations({})).toEqual([{}]);
  });

  it('grid × list × seeds: 2 × 3 combinations × 2 entries × 2 seeds = 24 trials in nested order with readable ids', () => {
    const trials = expandTrials(
      { 'sac.alpha': [0.1, 'auto'], 'sac.numCritics': [1, 2, 3] },
      [{ 'sac.actorUpdateInterval': 1 }, { 'sac.actorUpdateInterval': 2, totalSteps: 500 }],
      [1, 7],
    );
    expect(trials).toHaveLength(24);
    expect(trials.slice(0, 4).map((t) => t.id)).toEqual([
      'sac.alpha=0.1__sac.numCritics=1__sac.actorUpdateInterval=1__seed=1',
      'sac.alpha=0.1__sac.numCritics=1__sac.actorUpdateInterval=1__seed=7',
      'sac.alpha=0.1__sac.numCritics=1__sac.actorUpdateInterval=2__totalSteps=500__seed=1',
      'sac.alpha=0.1__sac.numCritics=1__sac.actorUpdateInterval=2__totalSteps=500__seed=7',
    ]);
    expect(trials[23]).toEqual({
      id: 'sac.alpha=auto__sac.numCritics=3__sac.actorUpdateInterval=2__totalSteps=500__seed=7',
      group: 'sac.alpha=auto__sac.numCritics=3__sac.actorUpdateInterval=2__totalSteps=500',
      overrides: { 'sac.alpha': 'auto', 'sac.numCritics': 3, 'sac.actorUpdateInterval': 2, totalSteps: 500 },
      seed: 7,
    });
    // 12 groups of 2 seeds each.
    expect(new Set(trials.map((t) => t.group)).size).toBe(12);
    expect(new Set(trials.map((t) => t.id)).size).toBe(24);
  });

  it('a list alone gives one group per entry; a list field that is also a grid field takes the list value', () => {
    expect(sweepGroups({}, [{ a: 1 }, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(sweepGroups({ a: [1, 2] }, [{ a: 5, b: 0 }])).toEqual([{ a: 5, b: 0 }, { a: 5, b: 0 }]);
  });

  it('only seeds: ids are seed=N in the group "base"', () => {
    expect(expandTrials({}, [], [3, 1])).toEqual([
      { id: 'seed=3', group: 'base', overrides: {}, seed: 3 },
      { id: 'seed=1', group: 'base', overrides: {}, seed: 1 },
    ]);
  });

  it('ids are filesystem-safe: arrays join with "-", other characters become "_"', () => {
    expect(formatIdValue([64, 64])).toBe('64-64');
    expect(formatIdValue('a/b c')).toBe('a_b_c');
    expect(formatIdValue(-0.5)).toBe('-0.5');
    expect(formatIdValue(true)).toBe('true');
    expect(trialIdOf({ 'sac.actorHiddenSizes': [16, 16] }, 2)).toBe('sac.actorHiddenSizes=16-16__seed=2');
  });

  it('two trials with the same id are an error naming the id', () => {
    expect(() => expandTrials({ a: [1, 2] }, [{ a: 5 }], [1])).toThrow(/trials 1 and 2 both have the id "a=5__seed=1"/);
    expect(() => expandTrials({ a: ['x/y', 'x y'] }, [], [1])).toThrow(/both have the id "a=x_y__seed=1"/);
  });
});
