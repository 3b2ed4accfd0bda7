// One WebSocket client: handshake, decoding every message with the protocol, and answering each request type.
import {
  checkHello,
  createHello,
  decodeClientMessage,
  MAX_STRING_LENGTH,
  rejectionReply,
  type ClientMessage,
  type OpenRolloutMessage,
  type RequestRolloutMessage,
} from '@rapier-gym/protocol';
import type { WebSocket } from 'ws';
import { ClientChannel, type ChannelStats } from './client-channel.js';
import { EpisodeStreamSink } from './episode-stream-sink.js';
import type { LiveHub } from './live-hub.js';
import { streamRecordedRollout } from './recorded-rollout.js';
import type { RolloutSink } from './rollout-runner.js';
import type { RunCatalogue } from './run-catalogue.js';
import { describeFailure, ServerError } from './server-errors.js';
import type { ResolvedServerOptions } from './server-options.js';
import { readSweepCurves } from './sweep-curves.js';
import type { StreamIdAllocator } from './stream-ids.js';

/** Name this server gives in its hello. */
export const SERVER_SOFTWARE = 'rapier-gym-server 0.1.0';

/** Counts on-demand rollouts across all sessions. */
export class RolloutSlots {
  private running = 0;

  constructor(private readonly limit: number) {}

  tryTake(): boolean {
    if (this.running >= this.limit) return false;
    this.running++;
    return true;
  }

  release(): void {
    this.running--;
  }
}

/** What every session shares. */
export interface SessionContext {
  options: ResolvedServerOptions;
  hub: LiveHub;
  catalogue: RunCatalogue;
  streamIds: StreamIdAllocator;
  rolloutSlots: RolloutSlots;
}

export interface ClientStats extends ChannelStats {
  clientId: number;
  remoteAddress: string;
  /** Whether the client's hello was accepted. */
  greeted: boolean;
  /** Messages answered with an error. */
  rejectedMessages: number;
  /** Request streams (openRollout / requestRollout) running. */
  activeStreams: number;
}

/**
 * Serves one connection. The server sends its hello on connect; the client's first message must be a hello of the
 * same protocol version (a mismatch is answered with `version_mismatch` and the connection is closed). Every text
 * message goes through `decodeClientMessage`; whatever fails (bad JSON, unknown type, wrong fields, too long, binary)
 * is answered with an `error` and the connection stays open.
 */
export class ClientSession {
  readonly channel: ClientChannel;
  private greeted = false;
  private rejectedMessages = 0;
  private readonly streams = new Set<AbortController>();

  constructor(
    readonly clientId: number,
    private readonly socket: WebSocket,
    private readonly remoteAddress: string,
    private readonly context: SessionContext,
  ) {
    this.channel = new ClientChannel(socket, context.options.channel, (reason) => {
      context.options.log(`client ${clientId} (${remoteAddress}) disconnected: ${reason}`);
      socket.terminate();
    });
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.dispose());
    socket.on('error', (error) => context.options.log(`client ${clientId} socket error: ${error.message}`));
    this.channel.sendControl(createHello('server', SERVER_SOFTWARE));
  }

  stats(): ClientStats {
    return {
      ...this.channel.stats(),
      clientId: this.clientId,
      remoteAddress: this.remoteAddress,
      greeted: this.greeted,
      rejectedMessages: this.rejectedMessages,
      activeStreams: this.streams.size,
    };
  }

  /** Stops this session's streams and forgets it everywhere. Idempotent. */
  dispose(): void {
    for (const controller of this.streams) controller.abort();
    this.streams.clear();
    this.context.hub.removeClient(this.channel);
    this.channel.close();
  }

  /** Never throws: an exception here would escape into the socket's event emitter. */
  private receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    try {
      this.handle(data, isBinary);
    } catch (error) {
      const failure = describeFailure(error);
      this.context.options.log(`client ${this.clientId}: ${failure.detail}`);
      try {
        this.reject(failure.code, failure.message);
      } catch {
        // the reply itself failed to encode: nothing more to tell the client
      }
    }
  }

  private handle(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    const bytes = Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
    if (isBinary) {
      return this.reject(
        'invalid_input',
        `client messages are JSON text; binary messages are only sent by the server (received ${bytes} bytes)`,
      );
    }
    if (bytes > this.context.options.maxMessageBytes) {
      return this.reject('oversized', `client message: expected at most ${this.context.options.maxMessageBytes} bytes, received ${bytes}`);
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const decoded = decodeClientMessage(text);
    if (!decoded.ok) {
      const reply = rejectionReply(text, decoded.error);
      return this.reject(reply.code, reply.message, reply.offendingType === undefined ? undefined : { type: reply.offendingType, requestId: reply.requestId });
    }
    try {
      this.dispatch(decoded.value);
    } catch (error) {
      const failure = describeFailure(error);
      this.context.options.log(`client ${this.clientId}: ${decoded.value.type} failed: ${failure.detail}`);
      this.reject(failure.code, failure.message, decoded.value);
    }
  }

  private dispatch(message: ClientMessage): void {
    if (message.type === 'hello') return this.greet(message);
    if (!this.greeted) {
      return this.reject('handshake_required', `the first message must be a hello (createHello('client', ...)), received ${message.type}`, message);
    }
    switch (message.type) {
      case 'ping':
        return this.channel.sendControl({
          type: 'pong',
          ...(message.requestId === undefined ? {} : { requestId: message.requestId }),
          ...(message.nonce === undefined ? {} : { nonce: message.nonce }),
        });
      case 'listRuns':
        return void this.listRuns(message.requestId);
      case 'subscribeLive': {
        const options: { runId?: string; metrics?: boolean; maxFramesPerSecond?: number } = {};
        if (message.runId !== undefined) options.runId = message.runId;
        if (message.metrics !== undefined) options.metrics = message.metrics;
        if (message.maxFramesPerSecond !== undefined) options.maxFramesPerSecond = message.maxFramesPerSecond;
        return this.context.hub.subscribe(this.clientId, this.channel, options);
      }
      case 'unsubscribeLive':
        return this.context.hub.unsubscribe(this.channel, message.runId);
      case 'openRollout':
        return this.startStream(message, false, (sink) => this.openRollout(message, sink));
      case 'requestRollout':
        return this.startStream(message, true, (sink) => this.requestRollout(message, sink));
      case 'getCurves':
        return this.channel.sendControl(readSweepCurves(this.context.catalogue.runsDir, message));
    }
  }

  private greet(hello: ClientMessage & { type: 'hello' }): void {
    if (this.greeted) return this.reject('handshake_required', 'hello: the handshake is already done; send it once per connection', hello);
    const checked = checkHello(hello, 'client');
    if (!checked.ok) {
      this.reject(checked.error.code, checked.error.message, { type: 'hello' });
      this.channel.flush();
      this.socket.close(1002, checked.error.code);
      return;
    }
    this.greeted = true;
  }

  private async listRuns(requestId: string | undefined): Promise<void> {
    try {
      const { runs, rollouts } = await this.context.catalogue.listRuns();
      this.channel.sendControl({
        type: 'runList',
        ...(requestId === undefined ? {} : { requestId }),
        runs: runs.map(({ config: _config, hasMetrics: _hasMetrics, rolloutIds: _rolloutIds, ...summary }) => summary),
        rollouts,
      });
    } catch (error) {
      const failure = describeFailure(error);
      this.context.options.log(`client ${this.clientId}: listRuns failed: ${failure.detail}`);
      this.reject(failure.code, failure.message, { type: 'listRuns', ...(requestId === undefined ? {} : { requestId }) });
    }
  }

  /** Runs a request stream with the per-client limit, then ends any episode a failure left open. */
  private startStream(message: OpenRolloutMessage | RequestRolloutMessage, live: boolean, body: (sink: EpisodeStreamSink) => Promise<void>): void {
    if (this.streams.size >= this.context.options.maxStreamsPerClient) {
      throw new ServerError('busy', `${message.type}: this client already has ${this.streams.size} streams running (maxStreamsPerClient)`);
    }
    const controller = new AbortController();
    this.streams.add(controller);
    const sink = new EpisodeStreamSink({
      channel: this.channel,
      streamIds: this.context.streamIds,
      signal: controller.signal,
      requestId: message.requestId,
      live,
    });
    body(sink)
      .catch((error: unknown) => {
        sink.closeOpenEpisode();
        const failure = describeFailure(error);
        this.context.options.log(`client ${this.clientId}: ${message.type} failed: ${failure.detail}`);
        if (failure.code === 'internal' && message.type === 'requestRollout') {
          // the runner's, policy's or env's own message is what the user needs to see
          this.reject('rollout_failed', `requestRollout failed: ${failure.detail}`, message);
        } else {
          this.reject(failure.code, failure.message, message);
        }
      })
      .finally(() => this.streams.delete(controller));
  }

  private async openRollout(message: OpenRolloutMessage, sink: RolloutSink): Promise<void> {
    const rollout = await this.context.catalogue.loadRollout(message.rolloutId);
    await streamRecordedRollout(rollout, sink);
  }

  private async requestRollout(message: RequestRolloutMessage, sink: RolloutSink): Promise<void> {
    const runner = this.context.options.rolloutRunner;
    if (runner === undefined) {
      throw new ServerError('unsupported', 'requestRollout: this server has no rollout runner (start it with a policy loader to roll out checkpoints)');
    }
    const { catalogue, rolloutSlots } = this.context;
    const runDir = catalogue.runDir(message.runId);
    // The slot is taken before anything is awaited, so requests are counted in the order they arrive.
    if (!rolloutSlots.tryTake()) {
      throw new ServerError('busy', `requestRollout: ${this.context.options.maxConcurrentRollouts} rollouts are already running; try again when one ends`);
    }
    try {
      if (!(await catalogue.hasCheckpoint(message.runId, message.checkpointStep))) {
        throw new ServerError('not_found', `run ${JSON.stringify(message.runId)} has no checkpoint at step ${message.checkpointStep} (checkpoints/${message.checkpointStep}/)`);
      }
      const { runId, checkpointStep, envId, seed, episodes, deterministic } = message;
      await runner({ runId, runDir, checkpointStep, envId, seed, episodes, deterministic }, sink);
    } finally {
      rolloutSlots.release();
    }
  }

  /** Sends an `error` reply; the message is cut to the protocol's string limit. */
  private reject(code: string, message: string, offending?: { type: string; requestId?: string | undefined }): void {
    this.rejectedMessages++;
    this.channel.sendControl({
      type: 'error',
      code,
      message: message.length > MAX_STRING_LENGTH ? `${message.slice(0, MAX_STRING_LENGTH - 1)}…` : message,
      ...(offending === undefined ? {} : { offendingType: offending.type }),
      ...(offending?.requestId === undefined ? {} : { requestId: offending.requestId }),
    });
  }
}
