// Serves the built viewer's files: MIME types, index.html for '/' and folders, and no way out of the folder.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, join, relative, sep } from 'node:path';
import { mimeTypeOf } from './mime-types.js';

/** Writes a small plain-text response. */
export function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves a URL path to a file inside `root`: percent-decoded, refusing NUL bytes, backslashes, '..' segments and
 * symbolic links that lead outside. Returns the file's real path, 'forbidden', or 'missing'.
 */
export async function resolveStaticPath(root: string, urlPath: string): Promise<string | 'forbidden' | 'missing'> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((segment) => segment === '..')) return 'forbidden';
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return 'missing';
  }
  let candidate = join(realRoot, decoded);
  if (!isInside(realRoot, candidate)) return 'forbidden';
  try {
    if ((await stat(candidate)).isDirectory()) candidate = join(candidate, 'index.html');
    const real = await realpath(candidate);
    if (!isInside(realRoot, real)) return 'forbidden';
    return (await stat(real)).isFile() ? real : 'missing';
  } catch {
    return 'missing';
  }
}

/** Answers GET/HEAD for a file of the viewer's build folder: 200 with its MIME type, 403 or 404. */
export async function serveStaticFile(request: IncomingMessage, response: ServerResponse, root: string, urlPath: string): Promise<void> {
  const resolved = await resolveStaticPath(root, urlPath);
  if (resolved === 'forbidden') return sendText(response, 403, 'forbidden: the path leaves the viewer folder\n');
  if (resolved === 'missing') return sendText(response, 404, `not found: ${urlPath.slice(0, 200)}\n`);
  const { size } = await stat(resolved);
  response.writeHead(200, {
    'content-type': mimeTypeOf(resolved),
    'content-length': size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(resolved);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
