// Parses and checks the `redis://host:port[/db]` URL a queue is reached at, with errors that name the URL.
/** A checked Redis URL. */
export interface RedisTarget {
  /** The URL as given. */
  url: string;
  /** The URL for messages and logs: a password is shown as `***`. */
  displayUrl: string;
  host: string;
  port: number;
  /** Database index (the URL's path, default 0). */
  db: number;
  tls: boolean;
}

/** The URL form every queue flag and option takes. */
export const REDIS_URL_FORM = 'redis://host:port (or rediss:// for TLS, optionally redis://user:password@host:port/db)';

/** `url` with its password (`redis://user:secret@host`) replaced by `***`, for messages and logs. */
export function redactRedisUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

/** Checks `url` is `redis://host:port[/db]` (or `rediss://`); anything else is an Error naming the URL and the expected form. */
export function parseRedisUrl(url: string): RedisTarget {
  const shown = redactRedisUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Redis URL "${shown}" is not a URL (expected ${REDIS_URL_FORM})`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`Redis URL "${shown}" has scheme "${parsed.protocol.replace(/:$/, '')}" (expected ${REDIS_URL_FORM})`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Error(`Redis URL "${shown}" has no host (expected ${REDIS_URL_FORM})`);
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const path = parsed.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d+$/.test(path)) {
    throw new Error(`Redis URL "${shown}" has path "/${path}" (expected nothing or a database index such as /0)`);
  }
  return { url, displayUrl: shown, host, port, db: path === '' ? 0 : Number(path), tls: parsed.protocol === 'rediss:' };
}
