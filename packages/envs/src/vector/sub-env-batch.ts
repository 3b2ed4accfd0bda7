// Runs a list of sub-envs with an autoreset mode, writing results into caller-owned batch buffers (used by the sync and worker vector envs).
import { envName, type AutoresetMode, type Env, type Info, type StepResult } from '../core/env.js';
import { describeValue } from '../core/format.js';
import type { VectorActions } from './vector-env.js';

/** An error raised by one sub-env; `subEnvIndex` is its index in the whole vector env. */
export class SubEnvError extends Error {
  constructor(
    message: string,
    readonly subEnvIndex: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SubEnvError';
  }
}

/** Where a batch writes its results: rows `[0, count)` of each array belong to the batch's sub-envs. */
export interface BatchBuffers {
  obs: Float32Array;
  rewards: Float64Array;
  terminations: Uint8Array;
  truncations: Uint8Array;
}

/**
 * The step loop of gymnasium/vector/sync_vector_env.py for `count` sub-envs. It returns each sub-env's (unbatched)
 * info so that the caller can batch them with global indices. Errors from a sub-env become `SubEnvError`s naming
 * the vector env (`label`) and the sub-env's global index (`indexOffset + i`).
 */
export class SubEnvBatch {
  readonly count: number;
  private readonly ended: Uint8Array;
  private readonly everReset: Uint8Array;
  private neverResetCount: number;

  constructor(
    readonly envs: readonly Env<Float32Array, Float32Array | number>[],
    readonly autoresetMode: AutoresetMode,
    readonly obsSize: number,
    readonly actionSize: number,
    readonly label: string,
    readonly indexOffset = 0,
  ) {
    this.count = envs.length;
    this.ended = new Uint8Array(this.count);
    this.everReset = new Uint8Array(this.count);
    this.neverResetCount = this.count;
  }

  /**
   * Resets every sub-env, or those marked in `mask` (others keep their obs row, flags and state).
   * Returns each reset sub-env's info (undefined for the others).
   */
  reset(
    seeds: readonly (number | undefined)[],
    options: Record<string, unknown> | undefined,
    mask: readonly boolean[] | undefined,
    out: BatchBuffers,
  ): (Info | undefined)[] {
    const infos: (Info | undefined)[] = new Array<Info | undefined>(this.count).fill(undefined);
    for (let i = 0; i < this.count; i++) {
      if (mask && !mask[i]) continue;
      const seed = seeds[i];
      const result = this.call(i, 'reset', () =>
        this.envs[i]!.reset({ ...(seed === undefined ? {} : { seed }), ...(options === undefined ? {} : { options }) }),
      );
      this.writeObs(i, result.obs, out.obs, 'reset');
      out.rewards[i] = 0;
      out.terminations[i] = 0;
      out.truncations[i] = 0;
      this.ended[i] = 0;
      infos[i] = result.info;
      if (!this.everReset[i]) {
        this.everReset[i] = 1;
        this.neverResetCount -= 1;
      }
    }
    return infos;
  }

  /** Steps every sub-env with its row of `actions` (local rows), autoresetting per the mode. Returns each sub-env's info. */
  step(actions: VectorActions, out: BatchBuffers): Info[] {
    if (this.neverResetCount > 0) {
      throw new Error(`${this.label}: step() called before every sub-env was reset; call reset() first`);
    }
    const infos: Info[] = new Array<Info>(this.count);
    const a = this.actionSize;
    for (let i = 0; i < this.count; i++) {
      const env = this.envs[i]!;
      if (this.autoresetMode === 'next-step' && this.ended[i]) {
        const result = this.call(i, 'reset', () => env.reset());
        this.writeObs(i, result.obs, out.obs, 'reset');
        out.rewards[i] = 0;
        out.terminations[i] = 0;
        out.truncations[i] = 0;
        this.ended[i] = 0;
        infos[i] = result.info;
        continue;
      }
      if (this.autoresetMode === 'disabled' && this.ended[i]) {
        throw new SubEnvError(
          `${this.label}: sub-env ${this.indexOffset + i} (${envName(env)}) ended at the previous step and autoresetMode is 'disabled'; ` +
            `reset it with reset({ options: { reset_mask } }) before stepping`,
          this.indexOffset + i,
        );
      }
      // Each sub-env gets its own copy of its action row: an env may keep the action it was given.
      const action = actions instanceof Int32Array ? actions[i]! : actions.slice(i * a, (i + 1) * a);
      const result: StepResult<Float32Array> = this.call(i, 'step', () => env.step(action));
      const done = result.terminated || result.truncated;
      out.rewards[i] = result.reward;
      out.terminations[i] = result.terminated ? 1 : 0;
      out.truncations[i] = result.truncated ? 1 : 0;
      if (this.autoresetMode === 'same-step' && done) {
        const final = { final_obs: result.obs, final_info: result.info };
        const reset = this.call(i, 'reset', () => env.reset());
        this.writeObs(i, reset.obs, out.obs, 'reset');
        infos[i] = { ...final, ...reset.info };
      } else {
        this.writeObs(i, result.obs, out.obs, 'step');
        infos[i] = result.info;
        this.ended[i] = done ? 1 : 0;
      }
    }
    return infos;
  }

  close(): void {
    for (const env of this.envs) env.close();
  }

  private call<T>(i: number, what: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new SubEnvError(`${this.label}: sub-env ${this.indexOffset + i} (${envName(this.envs[i]!)}) ${what}() failed: ${message}`, this.indexOffset + i, {
        cause: err,
      });
    }
  }

  private writeObs(i: number, obs: Float32Array, target: Float32Array, what: string): void {
    if (!(obs instanceof Float32Array) || obs.length !== this.obsSize) {
      throw new SubEnvError(
        `${this.label}: sub-env ${this.indexOffset + i} (${envName(this.envs[i]!)}) ${what}() returned an observation that is not a Float32Array of length ${this.obsSize}: ${describeValue(obs)}`,
        this.indexOffset + i,
      );
    }
    target.set(obs, i * this.obsSize);
  }
}
