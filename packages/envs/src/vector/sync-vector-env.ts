// SyncVectorEnv: runs sub-envs one after another in this thread (gymnasium/vector/sync_vector_env.py).
import { envName, type Action, type Env, type Info } from '../core/env.js';
import { describeValue } from '../core/format.js';
import type { SceneDescription } from '../core/scene.js';
import { batchSpace } from '../spaces/batch-space.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import type { MultiDiscrete } from '../spaces/multi-discrete.js';
import { SubEnvBatch, type BatchBuffers } from './sub-env-batch.js';
import { checkActions, resolveSeeds, resolveVectorEnvOptions, splitResetMask } from './vector-args.js';
import type {
  VectorActions,
  VectorEnv,
  VectorEnvMetadata,
  VectorEnvOptions,
  VectorInfo,
  VectorResetOptions,
  VectorResetResult,
  VectorStepResult,
} from './vector-env.js';
import { addInfo } from './vector-info.js';
import { combineScenes, layOutPoses, poseBuffer, poseLayout } from './vector-scene.js';

/** A sub-env as a vector env takes it: Float32Array observations, Box or Discrete actions. */
export type SubEnv = Env<Float32Array, Action>;

export class SyncVectorEnv implements VectorEnv {
  readonly envs: readonly SubEnv[];
  readonly numEnvs: number;
  readonly singleObservationSpace: Box;
  readonly singleActionSpace: Box | Discrete;
  readonly observationSpace: Box;
  readonly actionSpace: Box | MultiDiscrete;
  readonly metadata: VectorEnvMetadata;
  readonly sceneSpacing: number;
  private readonly label: string;
  private readonly batch: SubEnvBatch;
  private readonly buffers: BatchBuffers;
  private closed = false;
  private cachedScenes: SceneDescription[] | undefined;
  private cachedScene: SceneDescription | undefined;

  /** `envFns[i]()` builds sub-env i (Gymnasium's `env_fns`); every sub-env must have the same spaces. */
  constructor(envFns: readonly (() => SubEnv)[], options: VectorEnvOptions = {}) {
    if (!Array.isArray(envFns) || envFns.length === 0) {
      throw new Error(`SyncVectorEnv: envFns must be a non-empty array of functions () => Env, got ${describeValue(envFns)}`);
    }
    envFns.forEach((fn, i) => {
      if (typeof fn !== 'function') throw new Error(`SyncVectorEnv: envFns[${i}] must be a function () => Env, got ${describeValue(fn)}`);
    });
    const envs = envFns.map((fn) => fn());
    this.envs = envs;
    this.numEnvs = envs.length;
    const first = envs[0]!;
    this.label = `SyncVectorEnv(${envName(first)}, numEnvs=${this.numEnvs})`;
    const { autoresetMode, sceneSpacing } = resolveVectorEnvOptions(this.label, options);
    this.sceneSpacing = sceneSpacing;
    const obsSpace = first.observationSpace as unknown;
    const actSpace = first.actionSpace as unknown;
    if (!(obsSpace instanceof Box)) {
      throw new Error(`${this.label}: sub-env observation spaces must be Box, got ${String(obsSpace)}`);
    }
    if (!(actSpace instanceof Box) && !(actSpace instanceof Discrete)) {
      throw new Error(`${this.label}: sub-env action spaces must be Box or Discrete, got ${String(actSpace)}`);
    }
    checkSameSpaces(this.label, envs);
    this.singleObservationSpace = obsSpace;
    this.singleActionSpace = actSpace;
    this.observationSpace = batchSpace(obsSpace, this.numEnvs) as Box;
    this.actionSpace = batchSpace(actSpace, this.numEnvs);
    this.metadata = { ...first.metadata, autoresetMode };
    const actionSize = actSpace instanceof Box ? actSpace.size : 1;
    this.batch = new SubEnvBatch(envs, autoresetMode, obsSpace.size, actionSize, this.label);
    this.buffers = {
      obs: new Float32Array(this.numEnvs * obsSpace.size),
      rewards: new Float64Array(this.numEnvs),
      terminations: new Uint8Array(this.numEnvs),
      truncations: new Uint8Array(this.numEnvs),
    };
  }

  reset(options: VectorResetOptions = {}): VectorResetResult {
    this.assertOpen('reset');
    const seeds = resolveSeeds(this.label, options.seed, this.numEnvs);
    const { mask, options: envOptions } = splitResetMask(this.label, options.options, this.numEnvs);
    const infos = this.batch.reset(seeds, envOptions, mask, this.buffers);
    return { obs: this.buffers.obs.slice(), info: this.batchInfos(infos) };
  }

  step(actions: VectorActions): VectorStepResult {
    this.assertOpen('step');
    checkActions(this.label, actions, this.singleActionSpace, this.numEnvs);
    const infos = this.batch.step(actions, this.buffers);
    const b = this.buffers;
    return {
      obs: b.obs.slice(),
      rewards: b.rewards.slice(),
      terminations: b.terminations.slice(),
      truncations: b.truncations.slice(),
      info: this.batchInfos(infos),
    };
  }

  /** Closes every sub-env; calling it again does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.batch.close();
  }

  scenes(): SceneDescription[] {
    this.cachedScenes ??= this.envs.map((env) => env.scene());
    return this.cachedScenes;
  }

  scene(): SceneDescription {
    this.cachedScene ??= combineScenes(this.scenes());
    return this.cachedScene;
  }

  poses(out?: Float32Array): Float32Array {
    const { sizes, starts, total } = poseLayout(this.scenes());
    const buffer = poseBuffer(this.label, out, total);
    this.envs.forEach((env, i) => env.poses(buffer.subarray(starts[i]!, starts[i]! + sizes[i]!)));
    layOutPoses(buffer, starts, sizes, this.sceneSpacing);
    return buffer;
  }

  toString(): string {
    return this.label;
  }

  private batchInfos(infos: readonly (Info | undefined)[]): VectorInfo {
    const batched: VectorInfo = {};
    infos.forEach((info, i) => {
      if (info !== undefined) addInfo(batched, info, i, this.numEnvs);
    });
    return batched;
  }

  private assertOpen(what: string): void {
    if (this.closed) throw new Error(`${this.label}: ${what}() called after close()`);
  }
}

/** Gymnasium requires identical sub-env spaces (observation_mode 'same'); compared through their JSON form. */
function checkSameSpaces(label: string, envs: readonly SubEnv[]): void {
  const obs = JSON.stringify(envs[0]!.observationSpace.toJSON());
  const act = JSON.stringify(envs[0]!.actionSpace.toJSON());
  envs.forEach((env, i) => {
    if (JSON.stringify(env.observationSpace.toJSON()) !== obs) {
      throw new Error(`${label}: sub-env ${i} has observation space ${String(env.observationSpace)}, sub-env 0 has ${String(envs[0]!.observationSpace)}`);
    }
    if (JSON.stringify(env.actionSpace.toJSON()) !== act) {
      throw new Error(`${label}: sub-env ${i} has action space ${String(env.actionSpace)}, sub-env 0 has ${String(envs[0]!.actionSpace)}`);
    }
  });
}
