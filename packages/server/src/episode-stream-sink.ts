// A RolloutSink that streams episodes to one client: episodeStart, frames (paced by the client's queue), episodeEnd.
import {
  checkFrameMatchesDeclaration,
  encodeFrame,
  episodeEndMessage,
  episodeStartFromHeader,
  type EpisodeOutcome,
  type EpisodeStartMessage,
  type FramePayload,
  type RolloutHeader,
} from '@rapier-gym/protocol';
import type { ClientChannel } from './client-channel.js';
import type { RolloutSink } from './rollout-runner.js';
import type { StreamIdAllocator } from './stream-ids.js';

/** Frames sent between two turns of the event loop, so a long stream never starves other clients. */
const FRAMES_PER_TURN = 64;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface EpisodeStreamOptions {
  channel: ClientChannel;
  streamIds: StreamIdAllocator;
  signal: AbortSignal;
  /** Copied into every episodeStart (the client's request). */
  requestId: string | undefined;
  /** True for on-demand rollouts (simulated as they stream), false for recorded files. */
  live: boolean;
}

/**
 * Streams episodes to a client. Each episode gets a fresh stream id; frames are re-stamped with it. Frames are never
 * dropped: each `frame` call waits until the client's queue has room, so a slow client slows the producer, not the
 * server. Calls out of order (a frame before startEpisode, ...) throw an Error naming the call.
 */
export class EpisodeStreamSink implements RolloutSink {
  readonly signal: AbortSignal;
  private open: { start: EpisodeStartMessage; framesSent: number } | undefined;
  private framesThisTurn = 0;

  constructor(private readonly options: EpisodeStreamOptions) {
    this.signal = options.signal;
  }

  async startEpisode(header: RolloutHeader, episode: number): Promise<void> {
    if (this.open !== undefined) throw new Error(`startEpisode(${episode}): episode ${this.open.start.episode} is still open; call endEpisode first`);
    const start = episodeStartFromHeader(header, this.options.streamIds.next(), episode, {
      live: this.options.live,
      ...(this.options.requestId === undefined ? {} : { requestId: this.options.requestId }),
    });
    this.options.channel.sendControl(start);
    this.open = { start, framesSent: 0 };
    await this.pace();
  }

  async frame(frame: FramePayload): Promise<void> {
    const open = this.requireOpen('frame');
    const stamped = { ...frame, streamId: open.start.streamId };
    const matches = checkFrameMatchesDeclaration(stamped, open.start);
    if (!matches.ok) throw new Error(matches.error.message);
    this.options.channel.sendFrame(encodeFrame(stamped), false);
    open.framesSent++;
    await this.pace();
  }

  async endEpisode(outcome: EpisodeOutcome): Promise<void> {
    const open = this.requireOpen('endEpisode');
    this.options.channel.sendControl(episodeEndMessage(open.start.rolloutId, open.start.streamId, outcome));
    this.open = undefined;
    await this.pace();
  }

  /** Ends an episode left open by a failed or cancelled producer, with reason "stopped". */
  closeOpenEpisode(episodeReturn = 0): void {
    const open = this.open;
    if (open === undefined) return;
    this.open = undefined;
    this.options.channel.sendControl(
      episodeEndMessage(open.start.rolloutId, open.start.streamId, {
        terminated: false,
        truncated: true,
        reason: 'stopped',
        episodeReturn,
        length: Math.max(0, open.framesSent - 1),
      }),
    );
  }

  private requireOpen(call: string): { start: EpisodeStartMessage; framesSent: number } {
    if (this.open === undefined) throw new Error(`${call}: no episode is open; call startEpisode first`);
    return this.open;
  }

  private async pace(): Promise<void> {
    await this.options.channel.waitForRoom();
    if (++this.framesThisTurn >= FRAMES_PER_TURN) {
      this.framesThisTurn = 0;
      await nextTurn();
    }
  }
}
