// Validators for every JSON control message: strict about the `type`, every field's type and unknown fields.
import type {
  ClientMessage,
  ErrorMessage,
  ListRunsMessage,
  OpenRolloutMessage,
  PingMessage,
  PongMessage,
  RequestRolloutMessage,
  RunListMessage,
  SubscribeLiveMessage,
  UnsubscribeLiveMessage,
  EpisodeEndMessage,
  EpisodeStartMessage,
  HelloMessage,
  MetricsRow,
  RolloutSummary,
  RunSummary,
  ServerControlMessage,
} from './control-messages.js';
import { readCurves, readGetCurves } from './curve-validators.js';
import { DecodeFailure } from './result.js';
import { MAX_METRIC_KEYS, MAX_STRING_LENGTH } from './limits.js';
import {
  arrayReader,
  describeValue,
  field,
  invalid,
  literalReader,
  numberReader,
  optionalField,
  readBoolean,
  readCount,
  readFiniteNumber,
  readLabels,
  readName,
  readObject,
  readString,
  readUint32,
  readVector,
  rejectUnknownKeys,
  type JsonObject,
  type Reader,
} from './json-readers.js';
import { readScene } from './wire-scene.js';

/** Copies the optional fields that are present, so decoded objects carry no undefined-valued keys. */
function withOptional<T extends object>(target: T, optional: Partial<T>): T {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

const readPositiveInteger = numberReader({ integer: true, min: 1, max: Number.MAX_SAFE_INTEGER });
const readSeed = numberReader({ integer: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const readRole = literalReader(['server', 'client'] as const);

/** A hello of any protocol version: only its frozen fields are read, extra fields are ignored. */
function readHello(object: JsonObject, path: string): HelloMessage {
  return {
    type: 'hello',
    protocol: field(object, 'protocol', path, readName),
    protocolVersion: field(object, 'protocolVersion', path, readPositiveInteger),
    role: field(object, 'role', path, readRole),
    software: field(object, 'software', path, readString),
  };
}

// ---------------------------------------------------------------- client -> server

type ObjectReader<T> = (object: JsonObject, path: string) => T;

const CLIENT_READERS: Record<string, ObjectReader<ClientMessage>> = {
  hello: readHello,
  listRuns: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'requestId']);
    return withOptional<ListRunsMessage>({ type: 'listRuns' }, { requestId: optionalField(object, 'requestId', path, readString) });
  },
  subscribeLive: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'requestId', 'runId', 'maxFramesPerSecond', 'metrics']);
    return withOptional<SubscribeLiveMessage>(
      { type: 'subscribeLive' },
      {
        requestId: optionalField(object, 'requestId', path, readString),
        runId: optionalField(object, 'runId', path, readName),
        maxFramesPerSecond: optionalField(object, 'maxFramesPerSecond', path, numberReader({ min: 0.001, max: 10_000 })),
        metrics: optionalField(object, 'metrics', path, readBoolean),
      },
    );
  },
  unsubscribeLive: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'requestId', 'runId']);
    return withOptional<UnsubscribeLiveMessage>(
      { type: 'unsubscribeLive' },
      {
        requestId: optionalField(object, 'requestId', path, readString),
        runId: optionalField(object, 'runId', path, readName),
      },
    );
  },
  openRollout: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'requestId', 'rolloutId']);
    return withOptional<OpenRolloutMessage>(
      { type: 'openRollout', rolloutId: field(object, 'rolloutId', path, readName) },
      { requestId: optionalField(object, 'requestId', path, readString) },
    );
  },
  requestRollout: (object, path) => {
    rejectUnknownKeys(object, path, [
      'type',
      'requestId',
      'runId',
      'checkpointStep',
      'envId',
      'seed',
      'episodes',
      'deterministic',
    ]);
    return withOptional<RequestRolloutMessage>(
      {
        type: 'requestRollout',
        runId: field(object, 'runId', path, readName),
        checkpointStep: field(object, 'checkpointStep', path, readCount),
        envId: field(object, 'envId', path, readName),
        seed: field(object, 'seed', path, readSeed),
        episodes: field(object, 'episodes', path, numberReader({ integer: true, min: 1, max: 10_000 })),
        deterministic: field(object, 'deterministic', path, readBoolean),
      },
      { requestId: optionalField(object, 'requestId', path, readString) },
    );
  },
  ping: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'requestId', 'nonce']);
    return withOptional<PingMessage>(
      { type: 'ping' },
      {
        requestId: optionalField(object, 'requestId', path, readString),
        nonce: optionalField(object, 'nonce', path, readFiniteNumber),
      },
    );
  },
  getCurves: readGetCurves,
};

// ---------------------------------------------------------------- server -> client

const readRolloutSummary: Reader<RolloutSummary> = (value, path) => {
  const object = readObject(value, path);
  rejectUnknownKeys(object, path, [
    'rolloutId',
    'envId',
    'runId',
    'checkpointStep',
    'seed',
    'episodes',
    'frames',
    'meanReturn',
    'createdAt',
  ]);
  return withOptional<RolloutSummary>(
    {
      rolloutId: field(object, 'rolloutId', path, readName),
      envId: field(object, 'envId', path, readName),
      episodes: field(object, 'episodes', path, readCount),
      frames: field(object, 'frames', path, readCount),
    },
    {
      runId: optionalField(object, 'runId', path, readName),
      checkpointStep: optionalField(object, 'checkpointStep', path, readCount),
      seed: optionalField(object, 'seed', path, readSeed),
      meanReturn: optionalField(object, 'meanReturn', path, readFiniteNumber),
      createdAt: optionalField(object, 'createdAt', path, readString),
    },
  );
};

const readRunSummary: Reader<RunSummary> = (value, path) => {
  const object = readObject(value, path);
  rejectUnknownKeys(object, path, ['runId', 'envId', 'status', 'algorithm', 'totalSteps', 'startedAt', 'checkpoints']);
  return withOptional<RunSummary>(
    {
      runId: field(object, 'runId', path, readName),
      envId: field(object, 'envId', path, readName),
      status: field(object, 'status', path, literalReader(['running', 'finished', 'stopped', 'failed'] as const)),
      checkpoints: field(object, 'checkpoints', path, arrayReader(readCount)),
    },
    {
      algorithm: optionalField(object, 'algorithm', path, readString),
      totalSteps: optionalField(object, 'totalSteps', path, readCount),
      startedAt: optionalField(object, 'startedAt', path, readString),
    },
  );
};

const readMetricsRow: Reader<MetricsRow> = (value, path) => {
  const object = readObject(value, path);
  const keys = Object.keys(object);
  if (keys.length > MAX_METRIC_KEYS) {
    throw new DecodeFailure('oversized', `${path}: expected at most ${MAX_METRIC_KEYS} keys, received ${keys.length}`);
  }
  const entries: [string, number | null][] = [];
  for (const key of keys) {
    if (key.length === 0 || key.length > MAX_STRING_LENGTH) {
      throw invalid(`${path} key`, `a name of 1 to ${MAX_STRING_LENGTH} characters`, key);
    }
    const entry = object[key];
    if (entry !== null && (typeof entry !== 'number' || !Number.isFinite(entry))) {
      throw invalid(`${path}.${key}`, 'a finite number or null', entry);
    }
    entries.push([key, entry]);
  }
  field(object, 'step', path, readCount);
  // fromEntries defines own properties, so a key such as "__proto__" stays data and never touches the prototype.
  return Object.fromEntries(entries) as MetricsRow;
};

function readEpisodeStart(object: JsonObject, path: string): EpisodeStartMessage {
  rejectUnknownKeys(object, path, [
    'type',
    'requestId',
    'streamId',
    'rolloutId',
    'runId',
    'envId',
    'seed',
    'checkpointStep',
    'episode',
    'live',
    'deterministic',
    'scene',
    'observationLabels',
    'actionLabels',
    'infoTerms',
    'actionLow',
    'actionHigh',
  ]);
  const message = withOptional<EpisodeStartMessage>(
    {
      type: 'episodeStart',
      streamId: field(object, 'streamId', path, readUint32),
      rolloutId: field(object, 'rolloutId', path, readName),
      envId: field(object, 'envId', path, readName),
      episode: field(object, 'episode', path, readCount),
      live: field(object, 'live', path, readBoolean),
      scene: field(object, 'scene', path, readScene),
      observationLabels: field(object, 'observationLabels', path, readLabels),
      actionLabels: field(object, 'actionLabels', path, readLabels),
      infoTerms: field(object, 'infoTerms', path, readLabels),
    },
    {
      requestId: optionalField(object, 'requestId', path, readString),
      runId: optionalField(object, 'runId', path, readName),
      seed: optionalField(object, 'seed', path, readSeed),
      checkpointStep: optionalField(object, 'checkpointStep', path, readCount),
      deterministic: optionalField(object, 'deterministic', path, readBoolean),
      actionLow: optionalField(object, 'actionLow', path, readVector),
      actionHigh: optionalField(object, 'actionHigh', path, readVector),
    },
  );
  for (const bound of ['actionLow', 'actionHigh'] as const) {
    const values = message[bound];
    if (values !== undefined && values.length !== message.actionLabels.length) {
      throw new DecodeFailure(
        'length_mismatch',
        `${path}.${bound}: expected ${message.actionLabels.length} numbers (one per action label), received ${values.length}`,
      );
    }
  }
  return message;
}

/** Validates an episodeEnd message (also used for the episode-end records of rollout files). */
export function readEpisodeEnd(object: JsonObject, path: string): EpisodeEndMessage {
  rejectUnknownKeys(object, path, [
    'type',
    'streamId',
    'rolloutId',
    'terminated',
    'truncated',
    'reason',
    'episodeReturn',
    'length',
  ]);
  return {
    type: 'episodeEnd',
    streamId: field(object, 'streamId', path, readUint32),
    rolloutId: field(object, 'rolloutId', path, readName),
    terminated: field(object, 'terminated', path, readBoolean),
    truncated: field(object, 'truncated', path, readBoolean),
    reason: field(object, 'reason', path, readName),
    episodeReturn: field(object, 'episodeReturn', path, readFiniteNumber),
    length: field(object, 'length', path, readCount),
  };
}

const SERVER_READERS: Record<string, ObjectReader<ServerControlMessage>> = {
  hello: readHello,
  runList: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'requestId', 'runs', 'rollouts']);
    return withOptional<RunListMessage>(
      {
        type: 'runList',
        runs: field(object, 'runs', path, arrayReader(readRunSummary)),
        rollouts: field(object, 'rollouts', path, arrayReader(readRolloutSummary)),
      },
      { requestId: optionalField(object, 'requestId', path, readString) },
    );
  },
  episodeStart: readEpisodeStart,
  episodeEnd: readEpisodeEnd,
  metrics: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'runId', 'rows']);
    return {
      type: 'metrics',
      runId: field(object, 'runId', path, readName),
      rows: field(object, 'rows', path, arrayReader(readMetricsRow)),
    };
  },
  curves: readCurves,
  pong: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'requestId', 'nonce']);
    return withOptional<PongMessage>(
      { type: 'pong' },
      {
        requestId: optionalField(object, 'requestId', path, readString),
        nonce: optionalField(object, 'nonce', path, readFiniteNumber),
      },
    );
  },
  error: (object, path) => {
    rejectUnknownKeys(object, path, ['type', 'code', 'message', 'offendingType', 'requestId']);
    return withOptional<ErrorMessage>(
      {
        type: 'error',
        code: field(object, 'code', path, readName),
        message: field(object, 'message', path, readString),
      },
      {
        offendingType: optionalField(object, 'offendingType', path, readString),
        requestId: optionalField(object, 'requestId', path, readString),
      },
    );
  },
};

function dispatch<T>(readers: Record<string, ObjectReader<T>>, value: unknown, direction: string): T {
  const object = readObject(value, 'message');
  const type = Object.hasOwn(object, 'type') ? object['type'] : undefined;
  if (type === undefined) throw new DecodeFailure('missing_field', 'message.type: required field is missing');
  if (typeof type !== 'string') throw invalid('message.type', 'a string', type);
  const reader = Object.hasOwn(readers, type) ? readers[type] : undefined;
  if (reader === undefined) {
    throw new DecodeFailure(
      'unknown_type',
      `message.type: expected one of ${Object.keys(readers).join(', ')} (${direction}), received ${describeValue(type)}`,
    );
  }
  return reader(object, type);
}

/** Validates a parsed client -> server message; throws DecodeFailure. */
export function readClientMessage(value: unknown): ClientMessage {
  return dispatch(CLIENT_READERS, value, 'client to server');
}

/** Validates a parsed server -> client control message; throws DecodeFailure. */
export function readServerControlMessage(value: unknown): ServerControlMessage {
  return dispatch(SERVER_READERS, value, 'server to client');
}

/** Message types a client may send. */
export const CLIENT_MESSAGE_TYPES: readonly string[] = Object.keys(CLIENT_READERS);
/** Control message types a server may send. */
export const SERVER_CONTROL_MESSAGE_TYPES: readonly string[] = Object.keys(SERVER_READERS);
