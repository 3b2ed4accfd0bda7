// Tests of the throwaway redis-server helper the queue tests run against.
import { startTestRedisServer, pingRedis } from '../testing/redis-server.js';
import { describe, expect, it } from 'vitest';

describe('startTestRedisServer', () => {
  it('starts a redis-server on 127.0.0.1 that answers PING, and stop() shuts it down', async () => {
    const redis = await startTestRedisServer();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await pingRedis(redis.port)).toBe(true);
    await redis.stop();
    expect(redis.process.exitCode !== null || redis.process.signalCode !== null).toBe(true);
    expect(await pingRedis(redis.port)).toBe(false);
  });

  it('fails (rather than skipping) with install instructions when redis-server is missing', async () => {
    await expect(startTestRedisServer({ binary: '/nonexistent/redis-server' })).rejects.toThrow(
      /redis-server not found at \/nonexistent\/redis-server.*apt-get install -y redis-server/,
    );
  });
});
