// checkEnv: verifies that an env honours the Env contract, as Gymnasium's gymnasium/utils/env_checker.py check_env.
import type { Env } from '../core/env.js';
import { envName } from '../core/env.js';
import { POSE_STRIDE } from '../core/scene.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import type { Space } from '../spaces/space.js';

export interface CheckEnvOptions {
  /** Seed used for the determinism checks (default 123, as Gymnasium). */
  seed?: number;
  /** Steps taken per rollout in the determinism and step checks (default 50). */
  steps?: number;
  /** Skip the scene()/poses() checks (default false). */
  skipRenderCheck?: boolean;
}

/** Thrown by `checkEnv` with every problem found, one per line. */
export class EnvCheckError extends Error {
  constructor(
    readonly env: string,
    readonly problems: string[],
  ) {
    super(`checkEnv(${env}) found ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'EnvCheckError';
  }
}

/**
 * Runs the checks and throws an EnvCheckError listing every problem found. It resets and steps the env, so call it
 * on a fresh instance. Checks: spaces are Box or Discrete (or implement Space); reset and step return values of the
 * right types inside the observation space; rewards are finite numbers; terminated/truncated are booleans; the same
 * seed and actions reproduce the same observations and rewards bit for bit; reset() without a seed continues the
 * stream; step before reset and NaN/wrong-size actions throw; the scene and poses follow the rendering contract.
 */
export function checkEnv(env: Env<unknown, unknown>, options: CheckEnvOptions = {}): void {
  const seed = options.seed ?? 123;
  const steps = options.steps ?? 50;
  const name = envName(env);
  const problems: string[] = [];
  const attempt = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      problems.push(`${what}: ${(e as Error).message}`);
    }
  };

  attempt('spaces', () => checkSpaces(env, problems));
  attempt('bad input', () => checkBadInput(env, problems));
  attempt('reset/step contract', () => checkContract(env, seed, steps, problems));
  attempt('determinism', () => checkDeterminism(env, seed, steps, problems));
  if (!options.skipRenderCheck) attempt('render contract', () => checkRender(env, problems));
  if (problems.length > 0) throw new EnvCheckError(name, problems);
}

function checkSpaces(env: Env<unknown, unknown>, problems: string[]): void {
  for (const [label, space] of [['observationSpace', env.observationSpace], ['actionSpace', env.actionSpace]] as const) {
    if (!space || typeof space.sample !== 'function' || typeof space.contains !== 'function') {
      problems.push(`${label} must be a Space (Box, Discrete, …), got ${String(space)}`);
      continue;
    }
    const s = space as Space<unknown>;
    s.seed(0);
    const a = s.sample();
    if (!s.contains(a)) problems.push(`${label}.sample() returned a value outside the space`);
    s.seed(0);
    const b = s.sample();
    if (!sameValue(a, b)) problems.push(`${label}.seed(0) does not make sample() reproducible`);
    if (space instanceof Box && label === 'observationSpace' && space.size === 0) problems.push('observationSpace is empty');
  }
  if (!(env.observationSpace instanceof Box)) {
    problems.push(`observationSpace should be a Box of float32 observations, got ${String(env.observationSpace)}`);
  }
  if (!(typeof env.metadata?.renderFps === 'number' && env.metadata.renderFps > 0)) {
    problems.push(`metadata.renderFps must be a positive number, got ${String(env.metadata?.renderFps)}`);
  }
}

function checkBadInput(env: Env<unknown, unknown>, problems: string[]): void {
  env.reset({ seed: 0 });
  const space = env.actionSpace;
  if (space instanceof Box) {
    const nan = space.sample();
    nan[0] = NaN;
    expectThrow(() => env.step(nan), 'a NaN action', problems);
    expectThrow(() => env.step(new Float32Array(space.size + 1)), `an action of length ${space.size + 1}`, problems);
  } else if (space instanceof Discrete) {
    expectThrow(() => env.step(space.start + space.n), `the discrete action ${space.start + space.n}`, problems);
    expectThrow(() => env.step(space.start + 0.5), `the non-integer action ${space.start + 0.5}`, problems);
  }
}

function expectThrow(fn: () => unknown, what: string, problems: string[]): void {
  try {
    fn();
  } catch {
    return;
  }
  problems.push(`step() accepted ${what}; it must throw an Error naming the env and the expected action`);
}

function checkContract(env: Env<unknown, unknown>, seed: number, steps: number, problems: string[]): void {
  const first = env.reset({ seed });
  checkObs(env, first.obs, 'reset()', problems);
  if (typeof first.info !== 'object' || first.info === null) problems.push('reset() info must be an object');
  env.actionSpace.seed(seed);
  for (let t = 0; t < steps; t++) {
    const r = env.step(env.actionSpace.sample());
    checkObs(env, r.obs, `step() #${t}`, problems);
    if (typeof r.reward !== 'number' || !Number.isFinite(r.reward)) problems.push(`step() #${t} reward must be a finite number, got ${String(r.reward)}`);
    if (typeof r.terminated !== 'boolean') problems.push(`step() #${t} terminated must be a boolean`);
    if (typeof r.truncated !== 'boolean') problems.push(`step() #${t} truncated must be a boolean`);
    if (typeof r.info !== 'object' || r.info === null) problems.push(`step() #${t} info must be an object`);
    if (problems.length > 0) return;
    if (r.terminated || r.truncated) {
      expectThrow(() => env.step(env.actionSpace.sample()), 'a step after the episode ended without reset()', problems);
      env.reset();
    }
  }
}

function checkObs(env: Env<unknown, unknown>, obs: unknown, where: string, problems: string[]): void {
  if (!(obs instanceof Float32Array)) {
    problems.push(`${where} observation must be a Float32Array, got ${obs?.constructor?.name ?? typeof obs}`);
    return;
  }
  const length = obs.length;
  if (!env.observationSpace.contains(obs)) {
    const space = env.observationSpace;
    const size = space instanceof Box ? space.size : NaN;
    problems.push(`${where} observation (length ${length}) is not inside ${String(space)} (length ${size})`);
  }
}

function rollout(env: Env<unknown, unknown>, seed: number, steps: number, reseed: boolean): number[] {
  const trace: number[] = [];
  const record = (obs: unknown): void => {
    for (const v of obs as Float32Array) trace.push(v);
  };
  record(env.reset(reseed ? { seed } : {}).obs);
  env.actionSpace.seed(seed + 1);
  for (let t = 0; t < steps; t++) {
    const r = env.step(env.actionSpace.sample());
    record(r.obs);
    trace.push(r.reward, r.terminated ? 1 : 0, r.truncated ? 1 : 0);
    if (r.terminated || r.truncated) record(env.reset().obs);
  }
  return trace;
}

function checkDeterminism(env: Env<unknown, unknown>, seed: number, steps: number, problems: string[]): void {
  const a = rollout(env, seed, steps, true);
  const b = rollout(env, seed, steps, true);
  const i = firstDifference(a, b);
  if (i >= 0) problems.push(`the same seed and actions gave different results at value ${i}: ${a[i]} vs ${b[i]} (reset({ seed }) must reseed every source of randomness)`);
  const first = env.reset({ seed }).obs as Float32Array;
  const again = env.reset().obs as Float32Array;
  const third = env.reset().obs as Float32Array;
  if (env.observationSpace instanceof Box && sameValue(again, first) && sameValue(third, first)) {
    problems.push('reset() without a seed returned the seeded initial observation again; it should continue the random stream');
  }
}

function checkRender(env: Env<unknown, unknown>, problems: string[]): void {
  if (typeof env.scene !== 'function' || typeof env.poses !== 'function') {
    problems.push('the env must implement scene() and poses(out?) (rendering contract)');
    return;
  }
  env.reset({ seed: 0 });
  const scene = env.scene();
  if (!scene || !Array.isArray(scene.bodies) || scene.bodies.length === 0) {
    problems.push('scene() must describe at least one body');
    return;
  }
  if (!(scene.dt > 0)) problems.push(`scene().dt must be positive, got ${String(scene.dt)}`);
  if (scene.trackBody < -1 || scene.trackBody >= scene.bodies.length) problems.push(`scene().trackBody ${scene.trackBody} is not a body index`);
  scene.bodies.forEach((b, i) => {
    if (b.parent < -1 || b.parent >= i) problems.push(`scene body ${i} (${b.name}) has parent ${b.parent}; parents must come first`);
    for (const g of b.geoms) {
      if (!['plane', 'sphere', 'capsule', 'cylinder', 'box', 'ellipsoid'].includes(g.type)) problems.push(`body ${b.name}: unknown geom type ${String(g.type)}`);
      if (g.pos.length !== 3 || g.quat.length !== 4 || g.rgba.length !== 4) problems.push(`body ${b.name}: geom pos/quat/rgba must have 3/4/4 numbers`);
      if (![...g.size, ...g.pos, ...g.quat, ...g.rgba].every(Number.isFinite)) problems.push(`body ${b.name}: geom has non-finite numbers`);
    }
  });
  const poses = env.poses();
  const expected = scene.bodies.length * POSE_STRIDE;
  if (!(poses instanceof Float32Array) || poses.length !== expected) {
    problems.push(`poses() must return a Float32Array of ${expected} floats (${scene.bodies.length} bodies × ${POSE_STRIDE}), got length ${(poses as unknown as { length?: number })?.length}`);
    return;
  }
  const out = new Float32Array(expected);
  if (env.poses(out) !== out) problems.push('poses(out) must write into and return `out`');
  for (let b = 0; b < scene.bodies.length; b++) {
    const q = poses.subarray(b * POSE_STRIDE + 3, b * POSE_STRIDE + 7);
    const norm = Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!);
    if (!poses.subarray(b * POSE_STRIDE, (b + 1) * POSE_STRIDE).every(Number.isFinite) || Math.abs(norm - 1) > 1e-3) {
      problems.push(`poses() body ${b} (${scene.bodies[b]!.name}) must be finite with a unit quaternion, got norm ${norm}`);
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    return x.length === y.length && firstDifference(Array.from(x), Array.from(y)) < 0;
  }
  return Object.is(a, b);
}

function firstDifference(a: number[], b: number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}
