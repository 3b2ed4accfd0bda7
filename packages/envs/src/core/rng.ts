// Seedable pseudo-random generator used by every env and space: xoshiro128** seeded through SplitMix32.

/**
 * `Rng` is the project's documented PRNG (the counterpart of Gymnasium's `np_random`):
 * - generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2018);
 * - seeding: a seed (any safe integer, negative allowed) is split into two 32-bit words and expanded into the
 *   128-bit state by SplitMix32 (four outputs), so nearby seeds give unrelated streams;
 * - `uniform()` builds a float64 in [0, 1) from 53 random bits (two outputs);
 * - `normal()` uses the Box–Muller transform, one output per call (the sine branch is discarded so that the
 *   state is only the four words, which `getState`/`setState` save and restore exactly);
 * - `fillNormal(out)` uses both Box–Muller branches of each pair it writes (an odd last element takes the cosine
 *   branch alone), so nothing is cached between calls either;
 * - `integer(n)` / `integer(low, high)` reject out-of-range 32-bit draws, so there is no modulo bias.
 * The same seed gives the same stream on every JavaScript engine: only 32-bit integer arithmetic is used.
 */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed?: number) {
    this.reseed(seed ?? randomSeed());
  }

  /** Re-initialises the state from a seed (a safe integer). */
  reseed(seed: number): void {
    if (!Number.isSafeInteger(seed)) {
      throw new Error(`Rng: seed must be a safe integer, got ${String(seed)}`);
    }
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    let x = (lo ^ Math.imul(hi, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next() ^ hi;
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s3 = 1;
  }

  /** Next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform float64 in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform float64 in [low, high). */
  uniformIn(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Standard normal sample (Box–Muller, cosine branch). */
  normal(): number {
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Exponential sample with rate 1. */
  exponential(): number {
    return -Math.log(1 - this.uniform());
  }

  /** Uniform integer in [0, n) or in [low, high), without modulo bias (rejection sampling). */
  integer(n: number): number;
  integer(low: number, high: number): number;
  integer(lowOrN: number, maybeHigh?: number): number {
    const low = maybeHigh === undefined ? 0 : lowOrN;
    const high = maybeHigh === undefined ? lowOrN : maybeHigh;
    const span = high - low;
    if (!Number.isInteger(low) || !Number.isInteger(high) || span <= 0 || span > 4294967296) {
      throw new Error(`Rng.integer: expected integers low < high with high - low <= 2^32, got [${low}, ${high})`);
    }
    if (span === 4294967296) return low + this.nextUint32();
    const limit = 4294967296 - (4294967296 % span);
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return low + (r % span);
  }

  /** Fills `out` with uniforms in [low, high) (one `uniform()` each, in index order) and returns it. */
  fillUniform<T extends Float32Array | Float64Array>(out: T, low: number, high: number): T {
    if (!(low <= high)) throw new Error(`Rng.fillUniform: expected low <= high, got [${low}, ${high})`);
    const width = high - low;
    for (let i = 0; i < out.length; i++) out[i] = low + width * this.uniform();
    return out;
  }

  /**
   * Fills `out` with standard normals and returns it: Box–Muller on two uniforms u1 ∈ (0, 1], u2 gives
   * r·cos(2πu2) for element i and r·sin(2πu2) for element i + 1, r = √(−2 ln u1); an odd last element gets the cosine
   * alone (then it equals what `normal()` would have returned).
   */
  fillNormal<T extends Float32Array | Float64Array>(out: T): T {
    const n = out.length;
    for (let i = 0; i < n; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - this.uniform()));
      const angle = 2 * Math.PI * this.uniform();
      out[i] = r * Math.cos(angle);
      if (i + 1 < n) out[i + 1] = r * Math.sin(angle);
    }
    return out;
  }

  /** A fresh seed drawn from this stream (used to seed sub-envs and spaces). */
  nextSeed(): number {
    return this.nextUint32() * 2097152 + (this.nextUint32() >>> 11);
  }

  /** The full state, for checkpoints. */
  getState(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  setState(state: readonly number[]): void {
    if (state.length !== 4 || state.some((w) => !Number.isInteger(w) || w < 0 || w > 0xffffffff)) {
      throw new Error(`Rng.setState: expected 4 unsigned 32-bit integers, got ${JSON.stringify(state)}`);
    }
    if (state.every((w) => w === 0)) throw new Error('Rng.setState: the all-zero state is invalid for xoshiro128**');
    [this.s0, this.s1, this.s2, this.s3] = state as [number, number, number, number];
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A non-deterministic seed, for envs and spaces that were never seeded (as Gymnasium draws from the OS). */
export function randomSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) {
    const words = c.getRandomValues(new Uint32Array(2));
    return words[0]! * 2097152 + (words[1]! >>> 11);
  }
  return Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);
}
