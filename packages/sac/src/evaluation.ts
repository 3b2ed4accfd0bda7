// Evaluation: N episodes of a policy on its own env, episode k reset with seed + k; optional per-step frames for rollouts.
import { Rng, type Env, type Info, type SceneDescription } from '@rapier-gym/envs';
import type { ActionAdapter } from './action-adapter.js';
import type { SnapshotActor } from './policy-snapshot.js';

/** One recorded step: frame 0 is the reset state (zero action and reward), then one frame per env.step. */
export interface EvalFrame {
  step: number;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  /** 7 floats per scene body (position, quaternion x y z w). */
  poses: Float32Array;
  /** The env action (Box: scaled; Discrete: the index as one float). */
  action: Float32Array;
  /** Values of `infoTerms`, in order (booleans as 0/1, missing as 0). */
  info: Float32Array;
  observation: Float32Array;
}

/** Why an episode ended: "terminated", "time_limit", "physics_error" or "max_steps". */
export type EpisodeEndReason = 'terminated' | 'time_limit' | 'physics_error' | 'max_steps';

/** A finished evaluation episode, with what a rollout file or a live viewer needs. */
export interface EvalEpisode {
  envId: string;
  /** Training step whose policy was evaluated. */
  checkpointStep: number;
  /** Index of the episode within its evaluation. */
  episode: number;
  seed: number;
  deterministic: boolean;
  episodeReturn: number;
  length: number;
  terminated: boolean;
  truncated: boolean;
  reason: EpisodeEndReason;
  /** Present when frames were recorded. */
  scene?: SceneDescription;
  infoTerms: string[];
  observationSize: number;
  actionSize: number;
  actionLow?: Float32Array;
  actionHigh?: Float32Array;
  frames: EvalFrame[];
}

/** Mean, population standard deviation, min and max of the returns, and every return. */
export interface EvalSummary {
  step: number;
  deterministic: boolean;
  episodes: number;
  returnMean: number;
  returnStd: number;
  returnMin: number;
  returnMax: number;
  lengthMean: number;
  returns: number[];
}

export interface EvaluateOptions {
  envId: string;
  step: number;
  episodes: number;
  /** Episode k resets with seed + k; stochastic actions draw from Rng(seed). */
  seed: number;
  deterministic: boolean;
  /** Record scene, poses and info terms per step. */
  recordFrames: boolean;
  /** Cut episodes of envs without a time limit after this many steps (default 10000). */
  maxEpisodeSteps?: number;
  /** Called after each episode; awaited. */
  onEpisode?: (episode: EvalEpisode) => void | Promise<void>;
  /** Stop early (the summary covers the finished episodes). */
  signal?: AbortSignal;
}

function numericTerms(info: Info, into: string[]): void {
  for (const key of Object.keys(info)) {
    const v = info[key];
    if ((typeof v === 'number' || typeof v === 'boolean') && !into.includes(key)) into.push(key);
  }
}

function termValues(info: Info, terms: readonly string[]): Float32Array {
  const out = new Float32Array(terms.length);
  terms.forEach((t, i) => {
    const v = info[t];
    const n = typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : 0;
    out[i] = Number.isFinite(n) ? n : 0;
  });
  return out;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Summary statistics of a list of returns. */
export function summariseReturns(step: number, deterministic: boolean, returns: number[], lengths: number[]): EvalSummary {
  const n = returns.length;
  const mean = n ? returns.reduce((a, b) => a + b, 0) / n : Number.NaN;
  const std = n ? Math.sqrt(returns.reduce((a, r) => a + (r - mean) ** 2, 0) / n) : Number.NaN;
  return {
    step,
    deterministic,
    episodes: n,
    returnMean: mean,
    returnStd: std,
    returnMin: n ? Math.min(...returns) : Number.NaN,
    returnMax: n ? Math.max(...returns) : Number.NaN,
    lengthMean: n ? lengths.reduce((a, b) => a + b, 0) / n : Number.NaN,
    returns: [...returns],
  };
}

/** Runs the evaluation episodes; yields to the event loop every 32 steps so callbacks' output can leave the process. */
export async function evaluatePolicy(env: Env<unknown, unknown>, actor: SnapshotActor, adapter: ActionAdapter, options: EvaluateOptions): Promise<EvalSummary> {
  const rng = new Rng(options.seed >>> 0);
  const maxSteps = options.maxEpisodeSteps ?? 10_000;
  const learnerAction = new Float32Array(adapter.storedSize);
  const returns: number[] = [];
  const lengths: number[] = [];
  for (let k = 0; k < options.episodes; k++) {
    if (options.signal?.aborted) break;
    const seed = options.seed + k;
    let { obs, info } = env.reset({ seed }) as { obs: Float32Array; info: Info };
    const infoTerms: string[] = [];
    numericTerms(info, infoTerms);
    const frames: EvalFrame[] = [];
    const record = options.recordFrames;
    const stepInfos: Info[] = [info];
    if (record) {
      frames.push({ step: 0, reward: 0, terminated: false, truncated: false, poses: Float32Array.from(env.poses()), action: new Float32Array(adapter.space.kind === 'box' ? adapter.storedSize : 1), info: new Float32Array(0), observation: Float32Array.from(obs) });
    }
    let episodeReturn = 0;
    let length = 0;
    let terminated = false;
    let truncated = false;
    let reason: EpisodeEndReason = 'max_steps';
    while (!terminated && !truncated) {
      actor.act(obs, options.deterministic, rng, learnerAction);
      const envAction = adapter.toEnv(learnerAction);
      const result = env.step(envAction) as { obs: Float32Array; reward: number; terminated: boolean; truncated: boolean; info: Info };
      obs = result.obs;
      info = result.info;
      episodeReturn += result.reward;
      length += 1;
      terminated = result.terminated;
      truncated = result.truncated;
      if (record) {
        numericTerms(info, infoTerms);
        stepInfos.push(info);
        frames.push({ step: length, reward: result.reward, terminated, truncated, poses: Float32Array.from(env.poses()), action: typeof envAction === 'number' ? Float32Array.of(envAction) : Float32Array.from(envAction), info: new Float32Array(0), observation: Float32Array.from(obs) });
      }
      if (terminated) reason = 'terminated';
      else if (truncated) reason = info.physics_error !== undefined ? 'physics_error' : 'time_limit';
      else if (length >= maxSteps) {
        truncated = true;
        reason = 'max_steps';
      }
      if (length % 32 === 0) await yieldToEventLoop();
    }
    if (record) frames.forEach((f, i) => (f.info = termValues(stepInfos[i]!, infoTerms)));
    returns.push(episodeReturn);
    lengths.push(length);
    const episode: EvalEpisode = {
      envId: options.envId,
      checkpointStep: options.step,
      episode: k,
      seed,
      deterministic: options.deterministic,
      episodeReturn,
      length,
      terminated,
      truncated,
      reason,
      infoTerms: record ? infoTerms : [],
      observationSize: adapter.observationSize,
      actionSize: adapter.space.kind === 'box' ? adapter.storedSize : 1,
      frames,
      ...(record ? { scene: env.scene() } : {}),
      ...(adapter.low && adapter.high ? { actionLow: adapter.low, actionHigh: adapter.high } : {}),
    };
    await options.onEpisode?.(episode);
    await yieldToEventLoop();
  }
  return summariseReturns(options.step, options.deterministic, returns, lengths);
}
