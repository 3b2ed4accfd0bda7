// Messages between the trainer and its actor worker (asynchronous mode): setup, policy updates, step grants, transition chunks.
import type { PolicySnapshot } from './policy-snapshot.js';

export interface ActorSetup {
  envId: string;
  envOptions: Record<string, unknown>;
  /** The first episode resets with this seed; later episodes continue the env's stream. */
  resetSeed: number;
  /** Seed of the worker's generator (random actions, policy noise). */
  rngSeed: number;
  /** Env steps taken before this worker started (random exploration ends at randomSteps overall). */
  startStep: number;
  randomSteps: number;
  chunkSize: number;
  snapshot: PolicySnapshot;
  /** The worker may take steps until its total reaches this. */
  grant: number;
}

export type ToActor = { type: 'policy'; snapshot: PolicySnapshot } | { type: 'grant'; upTo: number } | { type: 'stop' };

/** `count` consecutive steps, row-major. */
export interface TransitionChunk {
  type: 'chunk';
  count: number;
  observations: Float32Array;
  actions: Float32Array;
  rewards: Float64Array;
  nextObservations: Float32Array;
  terminated: Uint8Array;
  /** 1 where the episode ended by truncation (time limit or physics error). */
  truncated: Uint8Array;
  physicsErrors: Uint8Array;
  /** Finished episodes: the row that ended them and their return and length (RecordEpisodeStatistics). */
  episodes: { row: number; r: number; l: number }[];
}

export type FromActor = TransitionChunk | { type: 'error'; message: string };
