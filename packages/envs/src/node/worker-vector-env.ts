// WorkerVectorEnv: sub-envs in worker_threads with batches in shared memory (Gymnasium's AsyncVectorEnv, gymnasium/vector/async_vector_env.py).
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Info } from '../core/env.js';
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
import { MainThreadShare } from './main-thread-share.js';
import { WAIT_MODES, waitDone, type WaitMode } from './reply-wait.js';
import {
  COMMAND,
  Command,
  CONTROL_WORDS,
  REPLY,
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
  /**
   * How the main thread waits for the workers during reset/step (see reply-wait.ts). 'yield': `Atomics.waitAsync`, so
   * timers, I/O and other Promises run meanwhile. 'block': `Atomics.wait`, a shorter round trip, but the main thread
   * runs nothing else until the workers are done (it lets the event loop run once per 20 ms of waiting, to notice a
   * dead worker). The API stays async either way. Default 'yield'.
   */
  wait?: WaitMode;
  /**
   * Sub-envs 0 … mainThreadEnvs − 1 are made and stepped on the calling thread while the workers step the others
   * (on 2 cores: main thread + 1 worker, instead of 2 workers and an idle main thread). The main thread then imports
   * `modules` and awaits the init hooks too, and blocks while it steps its share. Integer in [0, numEnvs − workers].
   * Default 0 (every sub-env in a worker).
   */
  mainThreadEnvs?: number;
  /**
   * Microseconds a waiting thread polls shared memory before it sleeps in Atomics.wait: each worker between commands,
   * and the main thread in 'block' mode. On a loaded machine a sleeping thread can take a scheduler tick to run again,
   * so polling shortens each step's round trip, but a polling thread burns CPU (with more busy threads than cores it
   * takes time from the others). 0 never polls. Default 0.
   */
  spinMicros?: number;
}

interface WorkerHandle {
  worker: Worker;
  port: MessagePort;
  control: Int32Array;
  first: number;
  count: number;
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
 * Runs `numEnvs` copies of a registered env in `workers` worker threads (and optionally a share on the main thread).
 * Methods return Promises; one call at a time (a second call while one is pending rejects). Observations, actions,
 * rewards and flags live in SharedArrayBuffers; a step costs one Atomics.notify per worker, one wait on each worker's
 * completion word, and one small reply message only when a worker has infos or an error (infos are
 * structured-cloned, so they must be plain data). Results are copies the caller owns. A sub-env error rejects the
 * call with a `SubEnvError` naming the lowest failing sub-env's index; the other sub-envs have stepped (as in
 * Gymnasium), so reset() before going on. A worker that dies rejects the pending call and every later one. `close()`
 * terminates the workers and is idempotent.
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
  /** Rejects the pending call's wait (a dead worker, or close()); set while a call runs. */
  private interruptCall: ((err: Error) => void) | undefined;

  private constructor(
    readonly numEnvs: number,
    readonly metadata: VectorEnvMetadata,
    readonly sceneSpacing: number,
    /** How the main thread waits for the workers. */
    readonly waitMode: WaitMode,
    /** How long a waiting thread polls before it sleeps. */
    readonly spinMicros: number,
    private readonly label: string,
    private readonly handles: WorkerHandle[],
    private readonly mainShare: MainThreadShare | undefined,
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
    const mainThreadEnvs = options.mainThreadEnvs ?? 0;
    if (!Number.isInteger(mainThreadEnvs) || mainThreadEnvs < 0 || mainThreadEnvs > numEnvs - 1) {
      throw new Error(`WorkerVectorEnv(${id}): mainThreadEnvs must be an integer in [0, numEnvs − 1 = ${numEnvs - 1}], got ${describeValue(options.mainThreadEnvs)}`);
    }
    const workerEnvs = numEnvs - mainThreadEnvs;
    const workers = options.workers ?? Math.max(1, Math.min(workerEnvs, availableParallelism() - (mainThreadEnvs > 0 ? 1 : 0)));
    if (!Number.isInteger(workers) || workers < 1 || workers > workerEnvs) {
      const range = mainThreadEnvs > 0 ? `numEnvs − mainThreadEnvs = ${workerEnvs}` : `numEnvs = ${numEnvs}`;
      throw new Error(`WorkerVectorEnv(${id}): workers must be an integer in [1, ${range}], got ${describeValue(options.workers)}`);
    }
    const waitMode = options.wait ?? 'yield';
    if (!WAIT_MODES.includes(waitMode)) {
      throw new Error(`WorkerVectorEnv(${id}): wait must be one of ${WAIT_MODES.map((m) => `'${m}'`).join(', ')}, got ${describeValue(options.wait)}`);
    }
    const spinMicros = options.spinMicros ?? 0;
    if (!(typeof spinMicros === 'number' && spinMicros >= 0 && spinMicros <= 1e6)) {
      throw new Error(`WorkerVectorEnv(${id}): spinMicros must be a number of microseconds in [0, 1e6], got ${describeValue(options.spinMicros)}`);
    }
    const label = `WorkerVectorEnv(${id}, numEnvs=${numEnvs}, workers=${workers}${mainThreadEnvs > 0 ? `, mainThreadEnvs=${mainThreadEnvs}` : ''})`;
    const { autoresetMode, sceneSpacing } = resolveVectorEnvOptions(label, options);
    const envOptions = options.envOptions ?? {};
    checkCloneable(label, 'envOptions', envOptions);
    const modules = (options.modules ?? []).map((m, i) => moduleSpecifier(label, m, i));
    const sharePoses = options.sharePoses ?? true;

    const handles: WorkerHandle[] = [];
    const readies: Promise<Extract<ReadyMessage, { type: 'ready' }>>[] = [];
    let first = mainThreadEnvs;
    for (let k = 0; k < workers; k++) {
      const count = Math.floor(workerEnvs / workers) + (k < workerEnvs % workers ? 1 : 0);
      const control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
      const { port1, port2 } = new MessageChannel();
      const setup: WorkerSetup = { id, envOptions, modules, indexOffset: first, count, autoresetMode, label, spinMicros, control: control.buffer as SharedArrayBuffer, port: port2 };
      const worker = new Worker(WORKER_URL, { workerData: setup, transferList: [port2] });
      const handle: WorkerHandle = { worker, port: port1, control, first, count, exited: false };
      handles.push(handle);
      readies.push(waitReady(label, handle, k));
      first += count;
    }
    let ready: Extract<ReadyMessage, { type: 'ready' }>[];
    let mainShare: MainThreadShare | undefined;
    // The main thread builds its share while the workers build theirs.
    const building = mainThreadEnvs > 0 ? MainThreadShare.create(id, mainThreadEnvs, envOptions, modules, autoresetMode, label) : undefined;
    building?.catch(() => undefined);
    const terminate = async (): Promise<void> => {
      mainShare?.close();
      await Promise.all(handles.map((h) => h.worker.terminate()));
    };
    try {
      ready = await Promise.all(readies);
      mainShare = await building;
    } catch (err) {
      await building?.then((share) => share.close(), () => undefined);
      await terminate();
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
      if (mainShare && (JSON.stringify(mainShare.observationSpace.toJSON()) !== obsJson || JSON.stringify(mainShare.actionSpace.toJSON()) !== actJson)) {
        throw new Error(`${label}: the main thread built sub-envs with other spaces than worker 0`);
      }
      const obsSpace = spaceFromJSON(r0.observationSpace);
      const actSpace = spaceFromJSON(r0.actionSpace);
      if (!(obsSpace instanceof Box)) throw new Error(`${label}: sub-env observation spaces must be Box, got ${String(obsSpace)}`);
      if (!(actSpace instanceof Box) && !(actSpace instanceof Discrete)) {
        throw new Error(`${label}: sub-env action spaces must be Box or Discrete, got ${String(actSpace)}`);
      }
      const scenes = [...(mainShare?.scenes() ?? []), ...ready.flatMap((r) => r.scenes)];
      const { sizes, starts, total } = poseLayout(scenes);
      const shared = allocateShared(numEnvs, obsSpace, actSpace, sharePoses ? total : -1);
      mainShare?.bind(shared, sizes);
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
      return new WorkerVectorEnv(numEnvs, metadata, sceneSpacing, waitMode, spinMicros, label, handles, mainShare, shared, scenes, obsSpace, actSpace);
    } catch (err) {
      await terminate();
      throw err;
    }
  }

  /** The worker count. */
  get workers(): number {
    return this.handles.length;
  }

  /** Sub-envs stepped on the main thread (indices 0 … mainThreadEnvs − 1). */
  get mainThreadEnvs(): number {
    return this.mainShare?.envs.length ?? 0;
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
    const n = this.mainThreadEnvs;
    const info = await this.run(Command.reset, payloads, (share) => share.reset(seeds.slice(0, n), envOptions, mask?.slice(0, n)));
    return { obs: this.shared.obs.slice(), info };
  }

  async step(actions: VectorActions): Promise<VectorStepResult> {
    this.assertUsable('step');
    checkActions(this.label, actions, this.singleActionSpace, this.numEnvs);
    this.shared.actions.set(actions);
    const info = await this.run(Command.step, undefined, (share) => share.step());
    const s = this.shared;
    return {
      obs: s.obs.slice(),
      rewards: s.rewards.slice(),
      terminations: s.terminations.slice(),
      truncations: s.truncations.slice(),
      info,
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

  /**
   * Sends one command to every worker, runs the main thread's share meanwhile (`onMain`), waits for every worker,
   * and batches the infos; rejects with the lowest-indexed sub-env error once every worker is idle again.
   */
  private async run(command: number, payloads?: ResetPayload[], onMain?: (share: MainThreadShare) => (Info | undefined)[]): Promise<VectorInfo> {
    this.busy = true;
    const interrupted = new Promise<never>((_, reject) => {
      this.interruptCall = reject;
    });
    interrupted.catch(() => undefined);
    try {
      const seqs = this.handles.map((h, k) => {
        if (payloads) h.port.postMessage(payloads[k]);
        Atomics.store(h.control, COMMAND, command);
        const seq = Atomics.add(h.control, SEQ, 1) + 1;
        Atomics.notify(h.control, SEQ);
        return seq;
      });
      let mainInfos: (Info | undefined)[] = [];
      let mainError: unknown;
      if (this.mainShare && onMain) {
        try {
          mainInfos = onMain(this.mainShare);
        } catch (err) {
          mainError = err;
        }
      }
      // Batch the main thread's infos while the workers may still be stepping (off the critical path).
      // A failure here is thrown only once every worker is idle again, like a sub-env error.
      const info: VectorInfo = {};
      try {
        mainInfos.forEach((subInfo, i) => {
          if (subInfo !== undefined && Object.keys(subInfo).length > 0) addInfo(info, subInfo, i, this.numEnvs);
        });
      } catch (err) {
        mainError ??= err;
      }
      // A pending Atomics.waitAsync does not keep Node alive; the ref'd ports do, until the call ends.
      for (const h of this.handles) h.port.ref();
      for (let k = 0; k < this.handles.length; k++) await waitDone(this.handles[k]!.control, seqs[k]!, this.waitMode, this.spinMicros, interrupted);
      // Settle asynchronously even when every wait returned at once: a second call before this one settles is rejected.
      if (this.waitMode === 'block') await null;
      // Take every worker's reply off its port (even after an error) so that none is left for the next call.
      let failed: WorkerReply['error'];
      for (const h of this.handles) {
        if (Atomics.load(h.control, REPLY) === 0) continue;
        const reply = receiveMessageOnPort(h.port)?.message as WorkerReply | undefined;
        if (reply === undefined) throw new Error(`${this.label}: a worker reported a reply that did not arrive`);
        failed ??= reply.error;
        if (reply.infos) for (const [index, subInfo] of reply.infos) addInfo(info, subInfo, index, this.numEnvs);
      }
      // The main thread's sub-envs come first, so its error has the lowest index.
      if (mainError !== undefined) throw mainError;
      if (failed !== undefined) {
        throw failed.subEnvIndex === undefined ? new Error(failed.message) : new SubEnvError(failed.message, failed.subEnvIndex);
      }
      return info;
    } finally {
      this.busy = false;
      this.interruptCall = undefined;
      for (const h of this.handles) h.port.unref();
    }
  }

  /** Turns a dying worker into a rejection of the pending call and every later one. */
  private watch(handle: WorkerHandle, k: number): void {
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
    this.interruptCall?.(this.failure);
  }

  private async shutdown(): Promise<void> {
    const wasBusy = this.busy;
    this.interruptCall?.(new Error(`${this.label}: close() was called while a reset() or step() was pending`));
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
    this.mainShare?.close();
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
