// BaseEnv: the seeding rule, reset/step ordering checks and action validation shared by every built-in env.
import { envName, type Env, type EnvMetadata, type Info, type ResetOptions, type ResetResult, type StepResult } from './env.js';
import { Rng } from './rng.js';
import type { SceneDescription } from './scene.js';
import type { Space } from '../spaces/space.js';
import type { EnvSpec } from '../registry/env-spec.js';
import { validateAction } from './validate-action.js';

/**
 * Subclasses implement `resetState` and `stepState`; BaseEnv does the rest:
 * - `reset({ seed })` reseeds `this.rng` (and nothing else); `reset()` continues the stream (Gymnasium's rule);
 * - `step` before the first `reset`, or after an episode ended without `reset`, throws;
 * - the action is validated against `actionSpace` before `stepState` sees it.
 */
export abstract class BaseEnv<Obs = Float32Array, Act = Float32Array | number> implements Env<Obs, Act> {
  abstract readonly observationSpace: Space<Obs>;
  abstract readonly actionSpace: Space<Act>;
  abstract readonly metadata: EnvMetadata;
  spec: EnvSpec | undefined = undefined;
  /** The env's generator (Gymnasium's `np_random`); only reset noise and env randomness draw from it. */
  readonly rng = new Rng();
  private phase: 'unreset' | 'running' | 'ended' = 'unreset';

  get unwrapped(): Env<unknown, unknown> {
    return this as unknown as Env<unknown, unknown>;
  }

  reset(options: ResetOptions = {}): ResetResult<Obs> {
    if (options.seed !== undefined) {
      if (!Number.isSafeInteger(options.seed)) {
        throw new Error(`${envName(this)}: reset seed must be a safe integer, got ${String(options.seed)}`);
      }
      this.rng.reseed(options.seed);
    }
    const result = this.resetState(options.options ?? {});
    this.phase = 'running';
    return result;
  }

  step(action: Act): StepResult<Obs> {
    if (this.phase !== 'running') {
      throw new Error(
        this.phase === 'unreset'
          ? `${envName(this)}: step() called before reset(); call reset() first`
          : `${envName(this)}: step() called after the episode ended (terminated or truncated); call reset() first`,
      );
    }
    validateAction(this.actionSpace, action, envName(this));
    const result = this.stepState(action);
    if (result.terminated || result.truncated) this.phase = 'ended';
    return result;
  }

  close(): void {}

  abstract scene(): SceneDescription;
  abstract poses(out?: Float32Array): Float32Array;

  /** Draws the initial state from `this.rng` and returns the first observation. */
  protected abstract resetState(options: Record<string, unknown>): { obs: Obs; info: Info };
  /** Advances one step with an already validated action. */
  protected abstract stepState(action: Act): StepResult<Obs>;
}
