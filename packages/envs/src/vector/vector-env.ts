// The vector-env contract (gymnasium/vector/vector_env.py): batched spaces, batched results, info as a dict of arrays.
import type { AutoresetMode, EnvMetadata } from '../core/env.js';
import type { Renderable, SceneDescription } from '../core/scene.js';
import type { Box } from '../spaces/box.js';
import type { Discrete } from '../spaces/discrete.js';
import type { MultiDiscrete } from '../spaces/multi-discrete.js';

/**
 * Batched info, Gymnasium's dict-of-arrays form (`VectorEnv._add_info`): every key a sub-env reported holds one
 * entry per sub-env, and `_key` is a boolean mask of the sub-envs that reported it.
 * - numbers → `Float64Array` (0 where the mask is false);
 * - booleans → `boolean[]` (false where the mask is false);
 * - plain objects (e.g. `info.episode`) → a nested `VectorInfo` with its own masks;
 * - anything else (strings, typed arrays such as `final_obs`, arrays, null) → an array of the values (null where
 *   the mask is false).
 * If one sub-env reports a number and another a non-number under the same key, the Float64Array becomes a plain
 * array.
 */
export interface VectorInfo {
  [key: string]: Float64Array | boolean[] | unknown[] | VectorInfo;
}

/**
 * One action per sub-env, row-major: a `Float32Array` of numEnvs × actionSize for a Box action space, an
 * `Int32Array` of numEnvs for a Discrete one.
 */
export type VectorActions = Float32Array | Int32Array;

export interface VectorResetOptions {
  /**
   * `n` seeds sub-env i with n + i; an array gives each sub-env its own seed (undefined or null: keep its stream);
   * omitted, every sub-env continues its stream (Gymnasium's rule).
   */
  seed?: number | readonly (number | null | undefined)[];
  /**
   * Passed to every sub-env's reset. `reset_mask` (booleans or 0/1, one per sub-env, at least one set) resets only
   * the marked sub-envs; the others keep their observation and state. It is how `autoresetMode: 'disabled'` restarts
   * ended sub-envs.
   */
  options?: Record<string, unknown>;
}

export interface VectorResetResult {
  /** numEnvs × observationSize, row-major; a fresh array the caller owns. */
  obs: Float32Array;
  info: VectorInfo;
}

export interface VectorStepResult {
  /** numEnvs × observationSize, row-major; a fresh array the caller owns. */
  obs: Float32Array;
  /** One reward per sub-env, float64 as in Gymnasium (rewards are JS numbers, so nothing is rounded). */
  rewards: Float64Array;
  /** 1 where the sub-env reached an MDP terminal state (do not bootstrap), else 0. */
  terminations: Uint8Array;
  /** 1 where the sub-env's episode was cut from outside (time limit, physics error), else 0. */
  truncations: Uint8Array;
  info: VectorInfo;
}

export interface VectorEnvMetadata extends EnvMetadata {
  autoresetMode: AutoresetMode;
}

/** Members shared by the synchronous and the asynchronous (worker) vector envs. */
export interface VectorEnvBase extends Renderable {
  readonly numEnvs: number;
  readonly singleObservationSpace: Box;
  readonly singleActionSpace: Box | Discrete;
  /** Box of shape [numEnvs, ...singleObservationSpace.shape]. */
  readonly observationSpace: Box;
  /** Box of shape [numEnvs, ...shape] for a Box action space; MultiDiscrete of numEnvs slots for a Discrete one. */
  readonly actionSpace: Box | MultiDiscrete;
  /** Sub-env 0's metadata plus the autoreset mode. */
  readonly metadata: VectorEnvMetadata;
  /** One scene per sub-env (each sub-env's own `scene()`). */
  scenes(): SceneDescription[];
  /**
   * One combined scene: the bodies of every sub-env in order, named `env<i>/<body>`, sub-env i laid out
   * i × sceneSpacing metres along world +Y by `poses()` (see vector-scene.ts).
   */
  scene(): SceneDescription;
  /** Every sub-env's body poses, concatenated in sub-env order and shifted by the layout offset. */
  poses(out?: Float32Array): Float32Array;
}

/**
 * A synchronous vector env. Autoreset (`metadata.autoresetMode`):
 * - 'next-step' (default): the step after a sub-env's episode ended resets it, ignores its action and returns
 *   the reset observation with reward 0 and both flags 0;
 * - 'same-step': the ending step returns the reset observation; the last observation and info of the episode are
 *   in `info.final_obs` / `info.final_info` (masks `_final_obs` / `_final_info`);
 * - 'disabled': ended sub-envs must be reset with `reset({ options: { reset_mask } })` before the next step.
 */
export interface VectorEnv extends VectorEnvBase {
  reset(options?: VectorResetOptions): VectorResetResult;
  step(actions: VectorActions): VectorStepResult;
  close(): void;
}

/** The same contract with Promise results, for vector envs whose sub-envs run in other threads. */
export interface AsyncVectorEnv extends VectorEnvBase {
  reset(options?: VectorResetOptions): Promise<VectorResetResult>;
  step(actions: VectorActions): Promise<VectorStepResult>;
  /** Releases the sub-envs and their threads; calling it again does nothing. */
  close(): Promise<void>;
}

/** Options common to every vector env. */
export interface VectorEnvOptions {
  /** How sub-envs restart when their episode ends. Default 'next-step' (Gymnasium's default). */
  autoresetMode?: AutoresetMode;
  /** Metres between neighbouring sub-envs along world +Y in the combined `scene()`/`poses()`; 0 overlays them. Default 2. */
  sceneSpacing?: number;
}
