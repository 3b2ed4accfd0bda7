// Typed configuration of startServer, with the documented default of every field.
import type { RolloutRunner } from './rollout-runner.js';

/** Queue limits applied to each client connection (see README "Backpressure"). */
export interface ChannelLimits {
  /** Stop handing data to the socket while `ws.bufferedAmount` is at or above this many bytes. Default 1 MiB. */
  highWaterMarkBytes: number;
  /** Live frames held per client before the oldest is dropped. Default 256. */
  maxQueuedFrames: number;
  /**
   * Bytes held per client that may not be dropped (queued control messages and recorded frames, plus the socket's
   * buffer); a client that falls this far behind is disconnected. Default 32 MiB.
   */
  maxQueuedBytes: number;
}

export interface ServerOptions {
  /** Interface to bind. Default '127.0.0.1' (loopback only); pass '0.0.0.0' or '::' to accept remote viewers. */
  host?: string;
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Folder holding one sub-folder per training run. Default undefined: no runs, recorded or on-demand rollouts. */
  runsDir?: string;
  /** The viewer's build folder (with index.html), served at '/'. Default undefined: '/' explains how to build it. */
  viewerDir?: string;
  /** Runs checkpoints on request (requestRollout). Default undefined: such requests get an `unsupported` error. */
  rolloutRunner?: RolloutRunner;
  /** Receives one line per notable event (start, client errors, dropped clients). Default: no logging. */
  log?: (line: string) => void;
  /** Browser origins allowed besides the server's own (e.g. a Vite dev server 'http://localhost:5173'). Default []. */
  allowedOrigins?: string[];
  /** Largest WebSocket message accepted; larger ones close the connection (code 1009). Default 1 MiB. */
  maxPayloadBytes?: number;
  /** Largest client text message processed; larger ones get an `oversized` error reply. Default 64 KiB. */
  maxMessageBytes?: number;
  /** Per-client queue limits. Defaults as documented on ChannelLimits. */
  channel?: Partial<ChannelLimits>;
  /** Metrics rows kept per run for clients that subscribe late. Default 2000. */
  metricsHistoryRows?: number;
  /** Recorded rollout files larger than this are neither listed nor streamed. Default 256 MiB. */
  maxRolloutFileBytes?: number;
  /** Request streams (openRollout, requestRollout) one client may have running at once. Default 4. */
  maxStreamsPerClient?: number;
  /** On-demand rollouts running at once across all clients. Default 2. */
  maxConcurrentRollouts?: number;
  /** Interval of WebSocket pings; a client that misses one is dropped. 0 disables. Default 30000 ms. */
  heartbeatMs?: number;
}

export const DEFAULT_CHANNEL_LIMITS: Readonly<ChannelLimits> = Object.freeze({
  highWaterMarkBytes: 1024 * 1024,
  maxQueuedFrames: 256,
  maxQueuedBytes: 32 * 1024 * 1024,
});

export type ResolvedServerOptions = Required<Omit<ServerOptions, 'runsDir' | 'viewerDir' | 'rolloutRunner' | 'channel'>> & {
  runsDir: string | undefined;
  viewerDir: string | undefined;
  rolloutRunner: RolloutRunner | undefined;
  channel: ChannelLimits;
};

function positiveInteger(name: string, value: number, allowZero = false): number {
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new Error(`startServer: option ${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, received ${String(value)}`);
  }
  return value;
}

/** Fills in defaults and checks every numeric option; throws an Error naming a bad option. */
export function resolveServerOptions(options: ServerOptions): ResolvedServerOptions {
  const channel: ChannelLimits = { ...DEFAULT_CHANNEL_LIMITS, ...options.channel };
  for (const [key, value] of Object.entries(channel)) positiveInteger(`channel.${key}`, value);
  const resolved: ResolvedServerOptions = {
    host: options.host ?? '127.0.0.1',
    port: positiveInteger('port', options.port ?? 0, true),
    runsDir: options.runsDir,
    viewerDir: options.viewerDir,
    rolloutRunner: options.rolloutRunner,
    log: options.log ?? (() => {}),
    allowedOrigins: options.allowedOrigins ?? [],
    maxPayloadBytes: positiveInteger('maxPayloadBytes', options.maxPayloadBytes ?? 1024 * 1024),
    maxMessageBytes: positiveInteger('maxMessageBytes', options.maxMessageBytes ?? 64 * 1024),
    channel,
    metricsHistoryRows: positiveInteger('metricsHistoryRows', options.metricsHistoryRows ?? 2000, true),
    maxRolloutFileBytes: positiveInteger('maxRolloutFileBytes', options.maxRolloutFileBytes ?? 256 * 1024 * 1024),
    maxStreamsPerClient: positiveInteger('maxStreamsPerClient', options.maxStreamsPerClient ?? 4),
    maxConcurrentRollouts: positiveInteger('maxConcurrentRollouts', options.maxConcurrentRollouts ?? 2),
    heartbeatMs: positiveInteger('heartbeatMs', options.heartbeatMs ?? 30_000, true),
  };
  if (resolved.port > 65535) throw new Error(`startServer: option port must be at most 65535, received ${resolved.port}`);
  if (resolved.maxMessageBytes > resolved.maxPayloadBytes) {
    throw new Error(
      `startServer: option maxMessageBytes (${resolved.maxMessageBytes}) must not exceed maxPayloadBytes (${resolved.maxPayloadBytes})`,
    );
  }
  return resolved;
}
