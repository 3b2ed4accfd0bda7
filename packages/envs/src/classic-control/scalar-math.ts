// Scalar helpers with NumPy/Python semantics that the classic-control dynamics rely on.

/** Clamps `x` to [lo, hi] (np.clip, and the `bound` helper of gymnasium/envs/classic_control/acrobot.py). */
export function clip(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * Python's float modulo `a % b` (np.remainder): the result takes the sign of `b`. JavaScript's `%` is C's fmod
 * (sign of `a`); NumPy computes fmod and then adds `b` when the signs disagree, which is what this does.
 */
export function pythonMod(a: number, b: number): number {
  const m = a % b;
  if (m === 0) return b < 0 ? -0 : 0;
  return m < 0 !== b < 0 ? m + b : m;
}
