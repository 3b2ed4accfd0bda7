// Pendulum-v1, the torque-limited swing-up, mirroring gymnasium/envs/classic_control/pendulum.py (Gymnasium 1.x).
import { BaseEnv } from '../core/base-env.js';
import { envName, type EnvMetadata, type Info, type StepResult } from '../core/env.js';
import { describeValue } from '../core/format.js';
import type { SceneDescription } from '../core/scene.js';
import { Box } from '../spaces/box.js';
import { poseBuffer, rgb255, worldBody, writePlanarPose } from './drawing.js';
import { readResetNumber, rejectUnknownResetOptions } from './reset-options.js';
import { clip, pythonMod } from './scalar-math.js';

/** Constructor options, under Gymnasium's keyword names. */
export type PendulumOptions = {
  /** Gravitational acceleration in m/s² used by the dynamics (Gymnasium's `g`). Default 10.0. */
  g: number;
};

export const PENDULUM_DEFAULTS: Readonly<PendulumOptions> = Object.freeze({ g: 10.0 });

/** Gymnasium's default reset half-ranges: theta ~ U(-pi, pi), theta_dot ~ U(-1, 1) (DEFAULT_X, DEFAULT_Y). */
const DEFAULT_X = Math.PI;
const DEFAULT_Y = 1.0;
/** Height of the hinge in the rendered scene, so the hanging rod stays above z = 0. */
const PIVOT_Z = 1.2;

/** Maps an angle to [-pi, pi) with Python's modulo, exactly as pendulum.py's `angle_normalize`. */
export function angleNormalize(x: number): number {
  return pythonMod(x + Math.PI, 2 * Math.PI) - Math.PI;
}

/**
 * State (float64, as Gymnasium keeps it): [theta, theta_dot], theta = 0 upright, counter-clockwise positive.
 * Observation (float32): [cos theta, sin theta, theta_dot]. Action: torque in [-2, 2] N·m, clipped.
 * Reward: -(angle_normalize(theta)² + 0.1·theta_dot² + 0.001·u²) on the pre-step state. Never terminates;
 * `make` truncates at 200 steps. Arithmetic is float64 except where Gymnasium (under NumPy 2's promotion rules,
 * NEP 50) works in float32 because the torque is a float32: u², 0.001·u² and 3/(m·l²)·u are rounded to float32.
 */
export class PendulumEnv extends BaseEnv<Float32Array, Float32Array> {
  readonly maxSpeed = 8;
  readonly maxTorque = 2.0;
  readonly dt = 0.05;
  readonly m = 1.0;
  readonly l = 1.0;
  readonly g: number;
  readonly observationSpace = new Box([-1, -1, -8], [1, 1, 8]);
  readonly actionSpace = new Box(-2, 2, [1]);
  readonly metadata: EnvMetadata = { renderFps: 30, renderModes: ['scene'] };
  /** The last applied (clipped) torque, for renderers; null right after reset (Gymnasium's `last_u`). */
  lastTorque: number | null = null;
  private theta = 0;
  private thetaDot = 0;

  constructor(options: Partial<PendulumOptions> = {}) {
    super();
    const g = options.g ?? PENDULUM_DEFAULTS.g;
    if (typeof g !== 'number' || !Number.isFinite(g)) {
      throw new Error(`PendulumEnv: option g must be a finite number (default ${PENDULUM_DEFAULTS.g}), got ${describeValue(g)}`);
    }
    this.g = g;
  }

  /** A copy of the state [theta, theta_dot]. */
  get state(): Float64Array {
    return Float64Array.of(this.theta, this.thetaDot);
  }

  /** Overwrites the state (Gymnasium: `env.unwrapped.state = ...`); takes effect on the next step. */
  setState(state: ArrayLike<number>): void {
    if (state.length !== 2 || !Array.from(state).every(Number.isFinite)) {
      throw new Error(`${envName(this)}: setState expects 2 finite numbers [theta, theta_dot], got ${describeValue(state)}`);
    }
    this.theta = state[0]!;
    this.thetaDot = state[1]!;
  }

  /** Reset options: `x_init` (theta half-range, default pi) and `y_init` (theta_dot half-range, default 1). */
  protected resetState(options: Record<string, unknown>): { obs: Float32Array; info: Info } {
    const env = envName(this);
    rejectUnknownResetOptions(options, ['x_init', 'y_init'], env);
    const x = readResetNumber(options, 'x_init', DEFAULT_X, env);
    const y = readResetNumber(options, 'y_init', DEFAULT_Y, env);
    // np_random.uniform(low=-high, high=high) with high = [x, y]: theta is drawn first, then theta_dot.
    this.theta = this.rng.uniformIn(-x, x);
    this.thetaDot = this.rng.uniformIn(-y, y);
    this.lastTorque = null;
    return { obs: this.observe(), info: {} };
  }

  protected stepState(action: Float32Array): StepResult {
    const { g, m, l, dt } = this;
    const th = this.theta;
    const thdot = this.thetaDot;
    const u = clip(action[0]!, -this.maxTorque, this.maxTorque);
    this.lastTorque = u;
    const thNorm = angleNormalize(th);
    // u is a float32 scalar in Gymnasium: u**2 and the Python-float products with it stay float32 (NEP 50).
    const costs = thNorm * thNorm + 0.1 * (thdot * thdot) + Math.fround(Math.fround(0.001) * Math.fround(u * u));
    const torqueTerm = Math.fround(Math.fround(3.0 / (m * (l * l))) * u);
    let newThdot = thdot + (((3 * g) / (2 * l)) * Math.sin(th) + torqueTerm) * dt;
    newThdot = clip(newThdot, -this.maxSpeed, this.maxSpeed);
    const newTh = th + newThdot * dt;
    this.theta = newTh;
    this.thetaDot = newThdot;
    return { obs: this.observe(), reward: -costs, terminated: false, truncated: false, info: {} };
  }

  /** World (axle) and the rod: a capsule of length 1 from the hinge, drawn as Gymnasium draws it (width 0.2). */
  scene(): SceneDescription {
    const rod = rgb255(204, 77, 77);
    return {
      name: this.spec?.id ?? 'Pendulum-v1',
      up: 'z',
      dt: this.dt,
      trackBody: -1,
      bodies: [
        worldBody([
          { name: 'axle', type: 'sphere', size: [0.05], pos: [0, 0, PIVOT_Z], quat: [0, 0, 0, 1], rgba: [0, 0, 0, 1], collides: false },
        ]),
        {
          name: 'pole',
          parent: 0,
          mass: this.m,
          com: [0, 0, this.l / 2],
          geoms: [{ name: 'rod', type: 'capsule', size: [0.1, this.l / 2], pos: [0, 0, this.l / 2], quat: [0, 0, 0, 1], rgba: rod, collides: false }],
        },
      ],
    };
  }

  /** Body 1 hinges at the pivot; theta rotates it counter-clockwise from upright. */
  poses(out?: Float32Array): Float32Array {
    const buf = poseBuffer(out, 2, envName(this));
    writePlanarPose(buf, 0, 0, 0, 0);
    writePlanarPose(buf, 1, 0, PIVOT_Z, this.theta);
    return buf;
  }

  private observe(): Float32Array {
    return Float32Array.of(Math.cos(this.theta), Math.sin(this.theta), this.thetaDot);
  }
}
