// The live hub: the CLI publishes training metrics and evaluation episodes; subscribed clients receive them.
import {
  checkFrameMatchesDeclaration,
  encodeFrame,
  encodeServerControlMessage,
  toWireScene,
  type EpisodeEndMessage,
  type EpisodeOutcome,
  type EpisodeStartMessage,
  type Frame,
  type MetricsRow,
  type RunStatus,
} from '@rapier-gym/protocol';
import type { ClientChannel } from './client-channel.js';
import { StreamIdAllocator } from './stream-ids.js';

/** What the CLI gives beginEpisode: an episodeStart without the fields the hub fills in. */
export type LiveEpisodeStart = Omit<EpisodeStartMessage, 'type' | 'streamId' | 'live' | 'requestId'>;

/** What the CLI gives endEpisode: the stream returned by beginEpisode and how the episode ended. */
export type LiveEpisodeEnd = { streamId: number } & EpisodeOutcome;

/** A metrics row as the trainer produces it; non-finite numbers are sent as null (the protocol's rule). */
export type LiveMetricsRow = { step: number } & Record<string, number | null | undefined>;

/** How one client subscribed (subscribeLive). */
export interface LiveSubscription {
  /** Runs to receive; undefined for every run. */
  runIds: Set<string> | undefined;
  /** Also receive metrics rows. */
  metrics: boolean;
  /** Upper bound on frames per second per stream; undefined for every frame. */
  maxFramesPerSecond: number | undefined;
}

export interface LiveHubOptions {
  /** Metrics rows kept per run for late subscribers. Default 2000. */
  metricsHistoryRows?: number;
  /** Shared with the server so live stream ids never clash with request streams. Default: a new allocator. */
  streamIds?: StreamIdAllocator;
  /** Clock in milliseconds for the per-client frame-rate limit. Default performance.now. */
  now?: () => number;
}

export interface LiveSubscriberStats {
  clientId: number;
  runIds: string[] | 'all';
  /** Frames this client skipped because of its maxFramesPerSecond. */
  throttledFrames: number;
  /** Live frames dropped because the client was behind. */
  droppedFrames: number;
  sentFrames: number;
  queuedLiveFrames: number;
}

export interface LiveHubStats {
  /** Frames published since the hub started. */
  publishedFrames: number;
  /** Live episodes begun and not yet ended. */
  openStreams: number;
  subscribers: LiveSubscriberStats[];
}

interface OpenStream {
  start: EpisodeStartMessage;
  encodedStart: string;
  /** The last frame published, sent to late joiners so they can draw at once. */
  lastFrame: Uint8Array | undefined;
}

interface Subscriber {
  clientId: number;
  channel: ClientChannel;
  subscription: LiveSubscription;
  /** Streams whose episodeStart this client has received, with the time (ms) its last frame was sent. */
  announced: Map<number, number>;
  throttledFrames: number;
}

function sanitizeRow(row: LiveMetricsRow, runId: string): MetricsRow {
  if (typeof row !== 'object' || row === null) {
    throw new Error(`LiveHub.publishMetrics(${runId}): expected a row object { step, ...values }, received ${String(row)}`);
  }
  const clean: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'number') {
      throw new Error(`LiveHub.publishMetrics(${runId}): row.${key} expected a number or null, received ${typeof value}`);
    }
    clean[key] = value === null || Number.isFinite(value) ? value : null;
  }
  return clean as MetricsRow;
}

/**
 * What the CLI calls from the trainer's callbacks. Every method is synchronous and cheap: it validates, encodes once
 * and queues the bytes on each subscribed client's channel; it never waits for a socket. Input that would not decode
 * on the client (a NaN pose, a frame that contradicts its episodeStart, an unknown stream) throws an Error naming it.
 * Frames only leave the process when the event loop runs, so a training loop should yield now and then.
 */
export class LiveHub {
  private readonly streams = new Map<number, OpenStream>();
  private readonly history = new Map<string, MetricsRow[]>();
  private readonly statuses = new Map<string, RunStatus>();
  private readonly subscribers = new Map<ClientChannel, Subscriber>();
  private readonly historyRows: number;
  private readonly streamIds: StreamIdAllocator;
  private readonly now: () => number;
  private publishedFrames = 0;

  constructor(options: LiveHubOptions = {}) {
    this.historyRows = options.metricsHistoryRows ?? 2000;
    this.streamIds = options.streamIds ?? new StreamIdAllocator();
    this.now = options.now ?? (() => performance.now());
  }

  /** Records one metrics row of a run and sends it to subscribers that want metrics. */
  publishMetrics(runId: string, row: LiveMetricsRow): void {
    const clean = sanitizeRow(row, runId);
    encodeServerControlMessage({ type: 'metrics', runId, rows: [clean] }); // validates; throws naming a bad field
    const rows = this.history.get(runId) ?? [];
    rows.push(clean);
    if (rows.length > this.historyRows) rows.splice(0, rows.length - this.historyRows);
    this.history.set(runId, rows);
    if (!this.statuses.has(runId)) this.statuses.set(runId, 'running');
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.subscription.metrics && this.wants(subscriber, runId)) subscriber.channel.sendMetrics(runId, [clean]);
    }
  }

  /** Opens a live episode (an evaluation episode of a run) and returns the stream id its frames must carry. */
  beginEpisode(start: LiveEpisodeStart): number {
    const streamId = this.streamIds.next();
    const message: EpisodeStartMessage = { ...start, scene: toWireScene(start.scene), type: 'episodeStart', streamId, live: true };
    const encodedStart = encodeServerControlMessage(message);
    this.streams.set(streamId, { start: message, encodedStart, lastFrame: undefined });
    for (const subscriber of this.subscribers.values()) {
      if (this.wants(subscriber, message.runId)) this.announce(subscriber, streamId, encodedStart, undefined);
    }
    return streamId;
  }

  /** Publishes one frame of an open live episode; `frame.streamId` is the id beginEpisode returned. */
  publishFrame(frame: Frame): void {
    const stream = this.streams.get(frame.streamId);
    if (stream === undefined) {
      throw new Error(
        `LiveHub.publishFrame: stream ${String(frame.streamId)} is not open; expected the id returned by beginEpisode (before endEpisode)`,
      );
    }
    const matches = checkFrameMatchesDeclaration(frame, stream.start);
    if (!matches.ok) throw new Error(`LiveHub.publishFrame: ${matches.error.message}`);
    const bytes = encodeFrame(frame);
    stream.lastFrame = bytes;
    this.publishedFrames++;
    const final = frame.terminated || frame.truncated;
    const now = this.now();
    for (const subscriber of this.subscribers.values()) {
      const lastSent = subscriber.announced.get(frame.streamId);
      if (lastSent === undefined) continue;
      const fps = subscriber.subscription.maxFramesPerSecond;
      if (fps !== undefined && !final && now - lastSent < 1000 / fps) {
        subscriber.throttledFrames++;
        continue;
      }
      subscriber.announced.set(frame.streamId, now);
      subscriber.channel.sendFrame(bytes, true);
    }
  }

  /** Closes a live episode. */
  endEpisode(end: LiveEpisodeEnd): void {
    const stream = this.streams.get(end.streamId);
    if (stream === undefined) {
      throw new Error(`LiveHub.endEpisode: stream ${String(end.streamId)} is not open; expected the id returned by beginEpisode`);
    }
    const message: EpisodeEndMessage = {
      type: 'episodeEnd',
      streamId: end.streamId,
      rolloutId: stream.start.rolloutId,
      terminated: end.terminated,
      truncated: end.truncated,
      reason: end.reason,
      episodeReturn: end.episodeReturn,
      length: end.length,
    };
    const encoded = encodeServerControlMessage(message);
    this.streams.delete(end.streamId);
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.announced.delete(end.streamId)) subscriber.channel.sendEncodedControl(encoded);
    }
  }

  /** Marks a run's status for listRuns (the first metrics row marks it running). */
  setRunStatus(runId: string, status: RunStatus): void {
    this.statuses.set(runId, status);
  }

  /** The status set by setRunStatus or implied by published metrics, if any. */
  runStatus(runId: string): RunStatus | undefined {
    return this.statuses.get(runId);
  }

  /** Metrics rows kept for a run (oldest first). */
  metricsHistory(runId: string): readonly MetricsRow[] {
    return this.history.get(runId) ?? [];
  }

  stats(): LiveHubStats {
    return {
      publishedFrames: this.publishedFrames,
      openStreams: this.streams.size,
      subscribers: [...this.subscribers.values()].map((subscriber) => {
        const channel = subscriber.channel.stats();
        return {
          clientId: subscriber.clientId,
          runIds: subscriber.subscription.runIds === undefined ? 'all' : [...subscriber.subscription.runIds],
          throttledFrames: subscriber.throttledFrames,
          droppedFrames: channel.droppedFrames,
          sentFrames: channel.sentFrames,
          queuedLiveFrames: channel.queuedLiveFrames,
        };
      }),
    };
  }

  /**
   * Adds runs to a client's live subscription (or every run when `runId` is undefined) and sends it, at once, the
   * episodeStart and last frame of every matching open episode plus the kept metrics history of matching runs.
   */
  subscribe(clientId: number, channel: ClientChannel, options: { runId?: string; metrics?: boolean; maxFramesPerSecond?: number }): void {
    let subscriber = this.subscribers.get(channel);
    if (subscriber === undefined) {
      subscriber = {
        clientId,
        channel,
        subscription: { runIds: new Set(), metrics: true, maxFramesPerSecond: undefined },
        announced: new Map(),
        throttledFrames: 0,
      };
      this.subscribers.set(channel, subscriber);
    }
    const wantedBefore = new Set([...this.history.keys()].filter((runId) => this.wants(subscriber, runId)));
    subscriber.subscription.metrics = options.metrics ?? true;
    subscriber.subscription.maxFramesPerSecond = options.maxFramesPerSecond;
    if (options.runId === undefined) subscriber.subscription.runIds = undefined;
    else subscriber.subscription.runIds?.add(options.runId);

    for (const [streamId, stream] of this.streams) {
      if (!subscriber.announced.has(streamId) && this.wants(subscriber, stream.start.runId)) {
        this.announce(subscriber, streamId, stream.encodedStart, stream.lastFrame);
      }
    }
    if (subscriber.subscription.metrics) {
      for (const [runId, rows] of this.history) {
        if (!wantedBefore.has(runId) && this.wants(subscriber, runId)) subscriber.channel.sendMetrics(runId, rows);
      }
    }
  }

  /** Removes one run, or everything when `runId` is undefined, from a client's subscription. */
  unsubscribe(channel: ClientChannel, runId?: string): void {
    const subscriber = this.subscribers.get(channel);
    if (subscriber === undefined) return;
    if (runId === undefined) {
      this.subscribers.delete(channel);
      return;
    }
    subscriber.subscription.runIds?.delete(runId);
    for (const streamId of [...subscriber.announced.keys()]) {
      if (this.streams.get(streamId)?.start.runId === runId && !this.wants(subscriber, runId)) subscriber.announced.delete(streamId);
    }
  }

  /** Forgets a client (its connection closed). */
  removeClient(channel: ClientChannel): void {
    this.subscribers.delete(channel);
  }

  private wants(subscriber: Subscriber, runId: string | undefined): boolean {
    const runIds = subscriber.subscription.runIds;
    return runIds === undefined || (runId !== undefined && runIds.has(runId));
  }

  private announce(subscriber: Subscriber, streamId: number, encodedStart: string, lastFrame: Uint8Array | undefined): void {
    subscriber.channel.sendEncodedControl(encodedStart);
    if (lastFrame === undefined) {
      subscriber.announced.set(streamId, Number.NEGATIVE_INFINITY); // the next frame passes any rate limit
      return;
    }
    subscriber.announced.set(streamId, this.now());
    subscriber.channel.sendFrame(lastFrame, true);
  }
}
