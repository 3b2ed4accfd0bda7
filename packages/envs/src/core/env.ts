// The Env contract (Gymnasium >= 1.0 semantics, gymnasium/core.py): reset/step results, metadata and spec types.
import type { Renderable } from './scene.js';
import type { Space } from '../spaces/space.js';
import type { EnvSpec } from '../registry/env-spec.js';

/** Extra data returned by reset and step: reward terms, positions, diagnostics. Values are plain data. */
export type Info = Record<string, unknown>;

/** A continuous action (Float32Array) or a discrete one (an integer). */
export type Action = Float32Array | number;

export interface ResetOptions {
  /** Reseeds the env's generator; without it the current stream continues (Gymnasium's rule). */
  seed?: number;
  /** Env-specific reset options. */
  options?: Record<string, unknown>;
}

export interface ResetResult<Obs = Float32Array> {
  obs: Obs;
  info: Info;
}

export interface StepResult<Obs = Float32Array> {
  obs: Obs;
  reward: number;
  /** An MDP terminal state was reached: do not bootstrap from `obs`. */
  terminated: boolean;
  /** The episode was cut from outside (time limit, physics error): bootstrap from `obs`. */
  truncated: boolean;
  info: Info;
}

export type AutoresetMode = 'next-step' | 'same-step' | 'disabled';

export interface EnvMetadata {
  /** Frames per second a renderer should play steps at: round(1 / dt). */
  renderFps: number;
  /** Render modes the env supports; every env supports 'scene' (scene() + poses()). */
  renderModes: string[];
  /** Vector envs only: how sub-envs are reset when their episode ends. */
  autoresetMode?: AutoresetMode;
  [key: string]: unknown;
}

/**
 * A single environment. Everything is synchronous: what must load asynchronously (Rapier's WebAssembly) is
 * awaited once, before `make`, with `await init()`.
 */
export interface Env<Obs = Float32Array, Act = Action> extends Renderable {
  readonly observationSpace: Space<Obs>;
  readonly actionSpace: Space<Act>;
  readonly metadata: EnvMetadata;
  /** The registry spec the env was made from (set by `make`), or undefined for an env built by hand. */
  spec: EnvSpec | undefined;
  /** The innermost env below every wrapper. */
  readonly unwrapped: Env<unknown, unknown>;
  reset(options?: ResetOptions): ResetResult<Obs>;
  step(action: Act): StepResult<Obs>;
  close(): void;
}

/** A display name for errors: the spec id when made from the registry, else the class name. */
export function envName(env: { spec?: EnvSpec | undefined; constructor: { name: string } }): string {
  return env.spec?.id ?? env.constructor.name;
}
