// Worker-thread entry of WorkerVectorEnv: imports init modules, makes its sub-envs and serves step/reset commands over shared memory.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Info } from '../core/env.js';
import { make } from '../registry/registry.js';
import { Box } from '../spaces/box.js';
import { SubEnvBatch, SubEnvError, type BatchBuffers } from '../vector/sub-env-batch.js';
import type { SubEnv } from '../vector/sync-vector-env.js';
import { runInitHooks } from './init-hooks.js';
import { spinWhileEqual } from './reply-wait.js';
import { COMMAND, Command, DONE, REPLY, SEQ, type BindMessage, type ReadyMessage, type ResetPayload, type WorkerReply, type WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;

async function start(): Promise<void> {
  let envs: SubEnv[];
  let batch: SubEnvBatch;
  try {
    await runInitHooks(setup.modules);
    envs = Array.from({ length: setup.count }, () => make(setup.id, setup.envOptions) as SubEnv);
    const first = envs[0]!;
    const obsSize = first.observationSpace instanceof Box ? first.observationSpace.size : 0;
    const actionSize = first.actionSpace instanceof Box ? first.actionSpace.size : 1;
    batch = new SubEnvBatch(envs, setup.autoresetMode, obsSize, actionSize, setup.label, setup.indexOffset);
    const ready: ReadyMessage = {
      type: 'ready',
      envName: first.spec?.id ?? first.constructor.name,
      observationSpace: first.observationSpace.toJSON(),
      actionSpace: first.actionSpace.toJSON(),
      metadata: first.metadata,
      scenes: envs.map((env) => env.scene()),
    };
    port.postMessage(ready);
  } catch (err) {
    const message: ReadyMessage = { type: 'init-error', message: err instanceof Error ? err.message : String(err) };
    port.postMessage(message);
    return;
  }
  port.once('message', (bind: BindMessage) => serve(envs, batch, bind));
}

/** The command loop: blocks in Atomics.wait between commands and never returns to the event loop until close. */
function serve(envs: readonly SubEnv[], batch: SubEnvBatch, bind: BindMessage): void {
  const control = new Int32Array(setup.control);
  const { indexOffset: first, count } = setup;
  const obsSize = batch.obsSize;
  const buffers: BatchBuffers = {
    obs: new Float32Array(bind.obs, first * obsSize * 4, count * obsSize),
    rewards: new Float64Array(bind.rewards, first * 8, count),
    terminations: new Uint8Array(bind.terminations, first, count),
    truncations: new Uint8Array(bind.truncations, first, count),
  };
  const isDiscrete = !(envs[0]!.actionSpace instanceof Box);
  const actions = isDiscrete
    ? new Int32Array(bind.actions, first * 4, count)
    : new Float32Array(bind.actions, first * batch.actionSize * 4, count * batch.actionSize);
  const poseViews = bind.poses === null ? [] : poseSubarrays(bind.poses, bind.poseStart, bind.poseSizes);
  const reply = setup.port;

  let seen = 0;
  for (;;) {
    spinWhileEqual(control, SEQ, seen, setup.spinMicros);
    Atomics.wait(control, SEQ, seen);
    seen = Atomics.load(control, SEQ);
    const command = Atomics.load(control, COMMAND);
    if (command === Command.close) {
      try {
        batch.close();
      } finally {
        finish(control, seen, undefined, reply);
      }
      return;
    }
    let answer: WorkerReply | undefined;
    try {
      let infos: (Info | undefined)[];
      if (command === Command.reset) {
        const payload = receiveMessageOnPort(reply)?.message as ResetPayload | undefined;
        if (payload === undefined) throw new Error(`${setup.label}: worker received a reset command without its payload`);
        infos = batch.reset(payload.seeds, payload.options, payload.mask, buffers);
      } else {
        infos = batch.step(actions, buffers);
      }
      for (let i = 0; i < poseViews.length; i++) envs[i]!.poses(poseViews[i]);
      const entries: [number, Info][] = [];
      infos.forEach((info, i) => {
        if (info !== undefined && Object.keys(info).length > 0) entries.push([first + i, info]);
      });
      answer = entries.length > 0 ? { seq: seen, infos: entries } : undefined;
    } catch (err) {
      answer = errorReply(seen, err);
    }
    finish(control, seen, answer, reply);
  }
}

/** Queues the reply (when there is one), then publishes DONE = seq and wakes the main thread. */
function finish(control: Int32Array, seq: number, answer: WorkerReply | undefined, reply: MessagePort): void {
  if (answer !== undefined) {
    try {
      reply.postMessage(answer);
    } catch (err) {
      reply.postMessage(errorReply(seq, new Error(`${setup.label}: a sub-env info could not be sent to the main thread: ${(err as Error).message}`)));
    }
  }
  Atomics.store(control, REPLY, answer === undefined ? 0 : 1);
  Atomics.store(control, DONE, seq);
  Atomics.notify(control, DONE);
}

function errorReply(seq: number, err: unknown): WorkerReply {
  return {
    seq,
    error: { message: err instanceof Error ? err.message : String(err), subEnvIndex: err instanceof SubEnvError ? err.subEnvIndex : undefined },
  };
}

function poseSubarrays(poses: SharedArrayBuffer, start: number, sizes: readonly number[]): Float32Array[] {
  const views: Float32Array[] = [];
  let offset = start;
  for (const size of sizes) {
    views.push(new Float32Array(poses, offset * 4, size));
    offset += size;
  }
  return views;
}

void start();
