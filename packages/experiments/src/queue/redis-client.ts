// An ioredis client that fails fast on a bad or unreachable Redis (ioredis alone retries forever) and gives up after bounded reconnects.
import { Redis } from 'ioredis';
import { parseRedisUrl, type RedisTarget } from './redis-url.js';

/** How a queue client connects; every field has a default. */
export interface RedisConnectOptions {
  /** Milliseconds for the TCP connection and the first PING to succeed before giving up (default 5000). */
  connectTimeoutMs?: number;
  /**
   * Reconnect attempts after the connection, once established, drops (default 20: back-off 0.2 s, 0.4 s, … capped at
   * 3 s, about 40 s in all); then the client ends and its commands fail, so a worker exits instead of hanging.
   */
  reconnectAttempts?: number;
  /**
   * For BullMQ workers and queue-event listeners, whose blocking commands must wait out a reconnect:
   * `maxRetriesPerRequest: null` (BullMQ requires it). Otherwise a command is retried once (default false).
   */
  blocking?: boolean;
}

export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 5000;
export const DEFAULT_REDIS_RECONNECT_ATTEMPTS = 20;

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return `${(error as NodeJS.ErrnoException).code ? `${(error as NodeJS.ErrnoException).code}: ` : ''}${error.message}`;
  return String(error);
}

/** Redis could not be reached at the start (a command line can report it in one line, without a stack). */
export class RedisConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisConnectionError';
  }
}

function unreachable(target: RedisTarget, reason: string): Error {
  return new RedisConnectionError(
    `cannot reach Redis at ${target.displayUrl}: ${reason} (expected a redis-server answering PING at ${target.host}:${target.port}; start one with "redis-server --port ${target.port}", or fix the URL)`,
  );
}

/**
 * Connects to the Redis at `url` and checks it answers PING within the timeout; otherwise an Error naming the URL,
 * the cause and what was expected. The returned client is connected; the caller quits it.
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<Redis> {
  const target = parseRedisUrl(url);
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_REDIS_CONNECT_TIMEOUT_MS;
  const reconnectAttempts = options.reconnectAttempts ?? DEFAULT_REDIS_RECONNECT_ATTEMPTS;
  let established = false;
  let lastError: unknown;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    maxRetriesPerRequest: options.blocking ? null : 1,
    // No retry before the first connection (fail fast); bounded retries after it (BullMQ's duplicates inherit this).
    retryStrategy: (times) => (established && times <= reconnectAttempts ? Math.min(200 * times, 3000) : null),
  });
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to PING within ${connectTimeoutMs} ms`)), connectTimeoutMs);
    });
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
  } catch (error) {
    client.disconnect();
    throw unreachable(target, describeError(lastError ?? error));
  } finally {
    clearTimeout(timer);
  }
  established = true;
  return client;
}

/** Quits a client politely (QUIT), or drops the connection when Redis is gone. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await Promise.race([client.quit(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  } catch {
    // the connection is already gone
  }
  client.disconnect();
}
