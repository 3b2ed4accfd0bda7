// The JSON control messages, both directions: text WebSocket messages whose `type` field names the message.
import type { CurvesMessage, GetCurvesMessage } from './curve-messages.js';
import type { WireScene } from './wire-scene.js';

/** Who sent a hello. */
export type PeerRole = 'server' | 'client';

/**
 * The first message each side sends. Its shape is frozen across protocol versions, so any two versions can read
 * each other's hello and report a mismatch; unknown extra fields in a hello are ignored.
 */
export interface HelloMessage {
  type: 'hello';
  /** Always PROTOCOL_NAME ("rapier-gym"). */
  protocol: string;
  /** The sender's PROTOCOL_VERSION; a positive integer. */
  protocolVersion: number;
  role: PeerRole;
  /** Free text naming the sender, e.g. "rapier-gym-server 0.1.0" or "rapier-gym-viewer 0.1.0". */
  software: string;
}

// ---------------------------------------------------------------- client -> server

/** Fields every client request may carry; the server echoes `requestId` in replies to it. */
export interface ClientRequestBase {
  /** Opaque id chosen by the client to match replies (and errors) to requests. */
  requestId?: string;
}

/** Ask for the catalogue of training runs and recorded rollouts; answered by `runList`. */
export interface ListRunsMessage extends ClientRequestBase {
  type: 'listRuns';
}

/** Start receiving live episodes (and metrics) of a run, or of every run when `runId` is omitted. */
export interface SubscribeLiveMessage extends ClientRequestBase {
  type: 'subscribeLive';
  runId?: string;
  /** Upper bound on frames per second the server sends; omit for every frame. */
  maxFramesPerSecond?: number;
  /** Also stream metrics rows of the subscribed runs (default true). */
  metrics?: boolean;
}

/** Stop a live subscription (of one run, or all when `runId` is omitted). */
export interface UnsubscribeLiveMessage extends ClientRequestBase {
  type: 'unsubscribeLive';
  runId?: string;
}

/** Stream a recorded rollout: answered by episodeStart, frames and episodeEnd per episode. */
export interface OpenRolloutMessage extends ClientRequestBase {
  type: 'openRollout';
  rolloutId: string;
}

/** Roll out checkpoint `checkpointStep` of `runId` in `envId` now, and stream it like a recorded rollout. */
export interface RequestRolloutMessage extends ClientRequestBase {
  type: 'requestRollout';
  runId: string;
  checkpointStep: number;
  envId: string;
  seed: number;
  /** Episodes to roll out, >= 1. */
  episodes: number;
  /** Act with the policy's mean (true) or sample from it (false). */
  deterministic: boolean;
}

/** Liveness probe; answered by `pong` with the same nonce. */
export interface PingMessage extends ClientRequestBase {
  type: 'ping';
  nonce?: number;
}

export type ClientMessage =
  | HelloMessage
  | ListRunsMessage
  | SubscribeLiveMessage
  | UnsubscribeLiveMessage
  | OpenRolloutMessage
  | RequestRolloutMessage
  | GetCurvesMessage
  | PingMessage;

// ---------------------------------------------------------------- server -> client

export type RunStatus = 'running' | 'finished' | 'stopped' | 'failed';

/** A recorded rollout the server can stream. */
export interface RolloutSummary {
  rolloutId: string;
  envId: string;
  runId?: string;
  checkpointStep?: number;
  seed?: number;
  episodes: number;
  frames: number;
  /** Mean undiscounted return of its episodes, when known. */
  meanReturn?: number;
  /** ISO 8601 time of recording. */
  createdAt?: string;
}

/** A training run with its checkpoints. */
export interface RunSummary {
  runId: string;
  envId: string;
  status: RunStatus;
  /** e.g. "sac". */
  algorithm?: string;
  /** Env steps taken so far. */
  totalSteps?: number;
  /** ISO 8601 start time. */
  startedAt?: string;
  /** Env steps at which checkpoints exist, ascending. */
  checkpoints: number[];
}

/** Answer to listRuns. */
export interface RunListMessage {
  type: 'runList';
  requestId?: string;
  runs: RunSummary[];
  rollouts: RolloutSummary[];
}

/**
 * Opens an episode stream: binary frames with this `streamId` follow until the matching episodeEnd.
 * Frame vectors follow the declared labels: `action` has actionLabels.length entries, `info` has
 * infoTerms.length in that order, `observation` has observationLabels.length (or is absent when empty),
 * `poses` has scene.bodies.length * 7.
 */
export interface EpisodeStartMessage {
  type: 'episodeStart';
  /** Set when the episode answers a request (openRollout or requestRollout). */
  requestId?: string;
  /** Unique among this connection's open streams; frames carry it. */
  streamId: number;
  /** The rollout this episode belongs to (a recorded file, an on-demand or a live evaluation). */
  rolloutId: string;
  runId?: string;
  envId: string;
  seed?: number;
  checkpointStep?: number;
  /** Index of this episode in its rollout, from 0. */
  episode: number;
  /** True when frames arrive as they are simulated (live training evaluation or on-demand rollout). */
  live: boolean;
  deterministic?: boolean;
  scene: WireScene;
  observationLabels: string[];
  actionLabels: string[];
  /** Names of the info terms carried by every frame, in frame order (reward_forward, reward_ctrl, ...). */
  infoTerms: string[];
  /** Action bounds (same length as actionLabels), for action bars. */
  actionLow?: number[];
  actionHigh?: number[];
}

/** Closes an episode stream. */
export interface EpisodeEndMessage {
  type: 'episodeEnd';
  streamId: number;
  rolloutId: string;
  /** MDP terminal state reached. */
  terminated: boolean;
  /** Cut by a time limit or from outside. */
  truncated: boolean;
  /** Why it ended: "terminated", "time_limit", "physics_error", "stopped", ... */
  reason: string;
  /** Undiscounted sum of rewards. */
  episodeReturn: number;
  /** Steps taken. */
  length: number;
}

/** One row of training metrics: `step` plus named numbers (null where a value was not finite or not measured). */
export type MetricsRow = { step: number } & Record<string, number | null>;

/** Training metrics of a run (losses, returns, alpha, ...), oldest first. */
export interface MetricsMessage {
  type: 'metrics';
  runId: string;
  rows: MetricsRow[];
}

/** Answer to ping. */
export interface PongMessage {
  type: 'pong';
  requestId?: string;
  nonce?: number;
}

/** A request failed or a message was rejected. */
export interface ErrorMessage {
  type: 'error';
  /** A ProtocolErrorCode for malformed input, or a server code such as "not_found", "busy", "internal". */
  code: string;
  message: string;
  /** The `type` of the message that caused the error, when known. */
  offendingType?: string;
  requestId?: string;
}

export type ServerControlMessage =
  | HelloMessage
  | RunListMessage
  | EpisodeStartMessage
  | EpisodeEndMessage
  | MetricsMessage
  | CurvesMessage
  | PongMessage
  | ErrorMessage;

export type ClientMessageType = ClientMessage['type'];
export type ServerControlMessageType = ServerControlMessage['type'];
