// Saves and restores a ReplayBuffer's contents for checkpoints (its stored rows, write position and count).
import { ReplayBuffer } from './replay-buffer.js';

/** The stored rows [0, size) of each array, the ring's write position and the row count. */
export interface ReplayBufferState {
  capacity: number;
  observationSize: number;
  actionSize: number;
  next: number;
  count: number;
  observations: Float32Array;
  actions: Float32Array;
  rewards: Float32Array;
  nextObservations: Float32Array;
  terminated: Float32Array;
}

/** The buffer's private storage, as replay-buffer.ts declares it (checked at run time below). */
interface ReplayInternals {
  observations: Float32Array;
  actions: Float32Array;
  rewards: Float32Array;
  nextObservations: Float32Array;
  terminated: Float32Array;
  next: number;
  count: number;
}

const ARRAYS = ['observations', 'actions', 'rewards', 'nextObservations', 'terminated'] as const;

function internals(buffer: ReplayBuffer): ReplayInternals {
  const inner = buffer as unknown as ReplayInternals;
  for (const name of ARRAYS) {
    if (!(inner[name] instanceof Float32Array)) throw new Error(`replay buffer state: the buffer has no Float32Array "${name}" (ReplayBuffer's storage changed; update replay-buffer-state.ts)`);
  }
  if (!Number.isInteger(inner.next) || !Number.isInteger(inner.count)) throw new Error('replay buffer state: the buffer has no integer "next"/"count" (ReplayBuffer changed; update replay-buffer-state.ts)');
  return inner;
}

/** Copies the filled rows out of a buffer. */
export function exportReplayBuffer(buffer: ReplayBuffer): ReplayBufferState {
  const inner = internals(buffer);
  const n = inner.count;
  const o = buffer.observationSize;
  const a = buffer.actionSize;
  return {
    capacity: buffer.capacity,
    observationSize: o,
    actionSize: a,
    next: inner.next,
    count: n,
    observations: inner.observations.slice(0, n * o),
    actions: inner.actions.slice(0, n * a),
    rewards: inner.rewards.slice(0, n),
    nextObservations: inner.nextObservations.slice(0, n * o),
    terminated: inner.terminated.slice(0, n),
  };
}

/** Loads a state into an empty or used buffer of the same capacity and sizes. */
export function importReplayBuffer(buffer: ReplayBuffer, state: ReplayBufferState): void {
  if (state.capacity !== buffer.capacity || state.observationSize !== buffer.observationSize || state.actionSize !== buffer.actionSize) {
    throw new Error(
      `replay buffer state: expected capacity ${buffer.capacity}, observationSize ${buffer.observationSize}, actionSize ${buffer.actionSize}, received ${state.capacity}, ${state.observationSize}, ${state.actionSize}`,
    );
  }
  const n = state.count;
  const sizes = { observations: n * state.observationSize, actions: n * state.actionSize, rewards: n, nextObservations: n * state.observationSize, terminated: n };
  if (!Number.isInteger(n) || n < 0 || n > state.capacity || !Number.isInteger(state.next) || state.next < 0 || state.next >= state.capacity) {
    throw new Error(`replay buffer state: count ${n} and next ${state.next} must be integers within the capacity ${state.capacity}`);
  }
  const inner = internals(buffer);
  for (const name of ARRAYS) {
    if (state[name].length !== sizes[name]) throw new Error(`replay buffer state: ${name} must hold ${sizes[name]} values, received ${state[name].length}`);
    inner[name].fill(0);
    inner[name].set(state[name]);
  }
  inner.next = state.next;
  inner.count = n;
}
