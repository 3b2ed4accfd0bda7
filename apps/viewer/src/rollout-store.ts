// Every rollout the viewer holds (live streams, opened files, server rollouts): episodes by rollout, frames by stream.
import type { EpisodeEndMessage, EpisodeStartMessage, Frame, Rollout, RolloutHeader } from '@rapier-gym/protocol';
import { EpisodeTrack } from './episode-track.js';

/** Where a rollout came from. */
export type RolloutSource = 'live' | 'file' | 'server';

/** What every episode of a rollout shares: the drawing and labelling fields of a rollout header. */
export type RolloutMeta = Omit<RolloutHeader, 'createdAt' | 'software'>;

export interface RolloutEntry {
  /** Unique within the store (the rollout id, suffixed when the same id is opened twice). */
  key: string;
  label: string;
  source: RolloutSource;
  meta: RolloutMeta;
  episodes: EpisodeTrack[];
  /** Index into `episodes` of the episode on screen. */
  episodeIndex: number;
}

export interface RolloutStoreOptions {
  /** Live rollouts keep at most this many episodes, dropping the oldest. Default 20. */
  maxLiveEpisodes?: number;
}

export class RolloutStore {
  readonly entries: RolloutEntry[] = [];
  private readonly streams = new Map<number, { entry: RolloutEntry; track: EpisodeTrack }>();
  private readonly maxLiveEpisodes: number;

  constructor(options: RolloutStoreOptions = {}) {
    this.maxLiveEpisodes = options.maxLiveEpisodes ?? 20;
    if (!Number.isInteger(this.maxLiveEpisodes) || this.maxLiveEpisodes < 1) {
      throw new Error(`maxLiveEpisodes: expected an integer >= 1, received ${options.maxLiveEpisodes}`);
    }
  }

  get(key: string): RolloutEntry | undefined {
    return this.entries.find((entry) => entry.key === key);
  }

  /** Opens a streamed episode; its rollout entry is created on its first episode. Returns the entry. */
  beginEpisode(message: EpisodeStartMessage): RolloutEntry {
    const source: RolloutSource = message.live ? 'live' : 'server';
    let entry = this.entries.find((candidate) => candidate.meta.rolloutId === message.rolloutId && candidate.source === source);
    if (!entry) {
      const meta: RolloutMeta = {
        rolloutId: message.rolloutId,
        envId: message.envId,
        scene: message.scene,
        observationLabels: message.observationLabels,
        actionLabels: message.actionLabels,
        infoTerms: message.infoTerms,
      };
      copyOptional(meta, message);
      entry = this.addEntry(meta, source, describe(meta, source));
    }
    const track = new EpisodeTrack(shapeOf(message), {
      episode: message.episode,
      live: message.live,
      ...(message.seed !== undefined ? { seed: message.seed } : {}),
      ...(message.checkpointStep !== undefined ? { checkpointStep: message.checkpointStep } : {}),
    });
    entry.episodes.push(track);
    if (message.live && entry.episodes.length > this.maxLiveEpisodes) {
      const dropped = entry.episodes.length - this.maxLiveEpisodes;
      entry.episodes.splice(0, dropped);
      entry.episodeIndex = Math.max(0, entry.episodeIndex - dropped);
    }
    this.streams.set(message.streamId, { entry, track });
    return entry;
  }

  /** Adds a frame to its open stream; returns the entry, or undefined when no episode with that stream is open. */
  appendFrame(frame: Frame): RolloutEntry | undefined {
    const stream = this.streams.get(frame.streamId);
    if (!stream) return undefined;
    stream.track.push(frame);
    return stream.entry;
  }

  /** Closes a stream and records how its episode ended; returns the entry, or undefined for an unknown stream. */
  endEpisode(message: EpisodeEndMessage): RolloutEntry | undefined {
    const stream = this.streams.get(message.streamId);
    if (!stream) return undefined;
    stream.track.end = {
      terminated: message.terminated,
      truncated: message.truncated,
      reason: message.reason,
      episodeReturn: message.episodeReturn,
      length: message.length,
    };
    this.streams.delete(message.streamId);
    return stream.entry;
  }

  /** Adds a decoded rollout file as a new entry. */
  addRollout(rollout: Rollout, label?: string): RolloutEntry {
    const { header } = rollout;
    const meta: RolloutMeta = {
      rolloutId: header.rolloutId,
      envId: header.envId,
      scene: header.scene,
      observationLabels: header.observationLabels,
      actionLabels: header.actionLabels,
      infoTerms: header.infoTerms,
    };
    copyOptional(meta, header);
    const entry = this.addEntry(meta, 'file', label ?? describe(meta, 'file'));
    rollout.episodes.forEach((episode, index) => {
      const track = new EpisodeTrack(shapeOf(header), {
        episode: index,
        live: false,
        ...(header.seed !== undefined ? { seed: header.seed } : {}),
        ...(header.checkpointStep !== undefined ? { checkpointStep: header.checkpointStep } : {}),
      });
      for (const frame of episode.frames) track.push(frame);
      if (episode.end) track.end = episode.end;
      entry.episodes.push(track);
    });
    return entry;
  }

  remove(key: string): void {
    const index = this.entries.findIndex((entry) => entry.key === key);
    if (index === -1) return;
    const [entry] = this.entries.splice(index, 1);
    for (const [streamId, stream] of this.streams) if (stream.entry === entry) this.streams.delete(streamId);
  }

  private addEntry(meta: RolloutMeta, source: RolloutSource, label: string): RolloutEntry {
    let key = meta.rolloutId;
    for (let copy = 2; this.get(key); copy++) key = `${meta.rolloutId}#${copy}`;
    const entry: RolloutEntry = { key, label, source, meta, episodes: [], episodeIndex: 0 };
    this.entries.push(entry);
    return entry;
  }
}

function shapeOf(declaration: Pick<RolloutHeader, 'scene' | 'actionLabels' | 'infoTerms' | 'observationLabels'>) {
  return {
    bodyCount: declaration.scene.bodies.length,
    actionLength: declaration.actionLabels.length,
    infoLength: declaration.infoTerms.length,
    observationLength: declaration.observationLabels.length,
  };
}

function copyOptional(meta: RolloutMeta, from: Partial<RolloutMeta>): void {
  if (from.runId !== undefined) meta.runId = from.runId;
  if (from.checkpointStep !== undefined) meta.checkpointStep = from.checkpointStep;
  if (from.seed !== undefined) meta.seed = from.seed;
  if (from.deterministic !== undefined) meta.deterministic = from.deterministic;
  if (from.actionLow !== undefined) meta.actionLow = from.actionLow;
  if (from.actionHigh !== undefined) meta.actionHigh = from.actionHigh;
}

/** A short human label: env, then checkpoint or rollout id, then where it came from. */
function describe(meta: RolloutMeta, source: RolloutSource): string {
  const which = meta.checkpointStep !== undefined ? `step ${meta.checkpointStep}` : meta.rolloutId;
  return `${meta.envId} · ${which}${source === 'live' ? ' (live)' : ''}`;
}
