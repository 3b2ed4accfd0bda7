// A bad or unreachable Redis URL fails fast with an Error naming the URL, the cause and what was expected.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestRedisServer, type TestRedisServer } from '../testing/redis-server.js';
import { closeRedis, connectRedis, RedisConnectionError } from './redis-client.js';
import { parseRedisUrl, redactRedisUrl } from './redis-url.js';
import { openTrialQueue } from './trial-queue-client.js';
import { startTrialWorker } from './trial-queue-worker.js';

describe('parseRedisUrl', () => {
  it('reads host, port (6379 by default) and database index', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/2')).toEqual({ url: 'redis://10.0.0.5:6380/2', displayUrl: 'redis://10.0.0.5:6380/2', host: '10.0.0.5', port: 6380, db: 2, tls: false });
    expect(parseRedisUrl('rediss://queue.example')).toMatchObject({ host: 'queue.example', port: 6379, db: 0, tls: true });
  });

  it('never shows a password: messages name the URL with *** in its place', () => {
    expect(redactRedisUrl('redis://:s3cret@10.0.0.5:6379')).toBe('redis://:***@10.0.0.5:6379');
    expect(redactRedisUrl('rediss://queue:s3cret@host/1')).toBe('rediss://queue:***@host/1');
    expect(redactRedisUrl('redis://host:6379')).toBe('redis://host:6379');
    expect(parseRedisUrl('redis://:s3cret@10.0.0.5:6379').displayUrl).toBe('redis://:***@10.0.0.5:6379');
    expect(() => parseRedisUrl('redis://:s3cret@10.0.0.5:6379/x')).toThrow('Redis URL "redis://:***@10.0.0.5:6379/x" has path "/x"');
  });

  it('rejects what is not redis://host:port, naming the URL and the expected form', () => {
    expect(() => parseRedisUrl('localhost:6379')).toThrow('Redis URL "localhost:6379" has scheme "localhost" (expected redis://host:port');
    expect(() => parseRedisUrl('http://127.0.0.1:6379')).toThrow('Redis URL "http://127.0.0.1:6379" has scheme "http" (expected redis://host:port');
    expect(() => parseRedisUrl('6379')).toThrow('Redis URL "6379" is not a URL (expected redis://host:port');
    expect(() => parseRedisUrl('redis://127.0.0.1:6379/queue')).toThrow('Redis URL "redis://127.0.0.1:6379/queue" has path "/queue" (expected nothing or a database index such as /0)');
  });
});

describe('connectRedis', () => {
  let redis: TestRedisServer;
  let silent: Server;
  let silentPort: number;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    redis = await startTestRedisServer();
    silentPort = await freePort();
    // accepts connections and never answers (a firewall that swallows packets, or a service that is not Redis)
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(silentPort, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await redis?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent?.close(resolve));
  });

  it('connects to a running redis-server', async () => {
    const client = await connectRedis(redis.url);
    expect(await client.ping()).toBe('PONG');
    await closeRedis(client);
  });

  it('names the URL, the refused connection and what was expected when nothing listens on the port', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    await expect(connectRedis(url)).rejects.toBeInstanceOf(RedisConnectionError);
    await expect(connectRedis(url)).rejects.toThrow(
      `cannot reach Redis at ${url}: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${port} (expected a redis-server answering PING at 127.0.0.1:${port}`,
    );
  });

  it('gives up after the connect timeout when the server never answers', async () => {
    const url = `redis://127.0.0.1:${silentPort}`;
    await expect(connectRedis(url, { connectTimeoutMs: 300 })).rejects.toThrow(new RegExp(`^cannot reach Redis at ${url}: .*(timeout|within 300 ms)`, 'i'));
  });

  it('keeps a password out of the message', async () => {
    const port = await freePort();
    await expect(connectRedis(`redis://:s3cret@127.0.0.1:${port}`)).rejects.toThrow(`cannot reach Redis at redis://:***@127.0.0.1:${port}: ECONNREFUSED`);
  });

  it('the queue client and the worker fail the same way before touching BullMQ', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(openTrialQueue({ redisUrl: url })).rejects.toThrow(`cannot reach Redis at ${url}`);
    await expect(startTrialWorker({ redisUrl: url, runTrial: async () => ({ status: 'skipped', step: 0, sessionSeconds: 0 }) })).rejects.toThrow(`cannot reach Redis at ${url}`);
    await expect(openTrialQueue({ redisUrl: 'redis:/nohost' })).rejects.toThrow('Redis URL "redis:/nohost" has no host');
  });
});
