// Test helper: a throwaway redis-server (Debian's package) on 127.0.0.1, a free port, no persistence, in a temp dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's redis-server package puts the binary (.ci/run installs it when missing). */
export const REDIS_SERVER_BINARY = '/usr/bin/redis-server';

export interface TestRedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The server's process (SIGKILL it to test a lost Redis). */
  process: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 3 s) and removes its temp dir. */
  stop(): Promise<void>;
}

export interface TestRedisServerOptions {
  /** The redis-server executable (default: REDIS_SERVER_BINARY). */
  binary?: string;
  /** How long to wait for the server to answer PING (default 10 s). */
  startTimeoutMs?: number;
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Sends one inline PING over a raw socket; true when the server answers +PONG. */
export function pingRedis(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

/**
 * Starts redis-server with `--save '' --appendonly no` in a temp dir on a free port and waits until it answers PING.
 * A missing binary is an Error telling how to install it (tests must fail, not skip, when Redis is absent).
 */
export async function startTestRedisServer(options: TestRedisServerOptions = {}): Promise<TestRedisServer> {
  const binary = options.binary ?? REDIS_SERVER_BINARY;
  if (!existsSync(binary)) {
    throw new Error(`redis-server not found at ${binary}: the queue tests need a real Redis; install Debian's package with "apt-get install -y redis-server" (.ci/run does this in CI)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapier-gym-redis-'));
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk) => (output += chunk.toString()));
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      resolve();
    }),
  );

  const stop = async (): Promise<void> => {
    if (exited === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  while (!(await pingRedis(port))) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server (${binary}) did not start on 127.0.0.1:${port}${exited !== undefined ? ` (exited with code ${exited})` : ' within the timeout'}: ${output.trim() || 'no output'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, port, process: child, stop };
}
