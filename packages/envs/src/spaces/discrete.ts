// Discrete: the integers {start, ..., start + n - 1}, mirroring gymnasium/spaces/discrete.py.
import { SeededSpace, type Space, type SpaceJSON } from './space.js';

export class Discrete extends SeededSpace implements Space<number> {
  readonly dtype = 'int32' as const;
  readonly shape: readonly number[] = Object.freeze([]);

  constructor(
    readonly n: number,
    readonly start = 0,
  ) {
    super();
    if (!Number.isInteger(n) || n <= 0) throw new Error(`Discrete: n must be a positive integer, got ${n}`);
    if (!Number.isInteger(start)) throw new Error(`Discrete: start must be an integer, got ${start}`);
  }

  sample(): number {
    return this.start + this.rng.integer(0, this.n);
  }

  contains(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= this.start && value < this.start + this.n;
  }

  toJSON(): SpaceJSON {
    return { type: 'Discrete', n: this.n, start: this.start };
  }

  override toString(): string {
    return this.start === 0 ? `Discrete(${this.n})` : `Discrete(${this.n}, start=${this.start})`;
  }
}
