// A real `ws` client for the server's tests: records every decoded message and waits for the ones a test expects.
import {
  createHello,
  decodeServerPayload,
  encodeClientMessage,
  type ClientMessage,
  type ServerPayload,
} from '@rapier-gym/protocol';
import WebSocket from 'ws';

/** Generous upper bound for a wait; tests assert on messages, never on how long they took. */
const WAIT_LIMIT_MS = 20_000;

export class TestClient {
  /** Every message received, decoded (frames copied), in arrival order. */
  readonly received: ServerPayload[] = [];
  /** Messages that did not decode (should stay empty). */
  readonly undecodable: string[] = [];
  private waiters: { test: (message: ServerPayload) => boolean; resolve: (message: ServerPayload) => void }[] = [];
  private nonce = 0;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const decoded = decodeServerPayload(isBinary ? new Uint8Array(data) : data.toString('utf8'), { copy: true });
      if (!decoded.ok) {
        this.undecodable.push(`${decoded.error.code}: ${decoded.error.message}`);
        return;
      }
      this.received.push(decoded.value);
      const waiter = this.waiters.find((candidate) => candidate.test(decoded.value));
      if (waiter !== undefined) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(decoded.value);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Connects, and (unless `hello: false`) sends the client hello and waits for the server's. */
  static async connect(wsUrl: string, options: { hello?: boolean; headers?: Record<string, string> } = {}): Promise<TestClient> {
    const socket = new WebSocket(wsUrl, { headers: options.headers ?? {} });
    const client = new TestClient(socket);
    const serverHello = client.waitFor((message) => message.type === 'hello');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (options.hello !== false) client.send(createHello('client', 'rapier-gym server tests'));
    await serverHello;
    return client;
  }

  send(message: ClientMessage | string | Uint8Array): void {
    this.socket.send(typeof message === 'string' || message instanceof Uint8Array ? message : encodeClientMessage(message));
  }

  /** Resolves with the first message (already received or still to come) that passes `test`. */
  waitFor<T extends ServerPayload>(test: (message: ServerPayload) => boolean, from = 0): Promise<T> {
    const earlier = this.received.slice(from).find(test);
    if (earlier !== undefined) return Promise.resolve(earlier as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`TestClient: no matching message within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
      this.waiters.push({
        test,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as T);
        },
      });
    });
  }

  /** Sends a ping and waits for its pong: every message sent before has been handled by the server. */
  async sync(): Promise<void> {
    const nonce = ++this.nonce;
    const from = this.received.length;
    this.send({ type: 'ping', nonce });
    await this.waitFor((message) => message.type === 'pong' && message.nonce === nonce, from);
  }

  /** Sends `message` and resolves with the reply (of `type`, or an error) carrying its requestId. */
  async request<T extends ServerPayload>(message: ClientMessage & { requestId: string }, type: string): Promise<T | Extract<ServerPayload, { type: 'error' }>> {
    const from = this.received.length;
    this.send(message);
    return this.waitFor(
      (reply) => (reply.type === type || reply.type === 'error') && 'requestId' in reply && reply.requestId === message.requestId,
      from,
    );
  }

  ofType<K extends ServerPayload['type']>(type: K): Extract<ServerPayload, { type: K }>[] {
    return this.received.filter((message): message is Extract<ServerPayload, { type: K }> => message.type === type);
  }

  close(): void {
    this.socket.terminate();
  }
}
