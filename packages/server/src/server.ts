// startServer: one HTTP server on one port for the viewer's files, the JSON API and the WebSocket endpoint /ws.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientSession, RolloutSlots, type ClientStats } from './client-session.js';
import { handleApiRequest } from './http-api.js';
import { LiveHub } from './live-hub.js';
import { VIEWER_NOT_BUILT_HTML } from './not-built-page.js';
import { refusalReason } from './request-guard.js';
import { RunCatalogue } from './run-catalogue.js';
import { resolveServerOptions, type ServerOptions } from './server-options.js';
import { sendText, serveStaticFile } from './static-files.js';
import { StreamIdAllocator } from './stream-ids.js';

/** The WebSocket endpoint's path. */
export const WEBSOCKET_PATH = '/ws';

export interface RunningServer {
  /** http://host:port/ */
  url: string;
  /** ws://host:port/ws */
  wsUrl: string;
  port: number;
  /** Where the CLI publishes live training data. */
  hub: LiveHub;
  /** Queue and error counters of every connected client. */
  clients(): ClientStats[];
  /** Terminates every client and stops listening; resolves when done. Idempotent. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return shown.includes(':') ? `[${shown}]` : shown;
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Forbidden'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * Starts the server and resolves once it listens. Bound to 127.0.0.1 unless `host` says otherwise. Rejects when the
 * port cannot be bound, and throws an Error naming a bad option.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = resolveServerOptions(options);
  const streamIds = new StreamIdAllocator();
  const hub = new LiveHub({ metricsHistoryRows: config.metricsHistoryRows, streamIds });
  const catalogue = new RunCatalogue(config.runsDir, {
    maxRolloutFileBytes: config.maxRolloutFileBytes,
    liveStatus: (runId) => hub.runStatus(runId),
    log: config.log,
  });
  const context = { options: config, hub, catalogue, streamIds, rolloutSlots: new RolloutSlots(config.maxConcurrentRollouts) };
  const sessions = new Map<WebSocket, ClientSession>();
  const alive = new WeakSet<WebSocket>();
  let nextClientId = 1;
  const guard = { boundHost: config.host, allowedOrigins: config.allowedOrigins };

  const handleRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refusal = refusalReason(request, guard);
    if (refusal !== undefined) return sendText(response, 403, `forbidden: ${refusal}\n`);
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return sendText(response, 405, `method ${method} not allowed; this server is read-only\n`, { allow: 'GET, HEAD' });
    const path = (request.url ?? '/').split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/')) return handleApiRequest(response, method, path, catalogue, config.log);
    if (path === WEBSOCKET_PATH) return sendText(response, 426, `${WEBSOCKET_PATH} is the WebSocket endpoint; connect with a WebSocket client\n`);
    if (config.viewerDir === undefined) {
      if (path !== '/' && path !== '/index.html') return sendText(response, 404, 'not found: the viewer is not built\n');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(VIEWER_NOT_BUILT_HTML) });
      response.end(method === 'HEAD' ? undefined : VIEWER_NOT_BUILT_HTML);
      return;
    }
    return serveStaticFile(request, response, config.viewerDir, path);
  };

  const http = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      config.log(`http ${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendText(response, 500, 'internal server error\n');
      else response.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxPayloadBytes, perMessageDeflate: false });
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?')[0];
    if (path !== WEBSOCKET_PATH) return refuseUpgrade(socket, 404, `WebSocket connections go to ${WEBSOCKET_PATH}`);
    const refusal = refusalReason(request, guard);
    if (refusal !== undefined) return refuseUpgrade(socket, 403, refusal);
    wss.handleUpgrade(request, socket, head, (ws) => {
      const clientId = nextClientId++;
      const remote = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('close', () => sessions.delete(ws));
      sessions.set(ws, new ClientSession(clientId, ws, remote, context));
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, config.host, config.port)));
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', (error) => config.log(`http server error: ${error.message}`));
  const port = (http.address() as AddressInfo).port;

  const heartbeat =
    config.heartbeatMs > 0
      ? setInterval(() => {
          for (const ws of sessions.keys()) {
            if (!alive.has(ws)) {
              config.log('dropping a client that missed a heartbeat');
              ws.terminate();
              continue;
            }
            alive.delete(ws);
            ws.ping();
          }
        }, config.heartbeatMs)
      : undefined;
  heartbeat?.unref();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (heartbeat !== undefined) clearInterval(heartbeat);
      for (const [ws, session] of sessions) {
        session.dispose();
        ws.terminate();
      }
      sessions.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    })();
    return closing;
  };

  const base = `${urlHost(config.host)}:${port}`;
  config.log(`rapier-gym server listening on http://${base}/ (WebSocket ws://${base}${WEBSOCKET_PATH})`);
  return {
    url: `http://${base}/`,
    wsUrl: `ws://${base}${WEBSOCKET_PATH}`,
    port,
    hub,
    clients: () => [...sessions.values()].map((session) => session.stats()),
    close,
  };
}

/** A listen failure as one line a user can act on (a port in use, a port that needs privileges, an unknown host). */
export function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE') return new Error(`server: port ${port} on ${host} is already in use; stop what listens there or choose another port (--port P, or --port 0 for any free port)`);
  if (error.code === 'EACCES') return new Error(`server: no permission to listen on ${where} (ports below 1024 need privileges); choose another port with --port`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new Error(`server: cannot listen on ${where}: ${host} is not an address of this machine (--host expects a local address such as 127.0.0.1 or 0.0.0.0)`);
  return new Error(`server: cannot listen on ${where}: ${error.message}`);
}
