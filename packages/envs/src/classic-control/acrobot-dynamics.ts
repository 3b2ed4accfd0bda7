// Acrobot equations of motion and the integrator, mirroring gymnasium/envs/classic_control/acrobot.py
// (`_dsdt`, `rk4`, `wrap`, `bound`), from Sutton & Barto, "Reinforcement Learning: An Introduction" (1998), §11.3.

/** Physical constants of the Acrobot (acrobot.py class attributes). */
export const ACROBOT = Object.freeze({
  linkLength1: 1.0,
  linkLength2: 1.0,
  linkMass1: 1.0,
  linkMass2: 1.0,
  /** Position of each link's centre of mass along the link. */
  linkComPos1: 0.5,
  linkComPos2: 0.5,
  /** Moment of inertia of both links. */
  linkMoi: 1.0,
  gravity: 9.8,
});

/** 'book': the equations of the book and its Java implementation (Gymnasium's default); 'nips': the NIPS paper's. */
export type AcrobotEquations = 'book' | 'nips';

/**
 * Time derivative of the augmented state [theta1, theta2, dtheta1, dtheta2, torque] (acrobot.py `_dsdt`):
 * d1 = m1 lc1² + m2 (l1² + lc2² + 2 l1 lc2 cos θ2) + I1 + I2,  d2 = m2 (lc2² + l1 lc2 cos θ2) + I2,
 * φ2 = m2 lc2 g cos(θ1 + θ2 − π/2),
 * φ1 = −m2 l1 lc2 θ̇2² sin θ2 − 2 m2 l1 lc2 θ̇2 θ̇1 sin θ2 + (m1 lc1 + m2 l1) g cos(θ1 − π/2) + φ2,
 * θ̈2 = (τ + d2/d1 φ1 − m2 l1 lc2 θ̇1² sin θ2 − φ2) / (m2 lc2² + I2 − d2²/d1)   (book; 'nips' omits the θ̇1² term),
 * θ̈1 = −(d2 θ̈2 + φ1) / d1.
 * The operations are written in Gymnasium's order so float64 results match it. Writes into `out` (length 5).
 */
export function acrobotDerivatives(s: ArrayLike<number>, equations: AcrobotEquations, out: Float64Array): Float64Array {
  const m1 = ACROBOT.linkMass1;
  const m2 = ACROBOT.linkMass2;
  const l1 = ACROBOT.linkLength1;
  const lc1 = ACROBOT.linkComPos1;
  const lc2 = ACROBOT.linkComPos2;
  const I1 = ACROBOT.linkMoi;
  const I2 = ACROBOT.linkMoi;
  const g = ACROBOT.gravity;
  const a = s[4]!;
  const theta1 = s[0]!;
  const theta2 = s[1]!;
  const dtheta1 = s[2]!;
  const dtheta2 = s[3]!;
  const d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * Math.cos(theta2)) + I1 + I2;
  const d2 = m2 * (lc2 * lc2 + l1 * lc2 * Math.cos(theta2)) + I2;
  const phi2 = m2 * lc2 * g * Math.cos(theta1 + theta2 - Math.PI / 2.0);
  const phi1 =
    -m2 * l1 * lc2 * (dtheta2 * dtheta2) * Math.sin(theta2) -
    2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.sin(theta2) +
    (m1 * lc1 + m2 * l1) * g * Math.cos(theta1 - Math.PI / 2) +
    phi2;
  let ddtheta2: number;
  if (equations === 'nips') {
    ddtheta2 = (a + (d2 / d1) * phi1 - phi2) / (m2 * (lc2 * lc2) + I2 - (d2 * d2) / d1);
  } else {
    ddtheta2 =
      (a + (d2 / d1) * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * Math.sin(theta2) - phi2) /
      (m2 * (lc2 * lc2) + I2 - (d2 * d2) / d1);
  }
  const ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
  out[0] = dtheta1;
  out[1] = dtheta2;
  out[2] = ddtheta1;
  out[3] = ddtheta2;
  out[4] = 0.0;
  return out;
}

/**
 * One classical Runge–Kutta step of length `dt` (acrobot.py `rk4` over t = [0, dt]):
 * y1 = y0 + dt/6 · (k1 + 2 k2 + 2 k3 + k4), with k2, k3 taken at half steps. Returns a new array.
 */
export function rk4Step(derivs: (y: Float64Array, out: Float64Array) => Float64Array, y0: ArrayLike<number>, dt: number): Float64Array {
  const n = y0.length;
  const y = Float64Array.from(y0);
  const tmp = new Float64Array(n);
  const dt2 = dt / 2.0;
  const k1 = derivs(y, new Float64Array(n));
  for (let i = 0; i < n; i++) tmp[i] = y[i]! + dt2 * k1[i]!;
  const k2 = derivs(tmp, new Float64Array(n));
  for (let i = 0; i < n; i++) tmp[i] = y[i]! + dt2 * k2[i]!;
  const k3 = derivs(tmp, new Float64Array(n));
  for (let i = 0; i < n; i++) tmp[i] = y[i]! + dt * k3[i]!;
  const k4 = derivs(tmp, new Float64Array(n));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = y[i]! + (dt / 6.0) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
  return out;
}

/** Wraps `x` into [m, M] by repeatedly adding or subtracting M − m (acrobot.py `wrap`). */
export function wrap(x: number, m: number, M: number): number {
  if (!Number.isFinite(x)) throw new Error(`wrap: expected a finite number, got ${x}`);
  const diff = M - m;
  while (x > M) x = x - diff;
  while (x < m) x = x + diff;
  return x;
}
