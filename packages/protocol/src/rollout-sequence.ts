// The ordering rules of a rollout file's records, enforced alike by the writer, the one-shot encoder and the decoder.
import { checkFrameMatchesDeclaration } from './frame-declaration.js';
import type { Frame } from './frame.js';
import { MAX_EPISODES, MAX_FRAMES } from './limits.js';
import { DecodeFailure } from './result.js';
import type { RolloutHeader } from './rollout-header.js';

/**
 * Tracks records in file order. Rules: every frame of episode e carries streamId e and a step greater than the
 * previous frame of e; episode e closes with its episodeEnd record before any frame of e + 1; the end record comes
 * last and repeats the frame and episode counts; sizes match the header's declaration; the limits hold.
 * Violations throw DecodeFailure (an Error) naming the record.
 */
export class RolloutSequence {
  private frames = 0;
  private episodes = 0;
  private framesInOpenEpisode = 0;
  private lastStep = -1;
  private ended = false;

  constructor(private readonly header: RolloutHeader) {}

  get frameCount(): number {
    return this.frames;
  }

  /** Episodes closed by an episodeEnd so far. */
  get episodeCount(): number {
    return this.episodes;
  }

  /** True while the current episode has frames but no episodeEnd yet. */
  get episodeOpen(): boolean {
    return this.framesInOpenEpisode > 0;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Index of the episode the next frame belongs to. */
  get currentEpisode(): number {
    return this.episodes;
  }

  frame(frame: Frame): void {
    const where = `frame ${this.frames} (episode ${this.episodes}, step ${frame.step})`;
    this.assertNotEnded(where);
    if (this.frames >= MAX_FRAMES) {
      throw new DecodeFailure('oversized', `${where}: a rollout file holds at most ${MAX_FRAMES} frames (MAX_FRAMES)`);
    }
    if (this.episodes >= MAX_EPISODES) {
      throw new DecodeFailure('oversized', `${where}: a rollout file holds at most ${MAX_EPISODES} episodes (MAX_EPISODES)`);
    }
    if (frame.streamId !== this.episodes) {
      throw new DecodeFailure(
        'out_of_order',
        `${where}: streamId expected ${this.episodes} (the index of the open episode), received ${frame.streamId}`,
      );
    }
    if (frame.step <= this.lastStep) {
      throw new DecodeFailure('out_of_order', `${where}: step expected greater than ${this.lastStep}, received ${frame.step}`);
    }
    const matches = checkFrameMatchesDeclaration(frame, this.header);
    if (!matches.ok) throw new DecodeFailure(matches.error.code, matches.error.message);
    this.lastStep = frame.step;
    this.framesInOpenEpisode++;
    this.frames++;
  }

  episodeEnd(streamId: number, rolloutId: string): void {
    const where = `episodeEnd of episode ${this.episodes}`;
    this.assertNotEnded(where);
    if (this.episodes >= MAX_EPISODES) {
      throw new DecodeFailure('oversized', `${where}: a rollout file holds at most ${MAX_EPISODES} episodes (MAX_EPISODES)`);
    }
    if (streamId !== this.episodes) {
      throw new DecodeFailure('out_of_order', `${where}: streamId expected ${this.episodes}, received ${streamId}`);
    }
    if (rolloutId !== this.header.rolloutId) {
      throw new DecodeFailure(
        'invalid_field',
        `${where}: rolloutId expected ${JSON.stringify(this.header.rolloutId)} (the file header's), received ${JSON.stringify(rolloutId)}`,
      );
    }
    this.episodes++;
    this.framesInOpenEpisode = 0;
    this.lastStep = -1;
  }

  end(frameCount: number, episodeCount: number): void {
    this.assertNotEnded('end record');
    if (this.framesInOpenEpisode > 0) {
      throw new DecodeFailure(
        'out_of_order',
        `end record: episode ${this.episodes} has ${this.framesInOpenEpisode} frames but no episodeEnd record`,
      );
    }
    if (frameCount !== this.frames || episodeCount !== this.episodes) {
      throw new DecodeFailure(
        'length_mismatch',
        `end record: expected ${this.frames} frames and ${this.episodes} episodes (the records seen), received ${frameCount} and ${episodeCount}`,
      );
    }
    this.ended = true;
  }

  private assertNotEnded(where: string): void {
    if (this.ended) throw new DecodeFailure('out_of_order', `${where}: comes after the end record, which must be last`);
  }
}
