// Malformed, unknown, oversized and binary client messages get error replies; the server keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.js';
import { TestClient } from './testing/test-client.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ maxMessageBytes: 4096, maxPayloadBytes: 64 * 1024 });
});
afterAll(() => server.close());

async function replyTo(client: TestClient, payload: string | Uint8Array): Promise<Record<string, unknown>> {
  const from = client.received.length;
  client.send(payload);
  const reply = await client.waitFor((m) => m.type === 'error', from);
  await client.sync(); // the connection still answers
  return reply as unknown as Record<string, unknown>;
}

describe('bad client messages', () => {
  it('answers each kind of bad message with the matching error code and keeps the connection open', async () => {
    const client = await TestClient.connect(server.wsUrl);
    expect(await replyTo(client, '{"type": "ping",')).toMatchObject({ code: 'bad_json' });
    expect(await replyTo(client, '[1, 2, 3]')).toMatchObject({ code: 'invalid_field' });
    expect(await replyTo(client, JSON.stringify({ type: 'teleport', requestId: 'r1' }))).toMatchObject({
      code: 'unknown_type',
      offendingType: 'teleport',
      requestId: 'r1',
    });
    // a server -> client type sent by a client is unknown in this direction
    expect(await replyTo(client, JSON.stringify({ type: 'pong' }))).toMatchObject({ code: 'unknown_type', offendingType: 'pong' });
    expect(await replyTo(client, JSON.stringify({ type: 'openRollout', requestId: 'r2' }))).toMatchObject({
      code: 'missing_field',
      offendingType: 'openRollout',
      requestId: 'r2',
    });
    expect(await replyTo(client, JSON.stringify({ type: 'ping', colour: 'red' }))).toMatchObject({ code: 'unknown_field' });
    const wrongType = await replyTo(
      client,
      JSON.stringify({ type: 'requestRollout', requestId: 'r3', runId: 'a', checkpointStep: 1, envId: 'Pendulum-v1', seed: '1', episodes: 1, deterministic: true }),
    );
    expect(wrongType).toMatchObject({ code: 'invalid_field', requestId: 'r3' });
    expect(wrongType['message']).toContain('requestRollout.seed');
    expect(await replyTo(client, JSON.stringify({ type: 'subscribeLive', maxFramesPerSecond: 0 }))).toMatchObject({ code: 'invalid_field' });
    expect(await replyTo(client, new Uint8Array([0x52, 0x47, 1, 1, 0, 0, 0, 0]))).toMatchObject({ code: 'invalid_input' });
    const oversized = await replyTo(client, JSON.stringify({ type: 'ping', requestId: 'x'.repeat(5000) }));
    expect(oversized).toMatchObject({ code: 'oversized' });
    expect(oversized['message']).toContain('at most 4096 bytes');
    expect(client.undecodable).toEqual([]);
    const stats = server.clients().find((c) => c.greeted);
    expect(stats?.rejectedMessages).toBe(10);
    client.close();
  });

  it('closes a connection whose message exceeds maxPayloadBytes (1009) and keeps serving other clients', async () => {
    const bystander = await TestClient.connect(server.wsUrl);
    const flooder = await TestClient.connect(server.wsUrl);
    flooder.send('x'.repeat(100 * 1024));
    expect((await flooder.closed).code).toBe(1009);
    await bystander.sync();
    const next = await TestClient.connect(server.wsUrl);
    await next.sync();
    next.close();
    bystander.close();
  });

  it('survives random garbage from many clients at once', async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, () => TestClient.connect(server.wsUrl)));
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sends = clients.map(async (client) => {
      for (let i = 0; i < 25; i++) {
        const length = Math.floor(random() * 200);
        const text = Array.from({ length }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
        client.send(random() < 0.5 ? text : JSON.stringify({ type: 'subscribeLive', runId: text.slice(0, 5), bogus: text }));
      }
      await client.sync();
      expect(client.ofType('error').length).toBe(25);
    });
    await Promise.all(sends);
    for (const client of clients) client.close();
  });
});
