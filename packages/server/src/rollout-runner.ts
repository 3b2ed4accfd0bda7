// The on-demand rollout contract: a runner rolls out a checkpoint's policy and writes episodes into a sink.
import type { EpisodeOutcome, FramePayload, RolloutHeader } from '@rapier-gym/protocol';

/** What a client asked for (requestRollout), with the run's folder resolved by the server. */
export interface RolloutRequest {
  runId: string;
  /** Absolute path of `<runsDir>/<runId>`. */
  runDir: string;
  checkpointStep: number;
  envId: string;
  seed: number;
  episodes: number;
  deterministic: boolean;
}

/**
 * Where a runner writes its episodes. Call `startEpisode` once per episode (episode 0, 1, ...), then `frame` for the
 * reset state and every step, then `endEpisode`. Every call validates its input and throws an Error naming the
 * problem; await each call (it waits while the client is behind). Stop early when `signal` is aborted (the client
 * left or the server is closing).
 */
export interface RolloutSink {
  readonly signal: AbortSignal;
  startEpisode(header: RolloutHeader, episode: number): Promise<void>;
  /** Encoded before the promise is returned, so the caller may reuse the frame's arrays afterwards. */
  frame(frame: FramePayload): Promise<void>;
  endEpisode(outcome: EpisodeOutcome): Promise<void>;
}

/** Rolls out `request` into `sink`; rejects with an Error whose message the client sees. */
export type RolloutRunner = (request: RolloutRequest, sink: RolloutSink) => Promise<void>;

/** A trained policy, as a checkpoint loader returns it. */
export interface Policy {
  /** The action for one observation: the mean action when deterministic, else a sample. */
  act(observation: Float32Array, options: { deterministic: boolean }): Float32Array | number;
}

/** Loads the policy saved at `<runDir>/checkpoints/<checkpointStep>/` (the SAC package's loadPolicy fits). */
export type PolicyLoader = (runDir: string, checkpointStep: number) => Promise<Policy>;
