// Maps the learner's normalised actions in [−1, 1]^|A| to a Box's bounds and back (per dimension, any finite Box).

/** Affine map between [−1, 1] and [low, high] per dimension. */
export class ActionScaler {
  readonly low: Float32Array;
  readonly high: Float32Array;
  private readonly scale: Float32Array;
  private readonly offset: Float32Array;

  constructor(low: ArrayLike<number>, high: ArrayLike<number>) {
    if (low.length !== high.length || low.length === 0) {
      throw new Error(`action scaling: low and high must have the same non-zero length, received ${low.length} and ${high.length}`);
    }
    this.low = Float32Array.from(low);
    this.high = Float32Array.from(high);
    this.scale = new Float32Array(low.length);
    this.offset = new Float32Array(low.length);
    for (let i = 0; i < low.length; i++) {
      const lo = low[i]!;
      const hi = high[i]!;
      if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
        throw new Error(
          `action scaling: dimension ${i} needs finite bounds with low < high (a tanh-squashed policy cannot cover an unbounded Box), received [${lo}, ${hi}]`,
        );
      }
      this.scale[i] = (hi - lo) / 2;
      this.offset[i] = (hi + lo) / 2;
    }
  }

  get size(): number {
    return this.low.length;
  }

  /** env = offset + scale·a, a ∈ [−1, 1] (CleanRL's action_scale / action_bias). */
  toEnv(normalised: ArrayLike<number>, out = new Float32Array(this.size)): Float32Array {
    for (let i = 0; i < this.size; i++) out[i] = this.offset[i]! + this.scale[i]! * normalised[i]!;
    return out;
  }

  /** The inverse map, clipped to [−1, 1] (for storing random or external actions). */
  fromEnv(action: ArrayLike<number>, out = new Float32Array(this.size)): Float32Array {
    for (let i = 0; i < this.size; i++) out[i] = Math.min(1, Math.max(-1, (action[i]! - this.offset[i]!) / this.scale[i]!));
    return out;
  }
}
