// The sub-envs WorkerVectorEnv steps on the main thread (option mainThreadEnvs) while its workers step the others.
import type { Info } from '../core/env.js';
import type { SceneDescription } from '../core/scene.js';
import { make } from '../registry/registry.js';
import { Box } from '../spaces/box.js';
import type { Discrete } from '../spaces/discrete.js';
import { SubEnvBatch, type BatchBuffers } from '../vector/sub-env-batch.js';
import type { SubEnv } from '../vector/sync-vector-env.js';
import type { AutoresetMode } from '../core/env.js';
import type { VectorActions } from '../vector/vector-env.js';
import { runInitHooks } from './init-hooks.js';

/** Sub-envs 0 … count − 1 of a WorkerVectorEnv, made and stepped on the calling thread into rows of the shared batches. */
export class MainThreadShare {
  private buffers: BatchBuffers | undefined;
  private actions: VectorActions | undefined;
  private poseViews: Float32Array[] = [];

  private constructor(
    readonly envs: SubEnv[],
    private readonly batch: SubEnvBatch,
  ) {}

  /** Runs the init hooks (as a worker does), then makes `count` sub-envs with `make(id, envOptions)`. */
  static async create(
    id: string,
    count: number,
    envOptions: Record<string, unknown>,
    modules: readonly string[],
    autoresetMode: AutoresetMode,
    label: string,
  ): Promise<MainThreadShare> {
    await runInitHooks(modules);
    const envs: SubEnv[] = [];
    try {
      for (let i = 0; i < count; i++) envs.push(make(id, envOptions) as SubEnv);
    } catch (err) {
      for (const env of envs) env.close();
      throw new Error(`${label}: the main thread could not build its sub-envs: ${err instanceof Error ? err.message : String(err)}`);
    }
    const first = envs[0]!;
    const obsSize = first.observationSpace instanceof Box ? first.observationSpace.size : 0;
    const actionSize = first.actionSpace instanceof Box ? first.actionSpace.size : 1;
    return new MainThreadShare(envs, new SubEnvBatch(envs, autoresetMode, obsSize, actionSize, label, 0));
  }

  get observationSpace(): SubEnv['observationSpace'] {
    return this.envs[0]!.observationSpace;
  }

  get actionSpace(): Box | Discrete {
    return this.envs[0]!.actionSpace as Box | Discrete;
  }

  scenes(): SceneDescription[] {
    return this.envs.map((env) => env.scene());
  }

  /** Points the share at rows 0 … count − 1 of the shared batches (and its poses at the start of `poses`). */
  bind(shared: BatchBuffers & { actions: VectorActions; poses: Float32Array | null }, poseSizes: readonly number[]): void {
    const n = this.envs.length;
    const { obsSize, actionSize } = this.batch;
    this.buffers = {
      obs: shared.obs.subarray(0, n * obsSize),
      rewards: shared.rewards.subarray(0, n),
      terminations: shared.terminations.subarray(0, n),
      truncations: shared.truncations.subarray(0, n),
    };
    this.actions = shared.actions instanceof Int32Array ? shared.actions.subarray(0, n) : shared.actions.subarray(0, n * actionSize);
    this.poseViews = [];
    if (shared.poses !== null) {
      let offset = 0;
      for (let i = 0; i < n; i++) {
        this.poseViews.push(shared.poses.subarray(offset, offset + poseSizes[i]!));
        offset += poseSizes[i]!;
      }
    }
  }

  reset(seeds: readonly (number | undefined)[], options: Record<string, unknown> | undefined, mask: readonly boolean[] | undefined): (Info | undefined)[] {
    const infos = this.batch.reset(seeds, options, mask, this.buffers!);
    this.writePoses();
    return infos;
  }

  step(): Info[] {
    const infos = this.batch.step(this.actions!, this.buffers!);
    this.writePoses();
    return infos;
  }

  close(): void {
    this.batch.close();
  }

  private writePoses(): void {
    for (let i = 0; i < this.poseViews.length; i++) this.envs[i]!.poses(this.poseViews[i]);
  }
}
