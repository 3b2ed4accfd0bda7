// The per-client queue with a fake socket: live frames drop oldest-first, control messages never drop.
import { decodeServerControlMessage } from '@rapier-gym/protocol';
import { describe, expect, it } from 'vitest';
import { ClientChannel, type ChannelSocket } from './client-channel.js';

/** A socket whose buffer only empties when the test says so. */
class FakeSocket implements ChannelSocket {
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: (string | Uint8Array)[] = [];
  private callbacks: (() => void)[] = [];

  send(data: string | Uint8Array, callback: () => void): void {
    this.sent.push(data);
    this.bufferedAmount += typeof data === 'string' ? data.length : data.length;
    this.callbacks.push(callback);
  }

  /** The peer read everything: the buffer empties and the write callbacks run. */
  drain(): void {
    this.bufferedAmount = 0;
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const callback of callbacks) callback();
  }
}

const frame = (id: number): Uint8Array => new Uint8Array(100).fill(id);
const limits = { highWaterMarkBytes: 250, maxQueuedFrames: 4, maxQueuedBytes: 2000 };

describe('ClientChannel', () => {
  it('sends straight through while the socket buffer is below the high-water mark', () => {
    const socket = new FakeSocket();
    const channel = new ClientChannel(socket, limits);
    channel.sendFrame(frame(1), true);
    channel.sendFrame(frame(2), true);
    expect(socket.sent.length).toBe(2);
    expect(channel.stats()).toMatchObject({ sentFrames: 2, droppedFrames: 0, queuedItems: 0 });
  });

  it('drops the oldest queued live frames beyond maxQueuedFrames, keeps control messages, and sends in order', () => {
    const socket = new FakeSocket();
    const channel = new ClientChannel(socket, limits);
    // 3 frames of 100 bytes reach the 250-byte high-water mark; everything after is queued
    for (let id = 1; id <= 3; id++) channel.sendFrame(frame(id), true);
    channel.sendControl({ type: 'pong', nonce: 1 });
    for (let id = 4; id <= 10; id++) channel.sendFrame(frame(id), true);
    channel.sendControl({ type: 'pong', nonce: 2 });
    // queued: pong 1, frames 4..10 (7 > 4: frames 4, 5, 6 dropped), pong 2
    expect(channel.stats()).toMatchObject({ sentFrames: 3, droppedFrames: 3, queuedLiveFrames: 4, queuedItems: 6 });
    while (channel.stats().queuedItems > 0) socket.drain();
    const order = socket.sent.map((data) => (typeof data === 'string' ? `pong ${(decodeServerControlMessage(data) as { value: { nonce: number } }).value.nonce}` : `frame ${data[0]}`));
    expect(order).toEqual(['frame 1', 'frame 2', 'frame 3', 'pong 1', 'frame 7', 'frame 8', 'frame 9', 'frame 10', 'pong 2']);
    expect(channel.stats()).toMatchObject({ sentFrames: 7, droppedFrames: 3, sentMessages: 2 });
  });

  it('keeps recorded frames (not droppable) and merges waiting metrics rows of one run', () => {
    const socket = new FakeSocket();
    const channel = new ClientChannel(socket, limits);
    for (let id = 1; id <= 3; id++) channel.sendFrame(frame(id), true); // fills the socket buffer
    for (let id = 4; id <= 9; id++) channel.sendFrame(frame(id), false);
    channel.sendMetrics('run', [{ step: 1, loss: 0.5 }]);
    channel.sendMetrics('run', [{ step: 2, loss: 0.25 }]);
    channel.sendMetrics('other', [{ step: 2, loss: null }]);
    expect(channel.stats()).toMatchObject({ droppedFrames: 0, queuedItems: 8 });
    while (channel.stats().queuedItems > 0) socket.drain();
    const texts = socket.sent.filter((data): data is string => typeof data === 'string').map((text) => JSON.parse(text));
    expect(texts).toEqual([
      { type: 'metrics', runId: 'run', rows: [{ step: 1, loss: 0.5 }, { step: 2, loss: 0.25 }] },
      { type: 'metrics', runId: 'other', rows: [{ step: 2, loss: null }] },
    ]);
    expect(socket.sent.filter((data) => typeof data !== 'string').length).toBe(9);
  });

  it('calls onOverflow and stops queueing when undroppable data exceeds maxQueuedBytes', () => {
    const socket = new FakeSocket();
    const reasons: string[] = [];
    const channel = new ClientChannel(socket, limits, (reason) => reasons.push(reason));
    for (let id = 0; id < 30; id++) channel.sendFrame(frame(id), false);
    expect(reasons.length).toBe(1);
    expect(reasons[0]).toContain('maxQueuedBytes = 2000');
    expect(channel.isClosed).toBe(true);
    channel.sendFrame(frame(99), true);
    expect(channel.stats().queuedItems).toBe(0);
  });

  it('waitForRoom resolves once the queue drains below half of maxQueuedFrames, or on close', async () => {
    const socket = new FakeSocket();
    const channel = new ClientChannel(socket, limits);
    for (let id = 0; id < 8; id++) channel.sendFrame(frame(id), false);
    let resolved = false;
    const room = channel.waitForRoom().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    while (channel.stats().queuedItems >= 2) socket.drain();
    await room;
    expect(resolved).toBe(true);
    for (let id = 0; id < 8; id++) channel.sendFrame(frame(id), false);
    const onClose = channel.waitForRoom();
    channel.close();
    await onClose;
  });
});
