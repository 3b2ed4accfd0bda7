// MuJoCo's soft-constraint parameters for a joint limit (solreflimit, solimplimit), for the implicit armature motor.

/** Impedance d and reference-acceleration gains of one violated limit (engine_core_constraint.c getimpedance, mj_makeImpedance). */
export interface SoftLimitGains {
  /** Impedance d(r) in (0, 1): the share of the reference acceleration the constraint imposes. */
  d: number;
  /** a_ref = −b·v − k·d·r (v: velocity into the limit, r: depth past it). */
  b: number;
  k: number;
}

/**
 * MuJoCo's impedance for a violation `r` ≥ 0 with solimp = [dmin, dmax, width, midpoint, power]: x = min(r/width, 1),
 * y = x^p / mid^(p−1) for x ≤ mid, else 1 − (1 − x)^p / (1 − mid)^(p−1); d = dmin + y·(dmax − dmin), kept inside
 * [1e-4, 0.9999] as MuJoCo does (mjMINIMP, mjMAXIMP).
 */
export function limitImpedance(solimp: readonly number[], r: number): number {
  // indexed reads, not destructuring: this runs every world step for each joint past its limit, and array
  // destructuring with defaults allocates an iterator there
  const dmin = solimp[0] ?? 0.9, dmax = solimp[1] ?? 0.95, width = solimp[2] ?? 0.001, mid = solimp[3] ?? 0.5, power = solimp[4] ?? 2;
  const lo = Math.min(Math.max(dmin, 1e-4), 0.9999);
  const hi = Math.min(Math.max(dmax, 1e-4), 0.9999);
  if (lo === hi || width <= 1e-10) return hi;
  const x = Math.min(Math.max(r / width, 0), 1);
  if (x >= 1) return hi;
  if (x <= 0) return lo;
  const y = x <= mid ? x ** power / mid ** (power - 1) : 1 - (1 - x) ** power / (1 - mid) ** (power - 1);
  return lo + y * (hi - lo);
}

/**
 * Gains for solref = [timeconst, dampratio] (standard, positive form) at violation `r`: timeconst is raised to
 * 2·timestep as MuJoCo's default `refsafe` does; b = 2 / (dmax·timeconst), k = 1 / (dmax²·timeconst²·dampratio²).
 * A negative solref (MuJoCo's direct stiffness/damping form) is rejected with an Error naming the joint.
 */
export function softLimitGains(solref: readonly number[], solimp: readonly number[], r: number, timestep: number, joint: string): SoftLimitGains {
  const timeconst = solref[0] ?? 0.02, dampratio = solref[1] ?? 1;
  if (!(timeconst > 0) || !(dampratio > 0)) {
    throw new Error(`soft joint limits: joint "${joint}" has solreflimit ${solref.join(' ')}; expected the standard form (timeconst > 0, dampratio > 0)`);
  }
  const t = Math.max(timeconst, 2 * timestep);
  const dmax = Math.min(Math.max(solimp[1] ?? 0.95, 1e-4), 0.9999);
  return { d: limitImpedance(solimp, r), b: 2 / (dmax * t), k: 1 / (dmax * dmax * t * t * dampratio * dampratio) };
}
