// MountainCarContinuous-v0, mirroring gymnasium/envs/classic_control/continuous_mountain_car.py (Gymnasium 1.x).
import { BaseEnv } from '../core/base-env.js';
import { envName, type EnvMetadata, type Info, type StepResult } from '../core/env.js';
import { describeValue } from '../core/format.js';
import type { SceneDescription, SceneGeom } from '../core/scene.js';
import { Box } from '../spaces/box.js';
import { planarQuat, poseBuffer, rgb255, worldBody, writePlanarPose } from './drawing.js';
import { parseResetBounds } from './reset-options.js';

/** Constructor options, under Gymnasium's keyword names. */
export type MountainCarContinuousOptions = {
  /** Minimum velocity the car must have at the goal position for the episode to terminate. Default 0. */
  goal_velocity: number;
};

export const MOUNTAIN_CAR_CONTINUOUS_DEFAULTS: Readonly<MountainCarContinuousOptions> = Object.freeze({ goal_velocity: 0 });

/** Gymnasium's drawing: 600 px for the 1.8 m track; car 40×20 px, clearance 10 px, wheels of radius 8 px. */
const PX = 1.8 / 600;
const CAR_HALF_WIDTH = 20 * PX;
const CAR_HEIGHT = 20 * PX;
const CLEARANCE = 10 * PX;
const WHEEL_RADIUS = (20 / 2.5) * PX;
const HILL_SEGMENTS = 48;
const RENDER_FPS = 30;

/** The hill's height at position x (continuous_mountain_car.py `_height`). */
export function mountainCarHeight(x: number): number {
  return Math.sin(3 * x) * 0.45 + 0.55;
}

/**
 * State: [position, velocity]. Dynamics per step: v += clip(a, -1, 1)·0.0015 − 0.0025·cos(3x), v clipped to ±0.07;
 * x += v, clipped to [-1.2, 0.6], and v = 0 on hitting the left wall. Terminates when x >= 0.45 and
 * v >= goal_velocity. Reward: 100 on termination, minus 0.1·a² of the unclipped action. `make` truncates at 999.
 * As in Gymnasium, the state is float64 right after reset and float32 after every step.
 */
export class MountainCarContinuousEnv extends BaseEnv<Float32Array, Float32Array> {
  readonly minAction = -1.0;
  readonly maxAction = 1.0;
  readonly minPosition = -1.2;
  readonly maxPosition = 0.6;
  readonly maxSpeed = 0.07;
  readonly goalPosition = 0.45;
  readonly power = 0.0015;
  readonly goalVelocity: number;
  readonly observationSpace = new Box([-1.2, -0.07], [0.6, 0.07]);
  readonly actionSpace = new Box(-1, 1, [1]);
  readonly metadata: EnvMetadata = { renderFps: RENDER_FPS, renderModes: ['scene'] };
  private position = 0;
  private velocity = 0;
  /** False right after reset or setState (a float64 state, as Gymnasium's reset leaves it), true after a step. */
  private stateIsFloat32 = false;

  constructor(options: Partial<MountainCarContinuousOptions> = {}) {
    super();
    const goalVelocity = options.goal_velocity ?? MOUNTAIN_CAR_CONTINUOUS_DEFAULTS.goal_velocity;
    if (typeof goalVelocity !== 'number' || !Number.isFinite(goalVelocity)) {
      throw new Error(`MountainCarContinuousEnv: option goal_velocity must be a finite number (default 0), got ${describeValue(goalVelocity)}`);
    }
    this.goalVelocity = goalVelocity;
  }

  /** A copy of the state [position, velocity]. */
  get state(): Float64Array {
    return Float64Array.of(this.position, this.velocity);
  }

  /** Overwrites the state (Gymnasium: `env.unwrapped.state = ...`); takes effect on the next step. */
  setState(state: ArrayLike<number>): void {
    if (state.length !== 2 || !Array.from(state).every(Number.isFinite)) {
      throw new Error(`${envName(this)}: setState expects 2 finite numbers [position, velocity], got ${describeValue(state)}`);
    }
    this.position = state[0]!;
    this.velocity = state[1]!;
    this.stateIsFloat32 = false;
  }

  /** Reset options `low`/`high` (defaults -0.6, -0.4) bound the uniform start position; the velocity starts at 0. */
  protected resetState(options: Record<string, unknown>): { obs: Float32Array; info: Info } {
    const { low, high } = parseResetBounds(options, -0.6, -0.4, envName(this));
    this.position = this.rng.uniformIn(low, high);
    this.velocity = 0;
    this.stateIsFloat32 = false;
    return { obs: Float32Array.of(this.position, this.velocity), info: {} };
  }

  protected stepState(action: Float32Array): StepResult {
    // Gymnasium keeps the state as float32 after a step, and NumPy 2 (NEP 50) then does the step's arithmetic and
    // comparisons in float32 wherever a float32 meets a Python float; Math.fround and `cmp` replay exactly those roundings.
    const stateIs32 = this.stateIsFloat32;
    let position = this.position;
    let velocity = this.velocity;
    let positionIs32 = stateIs32;
    let velocityIs32 = stateIs32;
    const cmp = (constant: number, is32: boolean): number => (is32 ? Math.fround(constant) : constant);

    // min(max(a, -1.0), 1.0) keeps the float32 action unless it lies strictly outside [-1, 1].
    const a = action[0]!;
    const forceIs32 = a >= this.minAction && a <= this.maxAction;
    const force = Math.min(Math.max(a, this.minAction), this.maxAction);
    const slope = 0.0025 * Math.cos(positionIs32 ? Math.fround(3 * position) : 3 * position);
    const dv = forceIs32 ? Math.fround(Math.fround(force * Math.fround(this.power)) - Math.fround(slope)) : force * this.power - slope;
    velocity = velocityIs32 ? Math.fround(velocity + Math.fround(dv)) : velocity + dv;
    if (velocity > cmp(this.maxSpeed, velocityIs32)) [velocity, velocityIs32] = [this.maxSpeed, false];
    if (velocity < cmp(-this.maxSpeed, velocityIs32)) [velocity, velocityIs32] = [-this.maxSpeed, false];
    position = positionIs32 ? Math.fround(position + Math.fround(velocity)) : position + velocity;
    if (position > cmp(this.maxPosition, positionIs32)) [position, positionIs32] = [this.maxPosition, false];
    if (position < cmp(this.minPosition, positionIs32)) [position, positionIs32] = [this.minPosition, false];
    if (position === cmp(this.minPosition, positionIs32) && velocity < 0) [velocity, velocityIs32] = [0, false];

    const terminated = position >= cmp(this.goalPosition, positionIs32) && velocity >= cmp(this.goalVelocity, velocityIs32);
    let reward = 0;
    if (terminated) reward = 100.0;
    // math.pow(action[0], 2) * 0.1: Python floats, on the unclipped action.
    reward -= a * a * 0.1;

    this.position = Math.fround(position);
    this.velocity = Math.fround(velocity);
    this.stateIsFloat32 = true;
    return { obs: Float32Array.of(this.position, this.velocity), reward, terminated, truncated: false, info: {} };
  }

  /** World: the hill y = sin(3x)·0.45 + 0.55 as thin boxes in the x–z plane, and the goal flag; body 1: the car. */
  scene(): SceneDescription {
    const hill: SceneGeom[] = [];
    const span = this.maxPosition - this.minPosition;
    for (let i = 0; i < HILL_SEGMENTS; i++) {
      const x0 = this.minPosition + (span * i) / HILL_SEGMENTS;
      const x1 = this.minPosition + (span * (i + 1)) / HILL_SEGMENTS;
      const z0 = mountainCarHeight(x0);
      const z1 = mountainCarHeight(x1);
      hill.push({
        name: `hill${i}`,
        type: 'box',
        size: [Math.hypot(x1 - x0, z1 - z0) / 2, 0.1, 0.005],
        pos: [(x0 + x1) / 2, 0, (z0 + z1) / 2],
        quat: planarQuat(Math.atan2(z1 - z0, x1 - x0)),
        rgba: [0, 0, 0, 1],
        collides: false,
      });
    }
    const flagBase = mountainCarHeight(this.goalPosition);
    const flagHeight = 50 * PX;
    const wheelQuat: [number, number, number, number] = [-Math.SQRT1_2, 0, 0, Math.SQRT1_2];
    const wheel = (name: string, x: number): SceneGeom => ({
      name,
      type: 'cylinder',
      size: [WHEEL_RADIUS, 0.045],
      pos: [x, 0, 0],
      quat: wheelQuat,
      rgba: rgb255(128, 128, 128),
      collides: false,
    });
    return {
      name: this.spec?.id ?? 'MountainCarContinuous-v0',
      up: 'z',
      // The dynamics have no physical time step (one step is one time unit); play them at Gymnasium's render_fps.
      dt: 1 / RENDER_FPS,
      trackBody: -1,
      bodies: [
        worldBody([
          ...hill,
          { name: 'flagpole', type: 'box', size: [0.002, 0.002, flagHeight / 2], pos: [this.goalPosition, 0, flagBase + flagHeight / 2], quat: [0, 0, 0, 1], rgba: [0, 0, 0, 1], collides: false },
          { name: 'flag', type: 'box', size: [12.5 * PX, 0.002, 5 * PX], pos: [this.goalPosition + 12.5 * PX, 0, flagBase + flagHeight - 5 * PX], quat: [0, 0, 0, 1], rgba: rgb255(204, 204, 0), collides: false },
        ]),
        {
          name: 'car',
          parent: 0,
          geoms: [
            { name: 'chassis', type: 'box', size: [CAR_HALF_WIDTH, 0.04, CAR_HEIGHT / 2], pos: [0, 0, CAR_HEIGHT / 2], quat: [0, 0, 0, 1], rgba: [0, 0, 0, 1], collides: false },
            wheel('rear_wheel', -CAR_HALF_WIDTH / 2),
            wheel('front_wheel', CAR_HALF_WIDTH / 2),
          ],
        },
      ],
    };
  }

  /** The car sits `clearance` above the hill at its position, tilted by cos(3x) radians as Gymnasium draws it. */
  poses(out?: Float32Array): Float32Array {
    const buf = poseBuffer(out, 2, envName(this));
    writePlanarPose(buf, 0, 0, 0, 0);
    const x = this.position;
    writePlanarPose(buf, 1, x, mountainCarHeight(x) + CLEARANCE, Math.cos(3 * x));
    return buf;
  }
}
