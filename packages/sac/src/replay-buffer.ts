// Replay buffer: preallocated Float32Array ring with uniform sampling; `terminated` (not `truncated`) is the bootstrap mask.
import type { Rng } from '@rapier-gym/envs';
import { checkReplayBufferState, REPLAY_ARRAYS, type ReplayBufferState } from './replay-buffer-state.js';

/** One environment step as the learner stores it. */
export interface Transition {
  observation: ArrayLike<number>;
  /** The action in the learner's space: normalised [-1, 1]^|A| for Box, the index (length 1) for Discrete. */
  action: ArrayLike<number>;
  reward: number;
  /** The observation after the step: on truncation, the true final observation (not the next episode's reset). */
  nextObservation: ArrayLike<number>;
  /** MDP terminal state: the critic target does not bootstrap. */
  terminated: boolean;
  /** Time limit or outside cut: accepted for clarity but not stored, because such steps still bootstrap. */
  truncated?: boolean;
}

/** A sampled minibatch, row-major. `terminated[i]` is 1 for a terminal transition and 0 otherwise. */
export interface TransitionBatch {
  size: number;
  observations: Float32Array;
  actions: Float32Array;
  rewards: Float32Array;
  nextObservations: Float32Array;
  terminated: Float32Array;
}

export interface ReplayBufferOptions {
  capacity: number;
  observationSize: number;
  actionSize: number;
}

/** Allocates an empty batch of the given shape (reused by `sample` to avoid garbage). */
export function allocateBatch(batchSize: number, observationSize: number, actionSize: number): TransitionBatch {
  return {
    size: batchSize,
    observations: new Float32Array(batchSize * observationSize),
    actions: new Float32Array(batchSize * actionSize),
    rewards: new Float32Array(batchSize),
    nextObservations: new Float32Array(batchSize * observationSize),
    terminated: new Float32Array(batchSize),
  };
}

function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`replay buffer: ${name} must be a positive integer, received ${value}`);
  }
}

/** Fixed-capacity ring of transitions; once full, the oldest transition is overwritten. */
export class ReplayBuffer {
  readonly capacity: number;
  readonly observationSize: number;
  readonly actionSize: number;
  private readonly observations: Float32Array;
  private readonly actions: Float32Array;
  private readonly rewards: Float32Array;
  private readonly nextObservations: Float32Array;
  private readonly terminated: Float32Array;
  private next = 0;
  private count = 0;

  constructor({ capacity, observationSize, actionSize }: ReplayBufferOptions) {
    checkPositiveInteger('capacity', capacity);
    checkPositiveInteger('observationSize', observationSize);
    checkPositiveInteger('actionSize', actionSize);
    this.capacity = capacity;
    this.observationSize = observationSize;
    this.actionSize = actionSize;
    this.observations = new Float32Array(capacity * observationSize);
    this.actions = new Float32Array(capacity * actionSize);
    this.rewards = new Float32Array(capacity);
    this.nextObservations = new Float32Array(capacity * observationSize);
    this.terminated = new Float32Array(capacity);
  }

  /** Number of transitions stored. */
  get size(): number {
    return this.count;
  }

  /** Stores one transition; wrong lengths or non-finite numbers throw (a blown-up step must be dropped before this). */
  add(transition: Transition): void {
    const { observation, action, reward, nextObservation, terminated } = transition;
    this.checkVector('observation', observation, this.observationSize);
    this.checkVector('action', action, this.actionSize);
    this.checkVector('nextObservation', nextObservation, this.observationSize);
    if (!Number.isFinite(reward)) throw new Error(`replay buffer: reward must be a finite number, received ${reward}`);
    const i = this.next;
    this.observations.set(observation, i * this.observationSize);
    this.actions.set(action, i * this.actionSize);
    this.nextObservations.set(nextObservation, i * this.observationSize);
    this.rewards[i] = reward;
    this.terminated[i] = terminated ? 1 : 0;
    this.next = (i + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Uniformly samples `batchSize` transitions with replacement into `out` (allocated when not given). */
  sample(batchSize: number, rng: Rng, out?: TransitionBatch): TransitionBatch {
    if (this.count === 0) throw new Error('replay buffer: cannot sample from an empty buffer (add transitions first)');
    const batch = out ?? allocateBatch(batchSize, this.observationSize, this.actionSize);
    if (batch.size !== batchSize || batch.observations.length !== batchSize * this.observationSize || batch.actions.length !== batchSize * this.actionSize) {
      throw new Error(
        `replay buffer: output batch has size ${batch.size} with ${batch.observations.length} observation and ${batch.actions.length} action values, expected ${batchSize} rows of ${this.observationSize} and ${this.actionSize}`,
      );
    }
    const o = this.observationSize;
    const a = this.actionSize;
    for (let row = 0; row < batchSize; row++) {
      const i = rng.integer(this.count);
      batch.observations.set(this.observations.subarray(i * o, (i + 1) * o), row * o);
      batch.nextObservations.set(this.nextObservations.subarray(i * o, (i + 1) * o), row * o);
      batch.actions.set(this.actions.subarray(i * a, (i + 1) * a), row * a);
      batch.rewards[row] = this.rewards[i]!;
      batch.terminated[row] = this.terminated[i]!;
    }
    return batch;
  }

  /** A copy of the filled rows, the write position and the count, for checkpoints. */
  exportState(): ReplayBufferState {
    const n = this.count;
    const o = this.observationSize;
    const a = this.actionSize;
    return {
      capacity: this.capacity,
      observationSize: o,
      actionSize: a,
      next: this.next,
      count: n,
      observations: this.observations.slice(0, n * o),
      actions: this.actions.slice(0, n * a),
      rewards: this.rewards.slice(0, n),
      nextObservations: this.nextObservations.slice(0, n * o),
      terminated: this.terminated.slice(0, n),
    };
  }

  /** Replaces the contents with an exported state of a buffer of the same capacity and sizes (rows past count are zeroed). */
  importState(state: ReplayBufferState): void {
    checkReplayBufferState(state, this);
    for (const name of REPLAY_ARRAYS) {
      this[name].fill(0);
      this[name].set(state[name]);
    }
    this.next = state.next;
    this.count = state.count;
  }

  private checkVector(name: string, values: ArrayLike<number>, expected: number): void {
    if (values.length !== expected) {
      throw new Error(`replay buffer: ${name} must have length ${expected}, received length ${values.length}`);
    }
    for (let k = 0; k < values.length; k++) {
      if (!Number.isFinite(values[k])) {
        throw new Error(`replay buffer: ${name}[${k}] must be finite, received ${values[k]}`);
      }
    }
  }
}
