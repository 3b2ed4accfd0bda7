// The sweep file's typed data: a base training configuration, a grid and/or list over dotted fields, and seeds.
import type { ResolvedTrainConfig, TrainConfig } from '@rapier-gym/sac';

/** A value a swept field takes (whatever the field accepts: numbers, strings, booleans, arrays such as hidden sizes). */
export type SweepValue = unknown;

/**
 * What a sweep file holds (JSON or YAML). Field names in `grid` and `list` are dotted paths into TrainConfig, the
 * same keys `rapier-gym train --set` takes: `sac.alpha`, `sac.numCritics`, `totalSteps`, `envOptions.g`.
 */
export interface SweepSpec {
  /** Name of the sweep: letters, digits, `.`, `_`, `-` (the default store is runs/sweeps/<name>). */
  name: string;
  /** Free text describing what the sweep reproduces (optional, default ""). */
  description?: string;
  /** The configuration every trial starts from (env required; no seed: seeds come from `seeds`). */
  base: Partial<TrainConfig> & { env?: string };
  /** Field → values: every combination (cartesian product) is a group of trials (optional, default {}). */
  grid?: Record<string, SweepValue[]>;
  /** Each entry is a group of trials with these field values, applied on top of the grid (optional, default []). */
  list?: Record<string, SweepValue>[];
  /** The seeds every group runs with: an array of distinct integers, or a count N meaning 1..N. */
  seeds: number[] | number;
}

/** One trial: a group's swept values and one seed. */
export interface SweepTrial {
  /** Stable, filesystem-safe, readable id, e.g. `sac.alpha=0.2__seed=1`; also the trial's folder name. */
  id: string;
  /** The id of the trial's group: its swept values without the seed (`sac.alpha=0.2`, or `base` when nothing is swept). */
  group: string;
  /** The swept fields only (dotted keys, in file order: grid fields, then the list entry's). */
  overrides: Record<string, SweepValue>;
  seed: number;
}

/** A trial with its resolved training configuration (base + overrides + seed, validated). */
export interface ResolvedTrial extends SweepTrial {
  config: ResolvedTrainConfig;
}

/** A validated sweep: the normalized file (grid and list always present, seeds as a list) and every trial, in order. */
export interface Sweep {
  name: string;
  description: string;
  /** The file it was read from (for messages), or "<inline>". */
  source: string;
  base: Partial<TrainConfig> & { env: string };
  grid: Record<string, SweepValue[]>;
  list: Record<string, SweepValue>[];
  seeds: number[];
  trials: ResolvedTrial[];
}

/** What `<sweepDir>/sweep.json` holds. */
export interface SweepManifest {
  name: string;
  description: string;
  base: Partial<TrainConfig> & { env: string };
  grid: Record<string, SweepValue[]>;
  list: Record<string, SweepValue>[];
  seeds: number[];
  trials: SweepTrial[];
}
