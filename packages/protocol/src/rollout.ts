// In-memory shapes of a rollout: what encodeRolloutFile takes and what decodeRolloutFile returns.
import type { Frame } from './frame.js';
import type { EpisodeOutcome, RolloutHeader } from './rollout-header.js';

/** A frame before it is written to a file: the file stamps streamId with the episode index. */
export type FramePayload = Omit<Frame, 'streamId'> & { streamId?: number };

export interface RolloutEpisodeInput {
  frames: FramePayload[];
  end: EpisodeOutcome;
}

/** Everything encodeRolloutFile writes: the header once, then each episode's frames and outcome. */
export interface RolloutInput {
  header: RolloutHeader;
  episodes: RolloutEpisodeInput[];
}

export interface RolloutEpisode {
  /** Frames in step order; each frame's streamId is the episode's index. */
  frames: Frame[];
  /** Absent only for the last episode of an incomplete file. */
  end?: EpisodeOutcome;
}

export interface Rollout {
  header: RolloutHeader;
  episodes: RolloutEpisode[];
  /** False when decoded with allowIncomplete from a file whose writer did not finish (no end record). */
  complete: boolean;
}
