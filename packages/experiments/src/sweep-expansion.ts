// Expands a sweep's grid × list × seeds into trials with stable, filesystem-safe, readable ids.
import type { SweepTrial, SweepValue } from './sweep-spec.js';

/** Separator between the `field=value` parts of a trial id. */
export const TRIAL_ID_SEPARATOR = '__';
/** Group id of the trials when nothing is swept (only seeds vary). */
export const BASE_GROUP_ID = 'base';

/** A value as it appears in a trial id: numbers and strings as written, arrays joined with "-" (`[64, 64]` → `64-64`). */
export function formatIdValue(value: SweepValue): string {
  const text = Array.isArray(value) ? value.map(formatIdValue).join('-') : typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.replace(/[^A-Za-z0-9._+-]/g, '_');
}

/** `field=value` parts joined with "__", e.g. `sac.alpha=0.2__sac.numCritics=2`; "base" when there are none. */
export function groupIdOf(overrides: Record<string, SweepValue>): string {
  const parts = Object.entries(overrides).map(([field, value]) => `${field.replace(/[^A-Za-z0-9._+-]/g, '_')}=${formatIdValue(value)}`);
  return parts.length > 0 ? parts.join(TRIAL_ID_SEPARATOR) : BASE_GROUP_ID;
}

/** A trial's id: its group's parts and `seed=<seed>` (`seed=<seed>` alone when nothing is swept). */
export function trialIdOf(overrides: Record<string, SweepValue>, seed: number): string {
  const group = Object.keys(overrides).length > 0 ? `${groupIdOf(overrides)}${TRIAL_ID_SEPARATOR}` : '';
  return `${group}seed=${seed}`;
}

/** Every combination of the grid's values, the first field varying slowest (nested loops in file order). */
export function gridCombinations(grid: Record<string, SweepValue[]>): Record<string, SweepValue>[] {
  let combinations: Record<string, SweepValue>[] = [{}];
  for (const [field, values] of Object.entries(grid)) {
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [field]: value })));
  }
  return combinations;
}

/**
 * The groups of a sweep in order: each grid combination, times each list entry applied on top of it (a list field
 * that is also a grid field takes the list's value). No grid: the list entries; no list: the combinations.
 */
export function sweepGroups(grid: Record<string, SweepValue[]>, list: Record<string, SweepValue>[]): Record<string, SweepValue>[] {
  const combinations = gridCombinations(grid);
  if (list.length === 0) return combinations;
  return combinations.flatMap((combination) => list.map((entry) => ({ ...combination, ...entry })));
}

/** Groups × seeds (seeds innermost), with ids; throws when two trials would share an id. */
export function expandTrials(grid: Record<string, SweepValue[]>, list: Record<string, SweepValue>[], seeds: number[]): SweepTrial[] {
  const trials: SweepTrial[] = [];
  const seen = new Map<string, number>();
  for (const overrides of sweepGroups(grid, list)) {
    const group = groupIdOf(overrides);
    for (const seed of seeds) {
      const id = trialIdOf(overrides, seed);
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        throw new Error(`sweep: trials ${earlier + 1} and ${trials.length + 1} both have the id "${id}" (expected every grid × list × seed combination to differ; two list entries or values may be equal once written into a folder name)`);
      }
      seen.set(id, trials.length);
      trials.push({ id, group, overrides, seed });
    }
  }
  return trials;
}
