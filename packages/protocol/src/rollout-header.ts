// The JSON header of a rollout file: what was rolled out and how to draw it, shared by every episode in the file.
import type { EpisodeEndMessage, EpisodeStartMessage } from './control-messages.js';
import {
  field,
  numberReader,
  optionalField,
  readBoolean,
  readCount,
  readLabels,
  readName,
  readObject,
  readString,
  readVector,
  rejectUnknownKeys,
  type Reader,
} from './json-readers.js';
import { DecodeFailure } from './result.js';
import { readScene, type WireScene } from './wire-scene.js';

export interface RolloutHeader {
  rolloutId: string;
  envId: string;
  runId?: string;
  checkpointStep?: number;
  seed?: number;
  deterministic?: boolean;
  /** ISO 8601 time the recording started. */
  createdAt?: string;
  /** Free text naming the writer, e.g. "rapier-gym 0.1.0". */
  software?: string;
  scene: WireScene;
  observationLabels: string[];
  actionLabels: string[];
  infoTerms: string[];
  actionLow?: number[];
  actionHigh?: number[];
}

/** How an episode ended: an episodeEnd message without its routing fields. */
export type EpisodeOutcome = Omit<EpisodeEndMessage, 'type' | 'streamId' | 'rolloutId'>;

const HEADER_KEYS = [
  'rolloutId',
  'envId',
  'runId',
  'checkpointStep',
  'seed',
  'deterministic',
  'createdAt',
  'software',
  'scene',
  'observationLabels',
  'actionLabels',
  'infoTerms',
  'actionLow',
  'actionHigh',
] as const;

const readSeed = numberReader({ integer: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

export const readRolloutHeader: Reader<RolloutHeader> = (value, path) => {
  const object = readObject(value, path);
  rejectUnknownKeys(object, path, HEADER_KEYS);
  const header: RolloutHeader = {
    rolloutId: field(object, 'rolloutId', path, readName),
    envId: field(object, 'envId', path, readName),
    scene: field(object, 'scene', path, readScene),
    observationLabels: field(object, 'observationLabels', path, readLabels),
    actionLabels: field(object, 'actionLabels', path, readLabels),
    infoTerms: field(object, 'infoTerms', path, readLabels),
  };
  const optional: Partial<RolloutHeader> = {
    runId: optionalField(object, 'runId', path, readName),
    checkpointStep: optionalField(object, 'checkpointStep', path, readCount),
    seed: optionalField(object, 'seed', path, readSeed),
    deterministic: optionalField(object, 'deterministic', path, readBoolean),
    createdAt: optionalField(object, 'createdAt', path, readString),
    software: optionalField(object, 'software', path, readString),
    actionLow: optionalField(object, 'actionLow', path, readVector),
    actionHigh: optionalField(object, 'actionHigh', path, readVector),
  };
  for (const [key, entry] of Object.entries(optional)) {
    if (entry !== undefined) (header as unknown as Record<string, unknown>)[key] = entry;
  }
  for (const bound of ['actionLow', 'actionHigh'] as const) {
    const values = header[bound];
    if (values !== undefined && values.length !== header.actionLabels.length) {
      throw new DecodeFailure(
        'length_mismatch',
        `${path}.${bound}: expected ${header.actionLabels.length} numbers (one per action label), received ${values.length}`,
      );
    }
  }
  return header;
};

/** The episodeStart a server sends before streaming episode `episode` of a recorded rollout on `streamId`. */
export function episodeStartFromHeader(
  header: RolloutHeader,
  streamId: number,
  episode: number,
  options: { live?: boolean; requestId?: string } = {},
): EpisodeStartMessage {
  const { scene, observationLabels, actionLabels, infoTerms, rolloutId, envId } = header;
  const message: EpisodeStartMessage = {
    type: 'episodeStart',
    streamId,
    rolloutId,
    envId,
    episode,
    live: options.live ?? false,
    scene,
    observationLabels,
    actionLabels,
    infoTerms,
  };
  if (options.requestId !== undefined) message.requestId = options.requestId;
  for (const key of ['runId', 'seed', 'checkpointStep', 'deterministic', 'actionLow', 'actionHigh'] as const) {
    if (header[key] !== undefined) (message as unknown as Record<string, unknown>)[key] = header[key];
  }
  return message;
}

/** The episodeEnd message for an outcome on a stream. */
export function episodeEndMessage(rolloutId: string, streamId: number, outcome: EpisodeOutcome): EpisodeEndMessage {
  return {
    type: 'episodeEnd',
    streamId,
    rolloutId,
    terminated: outcome.terminated,
    truncated: outcome.truncated,
    reason: outcome.reason,
    episodeReturn: outcome.episodeReturn,
    length: outcome.length,
  };
}
