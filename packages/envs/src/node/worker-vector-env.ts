// WorkerVectorEnv: sub-envs in worker_threads with batches in shared memory (Gymnasium's AsyncVectorEnv, gymnasium/vector/async_vector_env.py).
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { describeValue } from '../core/format.js';
import type { SceneDescription } from '../core/scene.js';
import type { EnvOptions } from '../registry/env-spec.js';
import type { MakeOptions } from '../registry/registry.js';
import { batchSpace, spaceFromJSON } from '../spaces/batch-space.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import type { MultiDiscrete } from '../spaces/multi-discrete.js';
import { SubEnvError } from '../vector/sub-env-batch.js';
import { checkActions, checkNumEnvs, resolveSeeds, resolveVectorEnvOptions, splitResetMask } from '../vector/vector-args.js';
import type {
  AsyncVectorEnv,
  VectorActions,
  VectorEnvMetadata,
  VectorEnvOptions,
  VectorInfo,
  VectorResetOptions,
  VectorResetResult,
  VectorStepResult,
} from '../vector/vector-env.js';
import { addInfo } from '../vector/vector-info.js';
import { combineScenes, layOutPoses, poseBuffer, poseLayout } from '../vector/vector-scene.js';
import {
  COMMAND,
  Command,
  CONTROL_WORDS,
  DONE,
  SEQ,
  type BindMessage,
  type ReadyMessage,
  type ResetPayload,
  type WorkerReply,
  type WorkerSetup,
} from './worker-protocol.js';

export interface WorkerVectorEnvOptions extends VectorEnvOptions {
  /** Worker threads; sub-envs are split as evenly as possible (the first numEnvs % workers get one more). Default min(numEnvs, os.availableParallelism()). */
  workers?: number;
  /** Options for every sub-env's `make(id, envOptions)`; must be structured-cloneable. Default {} (the spec's defaults). */
  envOptions?: EnvOptions & MakeOptions;
  /**
   * Modules each worker imports, in order, before `make` (closures cannot cross threads, so user envs are registered
   * there by their own module); a module's exported `init()` is awaited. URLs, file URL strings, bare specifiers, or
   * paths (relative ones resolve against process.cwd()). This package's own `init()`, when it has one, is always
   * awaited first. Default [].
   */
  modules?: readonly (string | URL)[];
  /** Workers write every sub-env's poses to shared memory after each reset/step, so that `poses()` works. Default true. */
  sharePoses?: boolean;
}

interface WorkerHandle {
  worker: Worker;
  port: MessagePort;
  control: Int32Array;
  first: number;
  count: number;
  pending: { resolve: (reply: WorkerReply) => void; reject: (err: Error) => void } | undefined;
  exited: boolean;
}

interface SharedBatches {
  obs: Float32Array;
  actions: Float32Array | Int32Array;
  rewards: Float64Array;
  terminations: Uint8Array;
  truncations: Uint8Array;
  poses: Float32Array | null;
}

const WORKER_URL = new URL('./vector-worker.js', import.meta.url);
const CLOSE_TIMEOUT_MS = 2000;

/**
 * Runs `numEnvs` copies of a registered env in `workers` worker threads. Methods return Promises; one call at a
 * time (a second call while one is pending rejects). Observations, actions, rewards and flags live in
 * SharedArrayBuffers; a step costs one Atomics.notify per worker and one small reply message (infos are
 * structured-cloned only when non-empty, so they must be plain data). Results are copies the caller owns.
 * A sub-env error rejects the call with a `SubEnvError` naming the sub-env's index; the other sub-envs have
 * stepped (as in Gymnasium), so reset() before going on. A worker that dies rejects the pending call and every later
 * one. `close()` terminates the workers and is idempotent.
 */
export class WorkerVectorEnv implements AsyncVectorEnv {
  readonly singleObservationSpace: Box;
  readonly singleActionSpace: Box | Discrete;
  readonly observationSpace: Box;
  readonly actionSpace: Box | MultiDiscrete;
  private busy = false;
  private failure: Error | undefined;
  private closePromise: Promise<void> | undefined;
  private cachedScene: SceneDescription | undefined;

  private constructor(
    readonly numEnvs: number,
    readonly metadata: VectorEnvMetadata,
    readonly sceneSpacing: number,
    private readonly label: string,
    private readonly handles: WorkerHandle[],
    private readonly shared: SharedBatches,
    private readonly subScenes: SceneDescription[],
    observationSpace: Box,
    actionSpace: Box | Discrete,
  ) {
    this.singleObservationSpace = observationSpace;
    this.singleActionSpace = actionSpace;
    this.observationSpace = batchSpace(observationSpace, numEnvs) as Box;
    this.actionSpace = batchSpace(actionSpace, numEnvs);
    handles.forEach((handle, k) => this.watch(handle, k));
  }

  /** Starts the workers, each making its sub-envs with `make(id, options.envOptions)`, and waits until all are ready. */
  static async create(id: string, numEnvs: number, options: WorkerVectorEnvOptions = {}): Promise<WorkerVectorEnv> {
    checkNumEnvs(`WorkerVectorEnv(${id})`, numEnvs);
    const workers = options.workers ?? Math.min(numEnvs, availableParallelism());
    if (!Number.isInteger(workers) || workers < 1 || workers > numEnvs) {
      throw new Error(`WorkerVectorEnv(${id}): workers must be an integer in [1, numEnvs = ${numEnvs}], got ${describeValue(options.workers)}`);
    }
    const label = `WorkerVectorEnv(${id}, numEnvs=${numEnvs}, workers=${workers})`;
    const { autoresetMode, sceneSpacing } = resolveVectorEnvOptions(label, options);
    const envOptions = options.envOptions ?? {};
    checkCloneable(label, 'envOptions', envOptions);
    const modules = (options.modules ?? []).map((m, i) => moduleSpecifier(label, m, i));
    const sharePoses = options.sharePoses ?? true;

    const handles: WorkerHandle[] = [];
    const readies: Promise<Extract<ReadyMessage, { type: 'ready' }>>[] = [];
    let first = 0;
    for (let k = 0; k < workers; k++) {
      const count = Math.floor(numEnvs / workers) + (k < numEnvs % workers ? 1 : 0);
      const control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
      const { port1, port2 } = new MessageChannel();
      const setup: WorkerSetup = { id, envOptions, modules, indexOffset: first, count, autoresetMode, label, control: control.buffer as SharedArrayBuffer, port: port2 };
      const worker = new Worker(WORKER_URL, { workerData: setup, transferList: [port2] });
      const handle: WorkerHandle = { worker, port: port1, control, first, count, pending: undefined, exited: false };
      handles.push(handle);
      readies.push(waitReady(label, handle, k));
      first += count;
    }
    let ready: Extract<ReadyMessage, { type: 'ready' }>[];
    try {
      ready = await Promise.all(readies);
    } catch (err) {
      await Promise.all(handles.map((h) => h.worker.terminate()));
      throw err;
    }
    try {
      const r0 = ready[0]!;
      const obsJson = JSON.stringify(r0.observationSpace);
      const actJson = JSON.stringify(r0.actionSpace);
      ready.forEach((r, k) => {
        if (JSON.stringify(r.observationSpace) !== obsJson || JSON.stringify(r.actionSpace) !== actJson) {
          throw new Error(`${label}: worker ${k} built sub-envs with other spaces than worker 0`);
        }
      });
      const obsSpace = spaceFromJSON(r0.observationSpace);
      const actSpace = spaceFromJSON(r0.actionSpace);
      if (!(obsSpace instanceof Box)) throw new Error(`${label}: sub-env observation spaces must be Box, got ${String(obsSpace)}`);
      if (!(actSpace instanceof Box) && !(actSpace instanceof Discrete)) {
        throw new Error(`${label}: sub-env action spaces must be Box or Discrete, got ${String(actSpace)}`);
      }
      const scenes = ready.flatMap((r) => r.scenes);
      const { sizes, starts, total } = poseLayout(scenes);
      const shared = allocateShared(numEnvs, obsSpace, actSpace, sharePoses ? total : -1);
      handles.forEach((h) => {
        const bind: BindMessage = {
          obs: shared.obs.buffer as SharedArrayBuffer,
          actions: shared.actions.buffer as SharedArrayBuffer,
          rewards: shared.rewards.buffer as SharedArrayBuffer,
          terminations: shared.terminations.buffer as SharedArrayBuffer,
          truncations: shared.truncations.buffer as SharedArrayBuffer,
          poses: shared.poses === null ? null : (shared.poses.buffer as SharedArrayBuffer),
          poseStart: starts[h.first]!,
          poseSizes: sizes.slice(h.first, h.first + h.count),
        };
        h.worker.postMessage(bind);
        h.worker.unref();
      });
      const metadata: VectorEnvMetadata = { ...r0.metadata, autoresetMode };
      return new WorkerVectorEnv(numEnvs, metadata, sceneSpacing, label, handles, shared, scenes, obsSpace, actSpace);
    } catch (err) {
      await Promise.all(handles.map((h) => h.worker.terminate()));
      throw err;
    }
  }

  /** The worker count. */
  get workers(): number {
    return this.handles.length;
  }

  /** Workers whose thread is still running (all of them until close() or a crash). */
  get liveWorkers(): number {
    return this.handles.filter((h) => !h.exited).length;
  }

  async reset(options: VectorResetOptions = {}): Promise<VectorResetResult> {
    this.assertUsable('reset');
    const seeds = resolveSeeds(this.label, options.seed, this.numEnvs);
    const { mask, options: envOptions } = splitResetMask(this.label, options.options, this.numEnvs);
    if (envOptions !== undefined) checkCloneable(this.label, 'reset options', envOptions);
    const payloads = this.handles.map(
      (h): ResetPayload => ({
        seeds: seeds.slice(h.first, h.first + h.count),
        options: envOptions,
        mask: mask?.slice(h.first, h.first + h.count),
      }),
    );
    const replies = await this.run(Command.reset, payloads);
    return { obs: this.shared.obs.slice(), info: this.batchInfos(replies) };
  }

  async step(actions: VectorActions): Promise<VectorStepResult> {
    this.assertUsable('step');
    checkActions(this.label, actions, this.singleActionSpace, this.numEnvs);
    this.shared.actions.set(actions);
    const replies = await this.run(Command.step);
    const s = this.shared;
    return {
      obs: s.obs.slice(),
      rewards: s.rewards.slice(),
      terminations: s.terminations.slice(),
      truncations: s.truncations.slice(),
      info: this.batchInfos(replies),
    };
  }

  /** Closes the sub-envs (when the workers are idle) and terminates the workers; later calls return the same Promise. */
  close(): Promise<void> {
    this.closePromise ??= this.shutdown();
    return this.closePromise;
  }

  scenes(): SceneDescription[] {
    return this.subScenes;
  }

  scene(): SceneDescription {
    this.cachedScene ??= combineScenes(this.subScenes);
    return this.cachedScene;
  }

  /** The poses written by the workers at the end of the last reset/step (call it between calls, not during one). */
  poses(out?: Float32Array): Float32Array {
    if (this.shared.poses === null) {
      throw new Error(`${this.label}: poses() needs the option sharePoses: true (this env was created with sharePoses: false)`);
    }
    const { sizes, starts, total } = poseLayout(this.subScenes);
    const buffer = poseBuffer(this.label, out, total);
    buffer.set(this.shared.poses);
    layOutPoses(buffer, starts, sizes, this.sceneSpacing);
    return buffer;
  }

  toString(): string {
    return this.label;
  }

  private assertUsable(what: string): void {
    if (this.closePromise !== undefined) throw new Error(`${this.label}: ${what}() called after close()`);
    if (this.failure !== undefined) throw this.failure;
    if (this.busy) throw new Error(`${this.label}: ${what}() called while a previous reset() or step() is still pending; await it first`);
  }

  /** Sends one command to every worker and waits for every reply; rejects with the first sub-env error. */
  private async run(command: number, payloads?: ResetPayload[]): Promise<WorkerReply[]> {
    this.busy = true;
    try {
      const replies = this.handles.map(
        (h) =>
          new Promise<WorkerReply>((resolve, reject) => {
            h.pending = { resolve, reject };
          }),
      );
      this.handles.forEach((h, k) => {
        h.port.ref();
        if (payloads) h.port.postMessage(payloads[k]);
        Atomics.store(h.control, COMMAND, command);
        Atomics.add(h.control, SEQ, 1);
        Atomics.notify(h.control, SEQ);
      });
      const all = await Promise.all(replies);
      const failed = all.find((r) => typeof r !== 'number' && r.error !== undefined);
      if (failed !== undefined && typeof failed !== 'number' && failed.error) {
        const { message, subEnvIndex } = failed.error;
        throw subEnvIndex === undefined ? new Error(message) : new SubEnvError(message, subEnvIndex);
      }
      return all;
    } finally {
      this.busy = false;
      for (const h of this.handles) h.port.unref();
    }
  }

  private batchInfos(replies: readonly WorkerReply[]): VectorInfo {
    const info: VectorInfo = {};
    for (const reply of replies) {
      if (typeof reply === 'number' || reply.infos === undefined) continue;
      for (const [index, subInfo] of reply.infos) addInfo(info, subInfo, index, this.numEnvs);
    }
    return info;
  }

  /** Routes replies to the pending call and turns a dying worker into a rejection of this and every later call. */
  private watch(handle: WorkerHandle, k: number): void {
    handle.port.on('message', (reply: WorkerReply) => {
      // Every write the worker made before storing DONE is visible once this load sees it.
      Atomics.load(handle.control, DONE);
      const pending = handle.pending;
      handle.pending = undefined;
      pending?.resolve(reply);
    });
    handle.port.unref();
    const range = describeRange(handle);
    handle.worker.on('error', (err) => this.fail(new Error(`${this.label}: worker ${k} (${range}) crashed: ${err.message}`)));
    handle.worker.on('exit', (code) => {
      handle.exited = true;
      if (this.closePromise === undefined) this.fail(new Error(`${this.label}: worker ${k} (${range}) exited with code ${code}; close() this env and create a new one`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const h of this.handles) {
      const pending = h.pending;
      h.pending = undefined;
      pending?.reject(this.failure);
    }
  }

  private async shutdown(): Promise<void> {
    const wasBusy = this.busy;
    for (const h of this.handles) {
      const pending = h.pending;
      h.pending = undefined;
      pending?.reject(new Error(`${this.label}: close() was called while a reset() or step() was pending`));
    }
    if (!wasBusy && this.failure === undefined) {
      // Let every worker close its sub-envs; a worker that does not answer in time is terminated anyway.
      const closed = this.run(Command.close).catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((done) => {
        timer = setTimeout(done, CLOSE_TIMEOUT_MS);
      });
      await Promise.race([closed, timeout]);
      clearTimeout(timer);
    }
    await Promise.all(this.handles.map((h) => h.worker.terminate()));
    for (const h of this.handles) h.port.close();
  }
}

function describeRange(handle: WorkerHandle): string {
  return handle.count === 1 ? `sub-env ${handle.first}` : `sub-envs ${handle.first}–${handle.first + handle.count - 1}`;
}

/** Resolves when the worker reports ready; rejects with its init error, or if it fails or exits before. */
function waitReady(label: string, handle: WorkerHandle, k: number): Promise<Extract<ReadyMessage, { type: 'ready' }>> {
  const { worker } = handle;
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: ReadyMessage): void => {
      cleanup();
      if (message.type === 'ready') resolve(message);
      else reject(new Error(`${label}: worker ${k} (${describeRange(handle)}) could not build its sub-envs: ${message.message}`));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(new Error(`${label}: worker ${k} (${describeRange(handle)}) failed while starting: ${err.message}`));
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`${label}: worker ${k} (${describeRange(handle)}) exited with code ${code} while starting`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

function allocateShared(numEnvs: number, obsSpace: Box, actSpace: Box | Discrete, poseFloats: number): SharedBatches {
  return {
    obs: new Float32Array(new SharedArrayBuffer(numEnvs * obsSpace.size * 4)),
    actions:
      actSpace instanceof Box
        ? new Float32Array(new SharedArrayBuffer(numEnvs * actSpace.size * 4))
        : new Int32Array(new SharedArrayBuffer(numEnvs * 4)),
    rewards: new Float64Array(new SharedArrayBuffer(numEnvs * 8)),
    terminations: new Uint8Array(new SharedArrayBuffer(numEnvs)),
    truncations: new Uint8Array(new SharedArrayBuffer(numEnvs)),
    poses: poseFloats < 0 ? null : new Float32Array(new SharedArrayBuffer(poseFloats * 4)),
  };
}

/** URL objects and URL strings pass through; paths become file URLs (relative ones against process.cwd()); bare specifiers stay. */
function moduleSpecifier(label: string, module: unknown, i: number): string {
  if (module instanceof URL) return module.href;
  if (typeof module !== 'string' || module === '') {
    throw new Error(`${label}: modules[${i}] must be a URL, a path or a module specifier, got ${describeValue(module)}`);
  }
  if (module.startsWith('.') || isAbsolute(module)) return pathToFileURL(resolve(module)).href;
  return module;
}

function checkCloneable(label: string, what: string, value: unknown): void {
  try {
    structuredClone(value);
  } catch (err) {
    throw new Error(`${label}: ${what} must be plain data that can be sent to a worker thread (${(err as Error).message}), got ${describeValue(value)}`);
  }
}
