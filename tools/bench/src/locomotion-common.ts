// Shared parts of the locomotion benchmarks: the tasks, MuJoCo (mujoco-js) stepping the same MJCF, and health rules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AntEnv, DEFAULT_OVERLAY, HalfCheetahEnv, HopperEnv, HumanoidEnv, HumanoidStandupEnv, InvertedDoublePendulumEnv, InvertedPendulumEnv, PusherEnv,
  ReacherEnv, Rng, SwimmerEnv, Walker2dEnv, make, type Env, type TaskOverlay,
} from '@rapier-gym/envs';
import loadMujoco from 'mujoco-js';

/** A locomotion task as both engines run it: Gymnasium id, robot file, frame skip and its health rule. */
export interface LocomotionTask {
  id: string;
  robot: string;
  frameSkip: number;
  /** Gymnasium v5's health rule on (qpos, qvel); undefined for tasks that never terminate. */
  healthy: ((qpos: ArrayLike<number>, qvel: ArrayLike<number>) => boolean) | undefined;
  /** Reset noise as Gymnasium draws it: uniform on qpos, uniform or normal on qvel. */
  noise: { scale: number; qvel: 'uniform' | 'normal' };
  /** qpos indices of the hinge angles the fidelity report compares, when not the default for its kind of robot. */
  angles?: number[];
}

export const TASKS: LocomotionTask[] = [
  {
    id: 'Hopper-v5', robot: 'hopper', frameSkip: 4, noise: { scale: 5e-3, qvel: 'uniform' },
    healthy: (q, v) => {
      for (let i = 2; i < q.length; i++) if (!(Math.abs(q[i]!) < 100)) return false;
      for (let i = 0; i < v.length; i++) if (!(Math.abs(v[i]!) < 100)) return false;
      return q[1]! > 0.7 && Math.abs(q[2]!) < 0.2;
    },
  },
  { id: 'Walker2d-v5', robot: 'walker2d', frameSkip: 4, noise: { scale: 5e-3, qvel: 'uniform' }, healthy: (q) => q[1]! > 0.8 && q[1]! < 2 && q[2]! > -1 && q[2]! < 1 },
  { id: 'HalfCheetah-v5', robot: 'half_cheetah', frameSkip: 5, noise: { scale: 0.1, qvel: 'normal' }, healthy: undefined },
  { id: 'Ant-v5', robot: 'ant', frameSkip: 5, noise: { scale: 0.1, qvel: 'normal' }, healthy: (q) => q[2]! >= 0.2 && q[2]! <= 1 },
  { id: 'InvertedPendulum-v5', robot: 'inverted_pendulum', frameSkip: 2, noise: { scale: 0.01, qvel: 'uniform' }, healthy: (q) => Math.abs(q[1]!) <= 0.2 },
  {
    // the tip (site 0) is 0.6 m up each pole, both hinged on the cart's axis at z = 0
    id: 'InvertedDoublePendulum-v5', robot: 'inverted_double_pendulum', frameSkip: 5, noise: { scale: 0.1, qvel: 'normal' },
    healthy: (q) => 0.6 * Math.cos(q[1]!) + 0.6 * Math.cos(q[1]! + q[2]!) > 1,
  },
  // fluid drag, no contacts: the torso angle and the two joints
  { id: 'Swimmer-v5', robot: 'swimmer', frameSkip: 4, noise: { scale: 0.1, qvel: 'uniform' }, healthy: undefined, angles: [2, 3, 4] },
  // the two arm hinges (qpos[2:] is the target); Gymnasium's goal sampling is not reproduced here, noise only
  { id: 'Reacher-v5', robot: 'reacher', frameSkip: 2, noise: { scale: 0.1, qvel: 'uniform' }, healthy: undefined, angles: [0, 1] },
  // the seven arm hinges (then the object's and goal's slides)
  { id: 'Pusher-v5', robot: 'pusher', frameSkip: 5, noise: { scale: 0.005, qvel: 'uniform' }, healthy: undefined, angles: [0, 1, 2, 3, 4, 5, 6] },
  // the 17 hinges after the free joint (qpos 7..23)
  {
    id: 'Humanoid-v5', robot: 'humanoid', frameSkip: 5, noise: { scale: 0.01, qvel: 'uniform' }, healthy: (q) => q[2]! > 1 && q[2]! < 2,
    angles: Array.from({ length: 17 }, (_, i) => 7 + i),
  },
  {
    id: 'HumanoidStandup-v5', robot: 'humanoidstandup', frameSkip: 5, noise: { scale: 0.01, qvel: 'uniform' }, healthy: undefined,
    angles: Array.from({ length: 17 }, (_, i) => 7 + i),
  },
];

/** Tasks whose health rule can be switched off (`terminate_when_unhealthy`). */
export function lenientOptions(task: LocomotionTask): Record<string, unknown> {
  return ['Hopper-v5', 'Walker2d-v5', 'Ant-v5', 'Humanoid-v5'].includes(task.id) ? { terminate_when_unhealthy: false } : {};
}

/** What the benchmarks read from a task env beyond the Env interface (MujocoEnv's public members). */
export interface TaskInternals {
  qpos: Float64Array;
  qvel: Float64Array;
  initQpos: Float64Array;
  initQvel: Float64Array;
  setState(qpos: ArrayLike<number>, qvel: ArrayLike<number>): void;
  jointErrors(): { separation: number; hingeOvershoot: number };
}

type TaskClass = new (options: Record<string, unknown>, overlay: Partial<TaskOverlay>) => Env;
const TASK_CLASSES: Record<string, TaskClass> = {
  'Hopper-v5': HopperEnv, 'Walker2d-v5': Walker2dEnv, 'HalfCheetah-v5': HalfCheetahEnv, 'Ant-v5': AntEnv,
  'InvertedPendulum-v5': InvertedPendulumEnv, 'InvertedDoublePendulum-v5': InvertedDoublePendulumEnv, 'Swimmer-v5': SwimmerEnv,
  'Reacher-v5': ReacherEnv, 'Pusher-v5': PusherEnv, 'Humanoid-v5': HumanoidEnv, 'HumanoidStandup-v5': HumanoidStandupEnv,
} as Record<string, TaskClass>;

/**
 * The task env without TimeLimit: from the registry (the tasks register when @rapier-gym/envs loads), or, with
 * `overlay`, from the task's class with those fields of its Rapier overlay replaced (`--overlay`).
 */
export function makeTask(id: string, options: Record<string, unknown> = {}, overlay?: Partial<TaskOverlay>): { env: Env; inner: TaskInternals } {
  const env = overlay ? new TASK_CLASSES[id]!(options, overlay) : make(id, { max_episode_steps: null, ...options });
  return { env, inner: env.unwrapped as unknown as TaskInternals };
}

/** `--overlay '{"softLimits":true}'`: fields replacing the tasks' Rapier overlays (undefined when absent). */
export function overlayFlag(argv: string[]): Partial<TaskOverlay> | undefined {
  const i = argv.indexOf('--overlay');
  if (i < 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(argv[i + 1] ?? '');
  } catch {
    throw new Error(`--overlay must be a JSON object of overlay fields (${Object.keys(DEFAULT_OVERLAY).join(', ')}), received ${String(argv[i + 1])}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`--overlay must be a JSON object, received ${String(argv[i + 1])}`);
  }
  for (const [key, value] of Object.entries(parsed)) {
    const expected = (DEFAULT_OVERLAY as unknown as Record<string, unknown>)[key];
    if (expected === undefined) throw new Error(`--overlay: unknown field "${key}"; expected one of ${Object.keys(DEFAULT_OVERLAY).join(', ')}`);
    if (typeof value !== typeof expected) throw new Error(`--overlay: field "${key}" must be a ${typeof expected}, received ${JSON.stringify(value)}`);
  }
  return parsed as Partial<TaskOverlay>;
}

export function robotFile(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../packages/envs/src/robots/${name}.xml`, import.meta.url)), 'utf8');
}

type Mujoco = Awaited<ReturnType<typeof loadMujoco>>;
let mujoco: Mujoco | undefined;

/** One MuJoCo simulation of a robot file (mujoco-js, MuJoCo's own WebAssembly build). */
export class MujocoSim {
  readonly model;
  readonly data;
  constructor(readonly mj: Mujoco, robot: string) {
    mj.FS.writeFile(`/${robot}.xml`, robotFile(robot));
    this.model = mj.MjModel.loadFromXML(`/${robot}.xml`);
    this.data = new mj.MjData(this.model);
  }

  get qpos(): Float64Array {
    return this.data.qpos as Float64Array;
  }

  get qvel(): Float64Array {
    return this.data.qvel as Float64Array;
  }

  /** MuJoCo's set_state: qpos, qvel, then mj_forward. */
  setState(qpos: ArrayLike<number>, qvel: ArrayLike<number>): void {
    this.mj.mj_resetData(this.model, this.data);
    (this.data.qpos as Float64Array).set(Array.from(qpos));
    (this.data.qvel as Float64Array).set(Array.from(qvel));
    this.mj.mj_forward(this.model, this.data);
  }

  /** data.ctrl = ctrl, then frame_skip × mj_step (Gymnasium's do_simulation). */
  step(ctrl: ArrayLike<number>, frameSkip: number): void {
    const c = this.data.ctrl as Float64Array;
    for (let i = 0; i < c.length; i++) c[i] = ctrl[i]!;
    for (let k = 0; k < frameSkip; k++) this.mj.mj_step(this.model, this.data);
  }

  delete(): void {
    this.data.delete();
    this.model.delete();
  }
}

export async function mujocoRuntime(): Promise<Mujoco> {
  mujoco ??= await loadMujoco();
  return mujoco;
}

/** Uniform controls in [−bound, bound], pre-drawn so that both engines see the same sequence. */
export function controlSequence(steps: number, size: number, seed: number, bound = 1): Float32Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: steps }, () => Float32Array.from({ length: size }, () => rng.uniformIn(-bound, bound)));
}

/** The task's control bound (InvertedPendulum's ctrlrange is ±3, every other task's ±1). */
export function controlBound(task: LocomotionTask): number {
  return task.id === 'InvertedPendulum-v5' ? 3 : task.id === 'Pusher-v5' ? 2 : task.id.startsWith('Humanoid') ? 0.4 : 1;
}

/** Gymnasium's reset noise for `task`, drawn from `rng`: init + U(±s) on qpos, U(±s) or s·N(0,1) on qvel. */
export function resetNoise(task: LocomotionTask, init: { qpos: ArrayLike<number>; nv: number }, rng: Rng): { qpos: Float64Array; qvel: Float64Array } {
  const s = task.noise.scale;
  const qpos = Float64Array.from(init.qpos, (v) => v + rng.uniformIn(-s, s));
  const qvel = Float64Array.from({ length: init.nv }, () => (task.noise.qvel === 'uniform' ? rng.uniformIn(-s, s) : s * rng.normal()));
  return { qpos, qvel };
}

/** Integer flag value from argv (`--name 123`), or the default. */
export function intFlag(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer, received ${String(argv[i + 1])}`);
  return v;
}

/** The tasks named by `--envs a,b` (default: all). */
export function selectedTasks(argv: string[]): LocomotionTask[] {
  const i = argv.indexOf('--envs');
  if (i < 0) return TASKS;
  const ids = (argv[i + 1] ?? '').split(',');
  const unknown = ids.filter((id) => !TASKS.some((t) => t.id === id));
  if (unknown.length > 0) throw new Error(`--envs: unknown task(s) ${unknown.join(', ')}; expected ${TASKS.map((t) => t.id).join(', ')}`);
  return TASKS.filter((t) => ids.includes(t.id));
}
