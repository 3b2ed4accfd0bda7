// Reads the page's URL parameters: where the live WebSocket is, which rollout files to open, playback settings.

export interface ViewerParams {
  /** WebSocket URL of the server; null when live streaming is switched off (`?ws=off`). */
  wsUrl: string | null;
  /** Rollout files (.rgr) to fetch and open at start (`?rollout=<url>`, repeatable). */
  rolloutUrls: string[];
  /** Initial playback speed (`?speed=`), default 1. */
  speed: number;
  /** Live run to subscribe to (`?run=`); all runs when absent. */
  runId?: string;
  /** Sweep whose grouped learning curves to show (`?sweep=<name>`, a folder under the server's runs/sweeps/). */
  sweep?: string;
}

/**
 * Parses `search` (the page's `location.search`) against the page's own location. The WebSocket defaults to `/ws`
 * on the page's host, `wss:` when the page is served over https. A `?ws=` value may be a full ws(s) URL, a path
 * on the page's host, or `off`.
 */
export function parseViewerParams(search: string, page: { protocol: string; host: string }): ViewerParams {
  const query = new URLSearchParams(search);
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  const wsParam = query.get('ws');
  let wsUrl: string | null;
  if (wsParam === 'off' || (wsParam === null && !page.host)) wsUrl = null;
  else if (wsParam === null || wsParam === '') wsUrl = `${scheme}//${page.host}/ws`;
  else if (/^wss?:\/\//.test(wsParam)) wsUrl = wsParam;
  else if (wsParam.startsWith('/')) wsUrl = `${scheme}//${page.host}${wsParam}`;
  else throw new Error(`?ws=: expected a ws:// or wss:// URL, a path starting with "/", or "off", received ${JSON.stringify(wsParam)}`);
  const speedParam = query.get('speed');
  const speed = speedParam === null ? 1 : Number(speedParam);
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`?speed=: expected a number > 0, received ${JSON.stringify(speedParam)}`);
  const params: ViewerParams = { wsUrl, rolloutUrls: query.getAll('rollout').filter((url) => url !== ''), speed };
  const runId = query.get('run');
  if (runId) params.runId = runId;
  const sweep = query.get('sweep');
  if (sweep) params.sweep = sweep;
  return params;
}
