// One client's outgoing queue: control messages are never dropped, live frames are dropped oldest-first when it lags.
import type { MetricsRow, ServerControlMessage } from '@rapier-gym/protocol';
import { encodeServerControlMessage, MAX_LIST_LENGTH } from '@rapier-gym/protocol';
import type { ChannelLimits } from './server-options.js';

/** The part of a `ws` WebSocket the channel uses (so tests can reason about it and nothing else leaks in). */
export interface ChannelSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string | Uint8Array, callback: (error?: Error) => void): void;
}

/** Rows merged into one waiting metrics message at most (far below the protocol's MAX_LIST_LENGTH). */
const MAX_MERGED_ROWS = Math.min(1000, MAX_LIST_LENGTH);

/** WebSocket.OPEN. */
const OPEN = 1;

type QueueItem =
  | { kind: 'text'; text: string; bytes: number }
  | { kind: 'metrics'; runId: string; rows: MetricsRow[]; bytes: number }
  | { kind: 'frame'; data: Uint8Array; droppable: boolean; bytes: number };

export interface ChannelStats {
  /** Frames handed to the socket. */
  sentFrames: number;
  /** Live frames dropped because the client was behind. */
  droppedFrames: number;
  /** Control messages (JSON) handed to the socket. */
  sentMessages: number;
  /** Items waiting in the queue. */
  queuedItems: number;
  /** Live (droppable) frames waiting in the queue. */
  queuedLiveFrames: number;
  /** Bytes waiting in the queue. */
  queuedBytes: number;
  /** Bytes the socket has accepted but not yet written (ws.bufferedAmount). */
  bufferedAmount: number;
}

/**
 * Holds what the server wants to send to one client and hands it to the socket only while the socket's own buffer is
 * below the high-water mark. Enqueueing never blocks and never throws for a slow client:
 * - a live frame beyond `maxQueuedFrames` queued live frames drops the oldest queued live frame (counted);
 * - control messages and recorded frames are kept; if they, plus what the socket still buffers, exceed
 *   `maxQueuedBytes`, `onOverflow` is called (the server disconnects the client).
 * Consecutive metrics messages of one run still waiting are merged into one.
 */
export class ClientChannel {
  private items: (QueueItem | undefined)[] = [];
  private head = 0;
  /** Absolute queue positions (index + base) of queued live frames, oldest first. */
  private livePositions: number[] = [];
  private liveHead = 0;
  private base = 0;
  private queuedBytes = 0;
  private liveBytes = 0;
  private queuedItems = 0;
  private roomWaiters: (() => void)[] = [];
  private closed = false;
  private readonly counters = { sentFrames: 0, droppedFrames: 0, sentMessages: 0 };
  private readonly onWritten = (): void => {
    if (this.queuedItems > 0) this.flush();
  };

  constructor(
    private readonly socket: ChannelSocket,
    private readonly limits: ChannelLimits,
    private readonly onOverflow: (reason: string) => void = () => {},
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queues a control message (validated and encoded now; throws an Error naming a bad field). */
  sendControl(message: ServerControlMessage): void {
    const text = encodeServerControlMessage(message);
    this.push({ kind: 'text', text, bytes: text.length });
  }

  /** Queues an already encoded control message. */
  sendEncodedControl(text: string): void {
    this.push({ kind: 'text', text, bytes: text.length });
  }

  /** Queues one metrics row of a run, merged into a waiting metrics message of the same run when there is one. */
  sendMetrics(runId: string, rows: readonly MetricsRow[]): void {
    if (rows.length === 0) return;
    // An estimate of the JSON size, for the queue's byte accounting.
    let bytes = 0;
    for (const row of rows) bytes += 16 + 24 * Object.keys(row).length;
    const tail = this.items.length > this.head ? this.items[this.items.length - 1] : undefined;
    if (!this.closed && tail?.kind === 'metrics' && tail.runId === runId && tail.rows.length + rows.length <= MAX_MERGED_ROWS) {
      tail.rows.push(...rows);
      tail.bytes += bytes;
      this.queuedBytes += bytes;
      this.flush();
      return;
    }
    this.push({ kind: 'metrics', runId, rows: [...rows], bytes });
  }

  /**
   * Queues an encoded frame. A live frame (`droppable`) may be dropped later if the client lags; a recorded frame is
   * kept, and its producer should `await waitForRoom()` between frames.
   */
  sendFrame(data: Uint8Array, droppable: boolean): void {
    if (this.closed) return;
    if (droppable && this.livePositions.length - this.liveHead >= this.limits.maxQueuedFrames) this.dropOldestLiveFrame();
    if (droppable) {
      this.livePositions.push(this.base + this.items.length);
      this.liveBytes += data.length;
    }
    this.push({ kind: 'frame', data, droppable, bytes: data.length });
  }

  /** Resolves once the queue holds less than half of `maxQueuedFrames` items (or the channel closed). */
  waitForRoom(): Promise<void> {
    if (this.closed || this.hasRoom()) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  stats(): ChannelStats {
    return {
      ...this.counters,
      queuedItems: this.queuedItems,
      queuedLiveFrames: this.livePositions.length - this.liveHead,
      queuedBytes: this.queuedBytes,
      bufferedAmount: this.socket.bufferedAmount,
    };
  }

  /** Drops everything queued and releases waiting producers; later sends are ignored. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.items = [];
    this.head = 0;
    this.livePositions = [];
    this.liveHead = 0;
    this.queuedBytes = 0;
    this.liveBytes = 0;
    this.queuedItems = 0;
    this.releaseWaiters();
  }

  /** Hands queued items to the socket while its buffer is below the high-water mark. */
  flush(): void {
    while (this.head < this.items.length && !this.closed) {
      if (this.socket.readyState !== OPEN || this.socket.bufferedAmount >= this.limits.highWaterMarkBytes) break;
      const position = this.head;
      const item = this.items[position];
      this.items[position] = undefined;
      this.head++;
      if (item === undefined) continue; // a dropped frame
      this.queuedItems--;
      this.queuedBytes -= item.bytes;
      if (item.kind === 'frame') {
        if (item.droppable) {
          this.liveHead++; // the oldest queued live frame is always the next one sent
          this.liveBytes -= item.bytes;
        }
        this.counters.sentFrames++;
        this.socket.send(item.data, this.onWritten);
      } else {
        this.counters.sentMessages++;
        const text = item.kind === 'text' ? item.text : encodeServerControlMessage({ type: 'metrics', runId: item.runId, rows: item.rows });
        this.socket.send(text, this.onWritten);
      }
    }
    this.compact();
    if (this.hasRoom()) this.releaseWaiters();
  }

  private push(item: QueueItem): void {
    if (this.closed) return;
    this.items.push(item);
    this.queuedItems++;
    this.queuedBytes += item.bytes;
    this.flush();
    // What this client is behind by that cannot be dropped: queued control data plus what the socket still holds.
    const keptBytes = this.queuedBytes - this.liveBytes + this.socket.bufferedAmount;
    if (keptBytes > this.limits.maxQueuedBytes && !this.closed) {
      const reason = `client fell ${keptBytes} bytes behind (limit maxQueuedBytes = ${this.limits.maxQueuedBytes})`;
      this.close();
      this.onOverflow(reason);
    }
  }

  private dropOldestLiveFrame(): void {
    const position = this.livePositions[this.liveHead++]! - this.base;
    const item = this.items[position];
    if (item === undefined) return;
    this.items[position] = undefined;
    this.queuedItems--;
    this.queuedBytes -= item.bytes;
    this.liveBytes -= item.bytes;
    this.counters.droppedFrames++;
  }

  private hasRoom(): boolean {
    return this.queuedItems < Math.max(1, this.limits.maxQueuedFrames >> 1);
  }

  private releaseWaiters(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Forgets sent slots once they make up most of the array, keeping positions valid through `base`. */
  private compact(): void {
    if (this.head < 1024 || this.head * 2 < this.items.length) return;
    this.items = this.items.slice(this.head);
    this.base += this.head;
    this.head = 0;
    if (this.liveHead > 0) {
      this.livePositions = this.livePositions.slice(this.liveHead);
      this.liveHead = 0;
    }
  }
}
