// What WorkerVectorEnv and its worker threads exchange: setup data, shared-memory layout, command codes and replies.
import type { MessagePort } from 'node:worker_threads';
import type { AutoresetMode, EnvMetadata, Info } from '../core/env.js';
import type { SceneDescription } from '../core/scene.js';
import type { SpaceJSON } from '../spaces/space.js';

/**
 * Control words (an Int32Array over a SharedArrayBuffer, one per worker). The main thread writes COMMAND, then
 * increments SEQ and notifies it; the worker, blocked in `Atomics.wait` on SEQ, runs the command, posts a reply on
 * its MessagePort when it has one (infos or an error) and sets REPLY to 1 (else 0), then stores SEQ into DONE and
 * notifies DONE. The main thread waits on DONE (`Atomics.waitAsync` or `Atomics.wait`); once it sees the new value,
 * every write the worker made before (the shared batches, the queued reply) is visible, and it takes the reply with
 * `receiveMessageOnPort`. Payloads (reset seeds and options) travel the other way on the same channel.
 */
export const SEQ = 0;
export const COMMAND = 1;
export const DONE = 2;
export const REPLY = 3;
export const CONTROL_WORDS = 4;

export const Command = { step: 1, reset: 2, close: 3 } as const;

/** `workerData` of a vector-env worker. */
export interface WorkerSetup {
  /** Registry id every sub-env is made from. */
  id: string;
  /** Options for `make(id, envOptions)`. */
  envOptions: Record<string, unknown>;
  /** Module URLs or bare specifiers imported (and their exported `init()` awaited) before `make`. */
  modules: string[];
  /** Global index of the worker's first sub-env. */
  indexOffset: number;
  /** Number of sub-envs the worker runs. */
  count: number;
  autoresetMode: AutoresetMode;
  /** The vector env's display name, for error messages. */
  label: string;
  /** Microseconds the worker polls SEQ before it sleeps in Atomics.wait (WorkerVectorEnvOptions.spinMicros). */
  spinMicros: number;
  control: SharedArrayBuffer;
  port: MessagePort;
}

/** The worker's first message on `parentPort`, once its sub-envs are built (or could not be). */
export type ReadyMessage =
  | {
      type: 'ready';
      envName: string;
      observationSpace: SpaceJSON;
      actionSpace: SpaceJSON;
      metadata: EnvMetadata;
      scenes: SceneDescription[];
    }
  | { type: 'init-error'; message: string };

/** The shared batches, sent once after every worker is ready; each worker uses its own rows. */
export interface BindMessage {
  obs: SharedArrayBuffer;
  actions: SharedArrayBuffer;
  rewards: SharedArrayBuffer;
  terminations: SharedArrayBuffer;
  truncations: SharedArrayBuffer;
  /** Every sub-env's raw poses, in sub-env order; null when poses are not shared. */
  poses: SharedArrayBuffer | null;
  /** Offset (in floats) of this worker's first sub-env in `poses`, and each of its sub-envs' pose sizes. */
  poseStart: number;
  poseSizes: number[];
}

/** Payload of a reset command, already sliced to the worker's sub-envs. */
export interface ResetPayload {
  seeds: (number | undefined)[];
  options: Record<string, unknown> | undefined;
  mask: boolean[] | undefined;
}

/** A worker's reply message, sent only when there is something to say (REPLY = 1). */
export type WorkerReply = {
  seq: number;
  /** Non-empty infos as [global sub-env index, info]. */
  infos?: [number, Info][];
  error?: { message: string; subEnvIndex: number | undefined };
};
