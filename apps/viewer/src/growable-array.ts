// A Float32Array that grows by doubling, so live episodes can append frames without reallocating each step.

export class GrowableFloat32 {
  private data: Float32Array;
  private used = 0;

  constructor(initialCapacity = 256) {
    this.data = new Float32Array(Math.max(1, initialCapacity));
  }

  /** Number of floats written. */
  get length(): number {
    return this.used;
  }

  /** Appends `values` (copied). */
  push(values: ArrayLike<number>): void {
    this.reserve(this.used + values.length);
    this.data.set(values, this.used);
    this.used += values.length;
  }

  pushOne(value: number): void {
    this.reserve(this.used + 1);
    this.data[this.used++] = value;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  /** A view of floats [start, end); valid until the next push that grows the array. */
  view(start = 0, end = this.used): Float32Array {
    return this.data.subarray(start, Math.min(end, this.used));
  }

  private reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    let next = this.data.length;
    while (next < capacity) next *= 2;
    const grown = new Float32Array(next);
    grown.set(this.data.subarray(0, this.used));
    this.data = grown;
  }
}
