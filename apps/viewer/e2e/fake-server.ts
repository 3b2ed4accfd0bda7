// A stand-in rapier-gym server for browser tests: serves the built viewer (dist/) over http and speaks the protocol
// on /ws (hello, then live episodes of the protocol's sample Hopper rollout and metrics rows).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import {
  createHello,
  decodeClientMessage,
  encodeFrame,
  encodeServerControlMessage,
  episodeEndMessage,
  episodeStartFromHeader,
  type ClientMessage,
  type CurvesMessage,
  type RolloutInput,
} from '@rapier-gym/protocol';
import { WebSocketServer, type WebSocket } from 'ws';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.rgr': 'application/octet-stream',
};

export interface FakeServer {
  url: string;
  /** Client messages received, in order. */
  received: ClientMessage[];
  /** Bytes sent to clients over the WebSocket. */
  bytesSent: () => number;
  close: () => Promise<void>;
}

export interface FakeServerOptions {
  /** Directory served over http (the built viewer). */
  root: string;
  /** The live rollout streamed after subscribeLive. */
  live: RolloutInput;
  /** Extra files served by path, e.g. { '/runs/a.rgr': bytes }. */
  files?: Record<string, Uint8Array>;
  /** The answer to getCurves, per requested metric (the request's sweep and requestId are copied in). */
  curves?: Record<string, CurvesMessage>;
}

/** Sends every episode of `live` as a live stream: episodeStart, binary frames, episodeEnd. */
function streamLive(socket: WebSocket, live: RolloutInput, count: (bytes: number) => void): void {
  const send = (data: string | Uint8Array) => {
    count(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
    socket.send(data);
  };
  live.episodes.forEach((episode, index) => {
    const streamId = 100 + index;
    send(encodeServerControlMessage({ ...episodeStartFromHeader(live.header, streamId, index), live: true, runId: 'test-run' }));
    for (const frame of episode.frames) send(encodeFrame({ ...frame, streamId }));
    send(encodeServerControlMessage(episodeEndMessage(live.header.rolloutId, streamId, episode.end)));
  });
}

export async function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const received: ClientMessage[] = [];
  let sent = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const extra = options.files?.[path];
      if (extra) {
        response.writeHead(200, { 'content-type': TYPES['.rgr']! });
        response.end(extra);
        return;
      }
      const relative = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
      try {
        const body = await readFile(join(options.root, relative));
        response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404);
        response.end('not found');
      }
    })();
  });
  const sockets = new WebSocketServer({ server, path: '/ws' });
  sockets.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const decoded = decodeClientMessage(data.toString());
      if (!decoded.ok) return;
      const message = decoded.value;
      received.push(message);
      if (message.type === 'hello') socket.send(encodeServerControlMessage(createHello('server', 'fake-server (viewer e2e)')));
      if (message.type === 'listRuns') socket.send(encodeServerControlMessage({ type: 'runList', runs: [], rollouts: [] }));
      if (message.type === 'getCurves') {
        const answer = options.curves?.[message.metric ?? 'eval'];
        socket.send(
          encodeServerControlMessage(
            answer
              ? { ...answer, sweep: message.sweep, ...(message.requestId === undefined ? {} : { requestId: message.requestId }) }
              : { type: 'error', code: 'not_found', message: `no sweep ${JSON.stringify(message.sweep)}`, offendingType: 'getCurves' },
          ),
        );
      }
      if (message.type === 'subscribeLive') {
        socket.send(
          encodeServerControlMessage({
            type: 'metrics',
            runId: 'test-run',
            rows: [0, 1000, 2000, 3000, 4000].map((step, index) => ({ step, episodeReturn: 10 + 40 * index, qLoss: index === 2 ? null : 1 / (index + 1) })),
          }),
        );
        streamLive(socket, options.live, (bytes) => (sent += bytes));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    bytesSent: () => sent,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
