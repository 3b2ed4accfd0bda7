// Read-only JSON endpoints for the viewer: the runs list, a run's metrics and a recorded rollout's raw bytes.
import type { ServerResponse } from 'node:http';
import type { RunCatalogue } from './run-catalogue.js';
import { describeFailure, ServerError } from './server-errors.js';

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ServerError('invalid_name', `path segment ${JSON.stringify(segment.slice(0, 80))} is not valid percent-encoding`);
  }
}

/**
 * Answers GET/HEAD under /api:
 * - /api/runs: `{ runs: RunDetails[], rollouts: RolloutSummary[] }`;
 * - /api/runs/:run/metrics: metrics.jsonl as a JSON array;
 * - /api/runs/:run/rollouts/:file: the .rgr file's bytes.
 * Errors are JSON `{ error: { code, message } }` with a matching status.
 */
export async function handleApiRequest(
  response: ServerResponse,
  method: string,
  urlPath: string,
  catalogue: RunCatalogue,
  log: (line: string) => void = () => {},
): Promise<void> {
  try {
    const segments = urlPath.split('/').slice(2).map(decodeSegment); // drop '' and 'api'
    if (segments.length === 1 && segments[0] === 'runs') {
      return sendJson(response, 200, await catalogue.listRuns());
    }
    if (segments.length === 3 && segments[0] === 'runs' && segments[2] === 'metrics') {
      return sendJson(response, 200, await catalogue.readMetrics(segments[1]!));
    }
    if (segments.length === 4 && segments[0] === 'runs' && segments[2] === 'rollouts') {
      const bytes = await catalogue.readRolloutBytes(segments[1]!, segments[3]!);
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': bytes.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      response.end(method === 'HEAD' ? undefined : bytes);
      return;
    }
    throw new ServerError('not_found', `no API endpoint at ${JSON.stringify(urlPath.slice(0, 200))}; try /api/runs`);
  } catch (error) {
    const { code, message, detail } = describeFailure(error);
    if (!(error instanceof ServerError)) log(`GET ${urlPath.slice(0, 200)}: ${detail}`);
    sendJson(response, error instanceof ServerError ? error.httpStatus : 500, { error: { code, message } });
  }
}
