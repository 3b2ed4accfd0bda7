// Frame-rate independent exponential smoothing for the follow camera.

/**
 * Fraction of the remaining distance to cover in `dtSeconds` so that half of any offset is gone after
 * `halfLifeSeconds`, whatever the frame rate: 1 - 2^(-dt / halfLife). A half-life of 0 snaps (returns 1).
 */
export function smoothingFactor(dtSeconds: number, halfLifeSeconds: number): number {
  if (!Number.isFinite(dtSeconds) || dtSeconds < 0) throw new Error(`smoothing dt: expected a finite number >= 0, received ${dtSeconds}`);
  if (!Number.isFinite(halfLifeSeconds) || halfLifeSeconds < 0) {
    throw new Error(`smoothing half-life: expected a finite number >= 0, received ${halfLifeSeconds}`);
  }
  if (halfLifeSeconds === 0) return 1;
  return 1 - 2 ** (-dtSeconds / halfLifeSeconds);
}
