// Host and Origin checks that keep web pages on other sites (and DNS rebinding) away from a loopback-bound server.
import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  const colon = host.lastIndexOf(':');
  return (colon < 0 ? host : host.slice(0, colon)).toLowerCase();
}

/** True when `host` is a loopback interface, so only local processes can reach the server. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface RequestGuardOptions {
  /** The interface the server listens on. */
  boundHost: string;
  /** Origins allowed besides the server's own. */
  allowedOrigins: readonly string[];
}

/**
 * Why a request must be refused, or undefined when it may proceed:
 * - a server bound to loopback answers only requests whose Host names a loopback address (DNS rebinding defence);
 * - a browser request (with an Origin header) must come from the server's own origin or an allowed one, so another
 *   site open in the user's browser cannot read runs or start rollouts. Clients that send no Origin (Node, curl) pass.
 */
export function refusalReason(request: IncomingMessage, options: RequestGuardOptions): string | undefined {
  const host = request.headers.host ?? '';
  if (isLoopbackHost(options.boundHost) && !isLoopbackHost(hostName(host))) {
    return `Host header ${JSON.stringify(host.slice(0, 100))} is not a loopback name; this server only answers local requests`;
  }
  const origin = request.headers.origin;
  if (origin === undefined || options.allowedOrigins.includes(origin)) return undefined;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin ${JSON.stringify(origin.slice(0, 100))} is not a URL`;
  }
  if (originHost.toLowerCase() !== host.toLowerCase()) {
    return `Origin ${JSON.stringify(origin.slice(0, 100))} is not this server's origin nor an allowed one (allowedOrigins)`;
  }
  return undefined;
}
