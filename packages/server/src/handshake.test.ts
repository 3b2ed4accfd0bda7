// The hello handshake: version check, messages before hello, ping/pong and endpoint refusals.
import { PROTOCOL_NAME, PROTOCOL_VERSION } from '@rapier-gym/protocol';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.js';
import { httpGet } from './testing/http-get.js';
import { TestClient } from './testing/test-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('handshake', () => {
  it('binds to loopback by default and greets with a server hello of this protocol version', async () => {
    server = await startServer();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.wsUrl).toBe(`ws://127.0.0.1:${server.port}/ws`);
    const client = await TestClient.connect(server.wsUrl);
    expect(client.received[0]).toEqual({
      type: 'hello',
      protocol: PROTOCOL_NAME,
      protocolVersion: PROTOCOL_VERSION,
      role: 'server',
      software: 'rapier-gym-server 0.1.0',
    });
    client.send({ type: 'ping', requestId: 'p1', nonce: 42 });
    expect(await client.waitFor((m) => m.type === 'pong')).toEqual({ type: 'pong', requestId: 'p1', nonce: 42 });
    client.close();
  });

  it('answers a hello of another protocol version with version_mismatch and closes the connection', async () => {
    server = await startServer();
    const client = await TestClient.connect(server.wsUrl, { hello: false });
    client.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_NAME, protocolVersion: PROTOCOL_VERSION + 1, role: 'client', software: 'future viewer' }));
    const error = await client.waitFor((m) => m.type === 'error');
    expect(error).toMatchObject({ type: 'error', code: 'version_mismatch', offendingType: 'hello' });
    expect(error.type === 'error' && error.message).toContain(`v${PROTOCOL_VERSION + 1}`);
    expect((await client.closed).code).toBe(1002);
  });

  it('refuses requests before the hello and a second hello, keeping the connection open', async () => {
    server = await startServer();
    const client = await TestClient.connect(server.wsUrl, { hello: false });
    client.send({ type: 'listRuns', requestId: 'early' });
    expect(await client.waitFor((m) => m.type === 'error')).toMatchObject({
      code: 'handshake_required',
      offendingType: 'listRuns',
      requestId: 'early',
    });
    client.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_NAME, protocolVersion: PROTOCOL_VERSION, role: 'client', software: 't' }));
    await client.sync();
    const from = client.received.length;
    client.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_NAME, protocolVersion: PROTOCOL_VERSION, role: 'client', software: 't' }));
    expect(await client.waitFor((m) => m.type === 'error', from)).toMatchObject({ code: 'handshake_required', offendingType: 'hello' });
    await client.sync();
    client.close();
  });

  it('refuses WebSocket upgrades on other paths and from foreign origins, and HTTP with a foreign Host', async () => {
    server = await startServer();
    const wrongPath = new WebSocket(`ws://127.0.0.1:${server.port}/elsewhere`);
    const pathStatus = await new Promise<number>((resolve) => wrongPath.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(pathStatus).toBe(404);
    const foreign = new WebSocket(server.wsUrl, { headers: { origin: 'http://evil.example' } });
    const originStatus = await new Promise<number>((resolve) => foreign.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(originStatus).toBe(403);
    const rebound = await httpGet(server.port, '/api/runs', { host: `attacker.example:${server.port}` });
    expect(rebound.status).toBe(403);
    expect((await httpGet(server.port, '/api/runs', { host: `localhost:${server.port}` })).status).toBe(200);
    const sameOrigin = await TestClient.connect(server.wsUrl, { headers: { origin: `http://127.0.0.1:${server.port}` } });
    await sameOrigin.sync();
    sameOrigin.close();
  });

  it('close() terminates clients, stops listening and can be called twice', async () => {
    server = await startServer({ heartbeatMs: 1000 });
    const client = await TestClient.connect(server.wsUrl);
    await server.close();
    await server.close();
    expect((await client.closed).code).toBe(1006);
    await expect(fetch(server.url)).rejects.toThrow();
  });
});
