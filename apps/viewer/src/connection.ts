// The WebSocket link to a rapier-gym server: hello handshake, live subscription, decoding, reconnects with backoff.
import {
  checkHello,
  createHello,
  decodeServerPayload,
  encodeClientMessage,
  type ClientMessage,
  type ServerPayload,
} from '@rapier-gym/protocol';
import { reconnectDelayMs } from './reconnect-backoff.js';

export type ConnectionStatus = 'off' | 'connecting' | 'connected' | 'waiting' | 'failed';

export interface ConnectionHandlers {
  /** Every decoded payload after the handshake (control messages and frames). */
  onPayload: (payload: ServerPayload) => void;
  /** Status changes, with a human-readable detail. */
  onStatus: (status: ConnectionStatus, detail: string) => void;
  /** After every successful handshake (first connect and reconnects), once subscribeLive and listRuns are sent. */
  onConnected?: () => void;
}

export interface ConnectionOptions {
  /** Live run to subscribe to; all runs when undefined. */
  runId?: string;
  /** Software name sent in the hello. Default "rapier-gym-viewer 0.1.0". */
  software?: string;
}

export class Connection {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private handshaken = false;
  /** Bytes of every message received, for the stream-rate readout and benchmarks. */
  bytesReceived = 0;
  status: ConnectionStatus = 'off';

  constructor(
    readonly url: string,
    private readonly handlers: ConnectionHandlers,
    private readonly options: ConnectionOptions = {},
  ) {}

  start(): void {
    this.closed = false;
    this.open();
  }

  stop(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.socket?.close();
    this.setStatus('off', 'disconnected');
  }

  send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN && this.handshaken) this.socket.send(encodeClientMessage(message));
  }

  private open(): void {
    this.setStatus('connecting', `connecting to ${this.url}`);
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch (error) {
      this.setStatus('failed', `cannot open ${this.url}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.socket = socket;
    this.handshaken = false;
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('open', () => {
      socket.send(encodeClientMessage(createHello('client', this.options.software ?? 'rapier-gym-viewer 0.1.0')));
    });
    socket.addEventListener('message', (event: MessageEvent) => this.receive(socket, event.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (this.closed || this.status === 'failed') return;
      const delay = reconnectDelayMs(this.attempt++);
      this.setStatus('waiting', `disconnected; retrying in ${(delay / 1000).toFixed(1)} s`);
      this.timer = setTimeout(() => this.open(), delay);
    });
  }

  private receive(socket: WebSocket, data: unknown): void {
    this.bytesReceived += typeof data === 'string' ? data.length : data instanceof ArrayBuffer ? data.byteLength : 0;
    const decoded = decodeServerPayload(data);
    if (!decoded.ok) {
      console.warn(`rapier-gym viewer: dropped a server message: ${decoded.error.code}: ${decoded.error.message}`);
      return;
    }
    const payload = decoded.value;
    if (!this.handshaken) {
      if (payload.type !== 'hello') {
        console.warn(`rapier-gym viewer: expected the server's hello first, received ${payload.type}`);
        return;
      }
      const checked = checkHello(payload, 'server');
      if (!checked.ok) {
        this.setStatus('failed', checked.error.message);
        socket.close();
        return;
      }
      this.handshaken = true;
      this.attempt = 0;
      this.setStatus('connected', `connected to ${payload.software}`);
      const subscribe: ClientMessage = { type: 'subscribeLive', metrics: true };
      if (this.options.runId !== undefined) subscribe.runId = this.options.runId;
      this.send(subscribe);
      this.send({ type: 'listRuns' });
      this.handlers.onConnected?.();
      return;
    }
    this.handlers.onPayload(payload);
  }

  private setStatus(status: ConnectionStatus, detail: string): void {
    this.status = status;
    this.handlers.onStatus(status, detail);
  }
}
