// The Space interface shared by Box, Discrete and MultiDiscrete (Gymnasium's gymnasium/spaces/space.py).
import { Rng } from '../core/rng.js';

export type SpaceDType = 'float32' | 'int32';

/** A JSON description of a space, for configs, checkpoints and the wire; an infinite Box bound is `null`. */
export type SpaceJSON =
  | { type: 'Box'; shape: number[]; low: (number | null)[]; high: (number | null)[]; dtype: 'float32' }
  | { type: 'Discrete'; n: number; start: number }
  | { type: 'MultiDiscrete'; nvec: number[]; start: number[] };

/** A set of values with a seeded sampler, as in Gymnasium. */
export interface Space<T> {
  readonly shape: readonly number[];
  readonly dtype: SpaceDType;
  /** Draws a value from the space with its own generator. */
  sample(): T;
  /** True when `value` belongs to the space (right type, size and bounds). */
  contains(value: unknown): value is T;
  /** Reseeds the space's generator; without a seed a random one is drawn. Returns the seed used. */
  seed(seed?: number): number;
  /** The space's generator (its state is saved in checkpoints). */
  readonly rng: Rng;
  toJSON(): SpaceJSON;
}

/** Shared seeding logic for every space. */
export abstract class SeededSpace {
  readonly rng = new Rng();

  seed(seed?: number): number {
    const s = seed ?? this.rng.nextSeed();
    this.rng.reseed(s);
    return s;
  }
}

/** Number of scalars in a shape. */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
