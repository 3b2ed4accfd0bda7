// Acrobot-v1, the two-link underactuated swing-up, mirroring gymnasium/envs/classic_control/acrobot.py (Gymnasium 1.x).
import { BaseEnv } from '../core/base-env.js';
import { envName, type EnvMetadata, type Info, type StepResult } from '../core/env.js';
import { describeValue } from '../core/format.js';
import type { SceneDescription } from '../core/scene.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import { ACROBOT, acrobotDerivatives, rk4Step, wrap, type AcrobotEquations } from './acrobot-dynamics.js';
import { poseBuffer, rgb255, worldBody, writePlanarPose } from './drawing.js';
import { parseResetBounds } from './reset-options.js';
import { clip } from './scalar-math.js';

/** Acrobot takes no constructor options in Gymnasium. */
export type AcrobotOptions = Record<string, never>;

const MAX_VEL_1 = 4 * Math.PI;
const MAX_VEL_2 = 9 * Math.PI;
/** Height of the shoulder in the rendered scene, so the hanging links stay above z = 0. */
const PIVOT_Z = 2.2;

/**
 * State (float64): [theta1, theta2, dtheta1, dtheta2]; theta1 = 0 hangs down, theta2 is relative to link 1.
 * Actions 0, 1, 2 apply torque -1, 0, +1 at the elbow; one step integrates the book equations with RK4 over
 * dt = 0.2 s, then wraps the angles to [-pi, pi] and bounds the velocities to ±4pi, ±9pi.
 * Observation (float32): [cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2]. Terminates when the tip is more than one link
 * length above the shoulder (−cos θ1 − cos(θ1 + θ2) > 1); reward −1 per step, 0 on the terminating step.
 * `make` truncates at 500 steps. As in Gymnasium the reset state is rounded to float32 and later states are float64.
 */
export class AcrobotEnv extends BaseEnv<Float32Array, number> {
  readonly dt = 0.2;
  readonly availTorque: readonly number[] = [-1.0, 0.0, 1];
  /** Uniform noise added to the torque, drawn from the env's generator when > 0 (Gymnasium's `torque_noise_max`). */
  torqueNoiseMax = 0.0;
  /** Which equations of motion to use (Gymnasium's `book_or_nips`). */
  bookOrNips: AcrobotEquations = 'book';
  readonly observationSpace = new Box([-1, -1, -1, -1, -MAX_VEL_1, -MAX_VEL_2], [1, 1, 1, 1, MAX_VEL_1, MAX_VEL_2]);
  readonly actionSpace = new Discrete(3);
  readonly metadata: EnvMetadata = { renderFps: 15, renderModes: ['scene'] };
  private s = new Float64Array(4);

  constructor(options: Partial<AcrobotOptions> = {}) {
    super();
    const keys = Object.keys(options);
    if (keys.length > 0) {
      throw new Error(`AcrobotEnv: takes no options, got ${describeValue(options)}`);
    }
  }

  /** A copy of the state [theta1, theta2, dtheta1, dtheta2]. */
  get state(): Float64Array {
    return this.s.slice();
  }

  /** Overwrites the state (Gymnasium: `env.unwrapped.state = ...`); takes effect on the next step. */
  setState(state: ArrayLike<number>): void {
    if (state.length !== 4 || !Array.from(state).every(Number.isFinite)) {
      throw new Error(`${envName(this)}: setState expects 4 finite numbers [theta1, theta2, dtheta1, dtheta2], got ${describeValue(state)}`);
    }
    this.s.set(state);
  }

  /** Reset options `low`/`high` (defaults ±0.1) bound the uniform draw of all four state variables. */
  protected resetState(options: Record<string, unknown>): { obs: Float32Array; info: Info } {
    const { low, high } = parseResetBounds(options, -0.1, 0.1, envName(this));
    // np_random.uniform(...).astype(np.float32): the reset state is float32.
    for (let i = 0; i < 4; i++) this.s[i] = Math.fround(this.rng.uniformIn(low, high));
    return { obs: this.observe(), info: {} };
  }

  protected stepState(action: number): StepResult {
    let torque = this.availTorque[action]!;
    if (this.torqueNoiseMax > 0) torque += this.rng.uniformIn(-this.torqueNoiseMax, this.torqueNoiseMax);
    const augmented = [this.s[0]!, this.s[1]!, this.s[2]!, this.s[3]!, torque];
    const ns = rk4Step((y, out) => acrobotDerivatives(y, this.bookOrNips, out), augmented, this.dt);
    this.s[0] = wrap(ns[0]!, -Math.PI, Math.PI);
    this.s[1] = wrap(ns[1]!, -Math.PI, Math.PI);
    this.s[2] = clip(ns[2]!, -MAX_VEL_1, MAX_VEL_1);
    this.s[3] = clip(ns[3]!, -MAX_VEL_2, MAX_VEL_2);
    const terminated = this.isTerminal();
    const reward = terminated ? 0.0 : -1.0;
    return { obs: this.observe(), reward, terminated, truncated: false, info: {} };
  }

  /** World: shoulder and the goal line one link length above it; bodies 1 and 2: the links (capsules of length 1). */
  scene(): SceneDescription {
    const link = rgb255(0, 204, 204);
    const joint = rgb255(204, 204, 0);
    const halfLength1 = ACROBOT.linkLength1 / 2;
    const halfLength2 = ACROBOT.linkLength2 / 2;
    return {
      name: this.spec?.id ?? 'Acrobot-v1',
      up: 'z',
      dt: this.dt,
      trackBody: -1,
      bodies: [
        worldBody([
          { name: 'shoulder', type: 'sphere', size: [0.1], pos: [0, -0.11, PIVOT_Z], quat: [0, 0, 0, 1], rgba: joint, collides: false },
          { name: 'goal_line', type: 'box', size: [2.2, 0.005, 0.005], pos: [0, 0, PIVOT_Z + ACROBOT.linkLength1], quat: [0, 0, 0, 1], rgba: [0, 0, 0, 1], collides: false },
        ]),
        {
          name: 'link1',
          parent: 0,
          mass: ACROBOT.linkMass1,
          com: [0, 0, -ACROBOT.linkComPos1],
          geoms: [{ name: 'link1', type: 'capsule', size: [0.1, halfLength1], pos: [0, 0, -halfLength1], quat: [0, 0, 0, 1], rgba: link, collides: false }],
        },
        {
          name: 'link2',
          parent: 1,
          mass: ACROBOT.linkMass2,
          com: [0, 0, -ACROBOT.linkComPos2],
          geoms: [
            { name: 'link2', type: 'capsule', size: [0.1, halfLength2], pos: [0, 0, -halfLength2], quat: [0, 0, 0, 1], rgba: link, collides: false },
            { name: 'elbow', type: 'sphere', size: [0.1], pos: [0, -0.11, 0], quat: [0, 0, 0, 1], rgba: joint, collides: false },
          ],
        },
      ],
    };
  }

  /** Link 1 hangs from the shoulder rotated counter-clockwise by θ1; link 2 from the elbow by θ1 + θ2. */
  poses(out?: Float32Array): Float32Array {
    const buf = poseBuffer(out, 3, envName(this));
    const t1 = this.s[0]!;
    const t12 = t1 + this.s[1]!;
    writePlanarPose(buf, 0, 0, 0, 0);
    writePlanarPose(buf, 1, 0, PIVOT_Z, t1);
    writePlanarPose(buf, 2, ACROBOT.linkLength1 * Math.sin(t1), PIVOT_Z - ACROBOT.linkLength1 * Math.cos(t1), t12);
    return buf;
  }

  private isTerminal(): boolean {
    return -Math.cos(this.s[0]!) - Math.cos(this.s[1]! + this.s[0]!) > 1.0;
  }

  private observe(): Float32Array {
    const s = this.s;
    return Float32Array.of(Math.cos(s[0]!), Math.sin(s[0]!), Math.cos(s[1]!), Math.sin(s[1]!), s[2]!, s[3]!);
  }
}
