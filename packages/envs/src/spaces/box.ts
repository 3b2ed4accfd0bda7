// Box: a (possibly unbounded) float32 box in R^n, mirroring gymnasium/spaces/box.py.
import { SeededSpace, shapeSize, type Space, type SpaceJSON } from './space.js';
import { describeValue } from '../core/format.js';

export type BoxBound = number | ArrayLike<number>;

/**
 * A float32 box `[low, high]` of a given shape, stored flat in row-major order. Bounds may be infinite.
 * Sampling follows Gymnasium: uniform on bounded dimensions, a standard normal on unbounded ones, and a shifted
 * exponential on half-bounded ones.
 */
export class Box extends SeededSpace implements Space<Float32Array> {
  readonly dtype = 'float32' as const;
  readonly shape: readonly number[];
  readonly size: number;
  readonly low: Float32Array;
  readonly high: Float32Array;

  constructor(low: BoxBound, high: BoxBound, shape?: readonly number[]) {
    super();
    const inferred = shape ?? inferShape(low, high);
    if (inferred.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new Error(`Box: shape must be non-negative integers, got ${JSON.stringify(inferred)}`);
    }
    this.shape = Object.freeze([...inferred]);
    this.size = shapeSize(this.shape);
    this.low = broadcast(low, this.size, 'low');
    this.high = broadcast(high, this.size, 'high');
    for (let i = 0; i < this.size; i++) {
      if (!(this.low[i]! <= this.high[i]!)) {
        throw new Error(`Box: low[${i}] = ${this.low[i]} must be <= high[${i}] = ${this.high[i]}`);
      }
    }
  }

  /** True when every dimension has finite bounds on both sides. */
  isBounded(): boolean {
    for (let i = 0; i < this.size; i++) {
      if (!Number.isFinite(this.low[i]!) || !Number.isFinite(this.high[i]!)) return false;
    }
    return true;
  }

  sample(out: Float32Array = new Float32Array(this.size)): Float32Array {
    const rng = this.rng;
    for (let i = 0; i < this.size; i++) {
      const lo = this.low[i]!;
      const hi = this.high[i]!;
      const loFinite = Number.isFinite(lo);
      const hiFinite = Number.isFinite(hi);
      let v: number;
      if (loFinite && hiFinite) v = rng.uniformIn(lo, hi);
      else if (loFinite) v = lo + rng.exponential();
      else if (hiFinite) v = hi - rng.exponential();
      else v = rng.normal();
      out[i] = v;
      // Rounding to float32 can step just past a bound; keep samples inside the box.
      if (out[i]! > hi) out[i] = hi;
      if (out[i]! < lo) out[i] = lo;
    }
    return out;
  }

  contains(value: unknown): value is Float32Array {
    if (!(value instanceof Float32Array) || value.length !== this.size) return false;
    for (let i = 0; i < this.size; i++) {
      const v = value[i]!;
      if (!(v >= this.low[i]! && v <= this.high[i]!)) return false;
    }
    return true;
  }

  toJSON(): SpaceJSON {
    const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
    return { type: 'Box', shape: [...this.shape], low: Array.from(this.low, finite), high: Array.from(this.high, finite), dtype: 'float32' };
  }

  override toString(): string {
    const lo = this.low.every((v) => v === this.low[0]) ? String(this.low[0]) : `[${Array.from(this.low).join(', ')}]`;
    const hi = this.high.every((v) => v === this.high[0]) ? String(this.high[0]) : `[${Array.from(this.high).join(', ')}]`;
    return `Box(${lo}, ${hi}, (${this.shape.join(', ')}), float32)`;
  }
}

function inferShape(low: BoxBound, high: BoxBound): number[] {
  if (typeof low !== 'number') return [low.length];
  if (typeof high !== 'number') return [high.length];
  throw new Error('Box: shape is required when both low and high are scalars');
}

function broadcast(bound: BoxBound, size: number, name: string): Float32Array {
  const out = new Float32Array(size);
  if (typeof bound === 'number') {
    if (Number.isNaN(bound)) throw new Error(`Box: ${name} must not be NaN`);
    out.fill(bound);
    return out;
  }
  if (bound.length !== size) {
    throw new Error(`Box: ${name} has ${bound.length} values but the shape needs ${size}: ${describeValue(bound)}`);
  }
  for (let i = 0; i < size; i++) {
    if (Number.isNaN(bound[i])) throw new Error(`Box: ${name}[${i}] must not be NaN`);
    out[i] = bound[i]!;
  }
  return out;
}
