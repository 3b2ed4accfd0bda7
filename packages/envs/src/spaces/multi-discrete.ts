// MultiDiscrete: one integer per slot, each in {start_i, ..., start_i + nvec_i - 1} (gymnasium/spaces/multi_discrete.py).
import { SeededSpace, type Space, type SpaceJSON } from './space.js';

export class MultiDiscrete extends SeededSpace implements Space<Int32Array> {
  readonly dtype = 'int32' as const;
  readonly shape: readonly number[];
  readonly nvec: Int32Array;
  readonly start: Int32Array;

  constructor(nvec: ArrayLike<number>, start?: ArrayLike<number>) {
    super();
    this.nvec = Int32Array.from(nvec as ArrayLike<number>);
    this.start = start ? Int32Array.from(start as ArrayLike<number>) : new Int32Array(this.nvec.length);
    if (this.start.length !== this.nvec.length) {
      throw new Error(`MultiDiscrete: start has ${this.start.length} entries, nvec has ${this.nvec.length}`);
    }
    for (let i = 0; i < this.nvec.length; i++) {
      if (!(this.nvec[i]! > 0) || this.nvec[i] !== (nvec[i] as number)) {
        throw new Error(`MultiDiscrete: nvec[${i}] must be a positive integer, got ${nvec[i]}`);
      }
    }
    this.shape = Object.freeze([this.nvec.length]);
  }

  sample(out: Int32Array = new Int32Array(this.nvec.length)): Int32Array {
    for (let i = 0; i < this.nvec.length; i++) out[i] = this.start[i]! + this.rng.integer(0, this.nvec[i]!);
    return out;
  }

  contains(value: unknown): value is Int32Array {
    if (!(value instanceof Int32Array) || value.length !== this.nvec.length) return false;
    for (let i = 0; i < value.length; i++) {
      if (value[i]! < this.start[i]! || value[i]! >= this.start[i]! + this.nvec[i]!) return false;
    }
    return true;
  }

  toJSON(): SpaceJSON {
    return { type: 'MultiDiscrete', nvec: Array.from(this.nvec), start: Array.from(this.start) };
  }

  override toString(): string {
    return `MultiDiscrete([${Array.from(this.nvec).join(', ')}])`;
  }
}
