// CartPole-v1, the Barto–Sutton–Anderson cart-pole, mirroring gymnasium/envs/classic_control/cartpole.py (Gymnasium 1.x).
import { BaseEnv } from '../core/base-env.js';
import { envName, type EnvMetadata, type Info, type StepResult } from '../core/env.js';
import { describeValue } from '../core/format.js';
import type { SceneDescription } from '../core/scene.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import { poseBuffer, rgb255, worldBody, writePlanarPose } from './drawing.js';
import { parseResetBounds } from './reset-options.js';

/** Constructor options, under Gymnasium's keyword names. */
export type CartPoleOptions = {
  /** Sutton & Barto's reward: 0 on every step and -1 on the terminating one, instead of +1 on every step. Default false. */
  sutton_barto_reward: boolean;
};

export const CART_POLE_DEFAULTS: Readonly<CartPoleOptions> = Object.freeze({ sutton_barto_reward: false });

/** Gymnasium's drawing at 125 px/m: cart 50×30 px, pole 10 px wide, axle 7.5 px above the cart's centre. */
const CART_HALF_WIDTH = 0.2;
const CART_HALF_HEIGHT = 0.12;
const AXLE_OFFSET = 0.06;
const POLE_RADIUS = 0.04;
const CART_HALF_DEPTH = 0.15;
/** The pole swings just in front of the cart (towards the viewer at -y). */
const POLE_Y = -(CART_HALF_DEPTH + POLE_RADIUS);

/**
 * State (float64, as Gymnasium keeps it): [x, x_dot, theta, theta_dot], theta = 0 upright, positive leaning to +x.
 * Action 0 pushes the cart left with 10 N, 1 right. Dynamics: Florian's corrected equations
 * (https://coneural.org/florian/papers/05_cart_pole.pdf) integrated with explicit Euler (tau = 0.02 s).
 * Terminates when |x| > 2.4 or |theta| > 12°; the reward is 1 on every step including the terminating one
 * (`sutton_barto_reward`: 0, and -1 on termination). `make` truncates at 500 steps. Gymnasium only warns when
 * `step` is called after termination; here it throws (BaseEnv's rule).
 */
export class CartPoleEnv extends BaseEnv<Float32Array, number> {
  readonly gravity = 9.8;
  readonly masscart = 1.0;
  readonly masspole = 0.1;
  readonly totalMass = this.masspole + this.masscart;
  /** Half the pole's length. */
  readonly length = 0.5;
  readonly polemassLength = this.masspole * this.length;
  readonly forceMag = 10.0;
  /** Seconds between state updates. */
  readonly tau = 0.02;
  /** Gymnasium's `kinematics_integrator` attribute: 'euler' (the default) or the semi-implicit variant. */
  kinematicsIntegrator: 'euler' | 'semi-implicit-euler' = 'euler';
  readonly thetaThresholdRadians = (12 * 2 * Math.PI) / 360;
  readonly xThreshold = 2.4;
  readonly suttonBartoReward: boolean;
  readonly observationSpace = new Box(
    [-this.xThreshold * 2, -Infinity, -this.thetaThresholdRadians * 2, -Infinity],
    [this.xThreshold * 2, Infinity, this.thetaThresholdRadians * 2, Infinity],
  );
  readonly actionSpace = new Discrete(2);
  readonly metadata: EnvMetadata = { renderFps: 50, renderModes: ['scene'] };
  private readonly s = new Float64Array(4);

  constructor(options: Partial<CartPoleOptions> = {}) {
    super();
    const sutton = options.sutton_barto_reward ?? CART_POLE_DEFAULTS.sutton_barto_reward;
    if (typeof sutton !== 'boolean') {
      throw new Error(`CartPoleEnv: option sutton_barto_reward must be a boolean (default false), got ${describeValue(sutton)}`);
    }
    this.suttonBartoReward = sutton;
  }

  /** A copy of the state [x, x_dot, theta, theta_dot]. */
  get state(): Float64Array {
    return this.s.slice();
  }

  /** Overwrites the state (Gymnasium: `env.unwrapped.state = ...`); takes effect on the next step. */
  setState(state: ArrayLike<number>): void {
    if (state.length !== 4 || !Array.from(state).every(Number.isFinite)) {
      throw new Error(`${envName(this)}: setState expects 4 finite numbers [x, x_dot, theta, theta_dot], got ${describeValue(state)}`);
    }
    this.s.set(state);
  }

  /** Reset options `low`/`high` (defaults ±0.05) bound the uniform draw of all four state variables. */
  protected resetState(options: Record<string, unknown>): { obs: Float32Array; info: Info } {
    const { low, high } = parseResetBounds(options, -0.05, 0.05, envName(this));
    for (let i = 0; i < 4; i++) this.s[i] = this.rng.uniformIn(low, high);
    return { obs: Float32Array.from(this.s), info: {} };
  }

  protected stepState(action: number): StepResult {
    let x = this.s[0]!;
    let xDot = this.s[1]!;
    let theta = this.s[2]!;
    let thetaDot = this.s[3]!;
    const force = action === 1 ? this.forceMag : -this.forceMag;
    const costheta = Math.cos(theta);
    const sintheta = Math.sin(theta);

    const temp = (force + this.polemassLength * (thetaDot * thetaDot) * sintheta) / this.totalMass;
    const thetaacc =
      (this.gravity * sintheta - costheta * temp) /
      (this.length * (4.0 / 3.0 - (this.masspole * (costheta * costheta)) / this.totalMass));
    const xacc = temp - (this.polemassLength * thetaacc * costheta) / this.totalMass;

    if (this.kinematicsIntegrator === 'euler') {
      x = x + this.tau * xDot;
      xDot = xDot + this.tau * xacc;
      theta = theta + this.tau * thetaDot;
      thetaDot = thetaDot + this.tau * thetaacc;
    } else {
      xDot = xDot + this.tau * xacc;
      x = x + this.tau * xDot;
      thetaDot = thetaDot + this.tau * thetaacc;
      theta = theta + this.tau * thetaDot;
    }
    this.s[0] = x;
    this.s[1] = xDot;
    this.s[2] = theta;
    this.s[3] = thetaDot;

    const terminated =
      x < -this.xThreshold || x > this.xThreshold || theta < -this.thetaThresholdRadians || theta > this.thetaThresholdRadians;
    const reward = terminated ? (this.suttonBartoReward ? -1.0 : 1.0) : this.suttonBartoReward ? 0.0 : 1.0;
    return { obs: Float32Array.from(this.s), reward, terminated, truncated: false, info: {} };
  }

  /** World: the track between the ±2.4 m limits; body 1: the cart (box, axle); body 2: the pole (capsule, 1 m). */
  scene(): SceneDescription {
    return {
      name: this.spec?.id ?? 'CartPole-v1',
      up: 'z',
      dt: this.tau,
      trackBody: -1,
      bodies: [
        worldBody([
          { name: 'track', type: 'box', size: [this.xThreshold, 0.05, 0.005], pos: [0, 0, -0.005], quat: [0, 0, 0, 1], rgba: [0, 0, 0, 1], collides: false },
        ]),
        {
          name: 'cart',
          parent: 0,
          mass: this.masscart,
          com: [0, 0, 0],
          geoms: [
            { name: 'cart', type: 'box', size: [CART_HALF_WIDTH, CART_HALF_DEPTH, CART_HALF_HEIGHT], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: rgb255(40, 40, 40), collides: false },
            { name: 'axle', type: 'sphere', size: [POLE_RADIUS], pos: [0, POLE_Y, AXLE_OFFSET], quat: [0, 0, 0, 1], rgba: rgb255(129, 132, 203), collides: false },
          ],
        },
        {
          name: 'pole',
          parent: 1,
          mass: this.masspole,
          com: [0, 0, this.length],
          geoms: [
            { name: 'pole', type: 'capsule', size: [POLE_RADIUS, this.length], pos: [0, 0, this.length], quat: [0, 0, 0, 1], rgba: rgb255(202, 152, 101), collides: false },
          ],
        },
      ],
    };
  }

  /** The cart slides along x with its bottom on the track; the pole hinges on the axle, leaning to +x for theta > 0. */
  poses(out?: Float32Array): Float32Array {
    const buf = poseBuffer(out, 3, envName(this));
    const x = this.s[0]!;
    writePlanarPose(buf, 0, 0, 0, 0);
    writePlanarPose(buf, 1, x, CART_HALF_HEIGHT, 0);
    // Leaning to +x is a clockwise turn in the drawing.
    writePlanarPose(buf, 2, x, CART_HALF_HEIGHT + AXLE_OFFSET, -this.s[2]!, POLE_Y);
    return buf;
  }
}
