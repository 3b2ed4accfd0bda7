// Reads the runs directory: run summaries, metrics, checkpoints and recorded rollouts, tolerating missing pieces.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodeRolloutFile,
  MAX_STRING_LENGTH,
  type Rollout,
  type RolloutSummary,
  type RunStatus,
  type RunSummary,
} from '@rapier-gym/protocol';
import { assertRolloutFileName, assertRunName, isRolloutFileName, isRunName, parseRolloutId, rolloutIdOf } from './safe-names.js';
import { ServerError } from './server-errors.js';

/** A run as GET /api/runs lists it: the protocol's RunSummary plus what is on disk. */
export interface RunDetails extends RunSummary {
  /** config.json parsed, or null when absent or unreadable. */
  config: Record<string, unknown> | null;
  /** Whether metrics.jsonl exists. */
  hasMetrics: boolean;
  /** Rollout ids of the run's recorded rollouts. */
  rolloutIds: string[];
}

export interface RunCatalogueOptions {
  /** Recorded rollout files larger than this are skipped. */
  maxRolloutFileBytes: number;
  /** Status the live hub knows for a run (running while the CLI trains it). */
  liveStatus?: (runId: string) => RunStatus | undefined;
  log?: (line: string) => void;
}

const RUN_STATUSES: readonly RunStatus[] = ['running', 'finished', 'stopped', 'failed'];
/** Bytes read from the end of metrics.jsonl to find the last row (total steps). */
const METRICS_TAIL_BYTES = 64 * 1024;
/** Largest metrics.jsonl served by readMetrics. */
const MAX_METRICS_BYTES = 64 * 1024 * 1024;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_STRING_LENGTH ? value : undefined;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function readJsonObject(path: string): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** What makes a folder of the runs directory a run (any one of them). */
const RUN_MARKERS = ['config.json', 'metrics.jsonl', 'checkpoints', 'rollouts'];

async function listDir(path: string): Promise<{ name: string; isDirectory: boolean; isFile: boolean }[]> {
  try {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory(), isFile: entry.isFile() }));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** Parses JSON lines, skipping blank and unparsable ones (a line being written is usually cut). */
function parseJsonLines(text: string): unknown[] {
  const rows: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      rows.push(JSON.parse(line));
    } catch {
      // a partial or corrupt line: skipped
    }
  }
  return rows;
}

interface CachedRollout {
  mtimeMs: number;
  size: number;
  summary: RolloutSummary | undefined;
}

/**
 * The runs directory, laid out as `<runsDir>/<run>/config.json`, `metrics.jsonl`, `checkpoints/<step>/` and
 * `rollouts/*.rgr`. Any piece may be missing. Every name a client gives is validated before it touches a path.
 */
export class RunCatalogue {
  private readonly summaries = new Map<string, CachedRollout>();

  constructor(
    readonly runsDir: string | undefined,
    private readonly options: RunCatalogueOptions,
  ) {}

  /** The folder of a run; throws `unsupported` without a runs directory and `invalid_name` for a bad name. */
  runDir(run: string): string {
    return join(this.requireRunsDir(), assertRunName(run));
  }

  /** Every run folder with its summary, and every recorded rollout of every run. */
  async listRuns(): Promise<{ runs: RunDetails[]; rollouts: RolloutSummary[] }> {
    if (this.runsDir === undefined) return { runs: [], rollouts: [] };
    const candidates = (await listDir(this.runsDir)).filter((entry) => entry.isDirectory && isRunName(entry.name));
    const entries = [];
    for (const entry of candidates) if (await this.looksLikeRun(entry.name)) entries.push(entry);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    const runs: RunDetails[] = [];
    const rollouts: RolloutSummary[] = [];
    for (const entry of entries) {
      const runRollouts = await this.runRollouts(entry.name);
      rollouts.push(...runRollouts);
      runs.push(await this.runDetails(entry.name, runRollouts));
    }
    return { runs, rollouts };
  }

  /** The rows of `<run>/metrics.jsonl` (unparsable lines skipped). */
  async readMetrics(run: string): Promise<unknown[]> {
    const path = join(this.runDir(run), 'metrics.jsonl');
    const info = await this.statFile(path, `run ${JSON.stringify(run)} has no metrics.jsonl`);
    if (info.size > MAX_METRICS_BYTES) {
      throw new ServerError('oversized', `metrics.jsonl of run ${JSON.stringify(run)} has ${info.size} bytes; the limit is ${MAX_METRICS_BYTES}`);
    }
    return parseJsonLines(await readFile(path, 'utf8'));
  }

  /** The raw bytes of `<run>/rollouts/<fileName>`. */
  async readRolloutBytes(run: string, fileName: string): Promise<Uint8Array> {
    const path = join(this.runDir(run), 'rollouts', assertRolloutFileName(fileName));
    const info = await this.statFile(path, `run ${JSON.stringify(run)} has no rollout ${JSON.stringify(fileName)}`);
    if (info.size > this.options.maxRolloutFileBytes) {
      throw new ServerError(
        'oversized',
        `rollout ${JSON.stringify(fileName)} has ${info.size} bytes; this server streams at most ${this.options.maxRolloutFileBytes} (maxRolloutFileBytes)`,
      );
    }
    return new Uint8Array(await readFile(path));
  }

  /**
   * Decodes a recorded rollout by its id (`<run>/<file stem>`). A file still being written decodes up to its last
   * complete record (`complete: false`). The header's rolloutId is replaced by the id it was opened with.
   */
  async loadRollout(rolloutId: string): Promise<Rollout> {
    const { run, fileName } = parseRolloutId(rolloutId);
    const bytes = await this.readRolloutBytes(run, fileName);
    const decoded = decodeRolloutFile(bytes, { allowIncomplete: true });
    if (!decoded.ok) {
      throw new ServerError('corrupt_file', `rollout ${JSON.stringify(rolloutId)} cannot be read: ${decoded.error.code}: ${decoded.error.message}`);
    }
    const rollout = decoded.value;
    return { ...rollout, header: { ...rollout.header, rolloutId } };
  }

  /** Whether `<run>/checkpoints/<step>` exists. */
  async hasCheckpoint(run: string, step: number): Promise<boolean> {
    try {
      return (await stat(join(this.runDir(run), 'checkpoints', String(step)))).isDirectory();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private requireRunsDir(): string {
    if (this.runsDir === undefined) {
      throw new ServerError('unsupported', 'this server was started without a runs directory, so it has no runs or recorded rollouts');
    }
    return this.runsDir;
  }

  private async statFile(path: string, missing: string): Promise<{ size: number; mtimeMs: number }> {
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new ServerError('not_found', missing);
      return info;
    } catch (error) {
      if (isMissing(error)) throw new ServerError('not_found', missing);
      throw error;
    }
  }

  /**
   * A run folder holds at least one of config.json, metrics.jsonl, checkpoints/ or rollouts/, or is a run the live hub
   * knows (a trainer that has not written yet); sweeps/, plots/ and stray empty folders are not runs.
   */
  private async looksLikeRun(run: string): Promise<boolean> {
    if (this.options.liveStatus?.(run) !== undefined) return true;
    const names = new Set((await listDir(join(this.requireRunsDir(), run))).map((entry) => entry.name));
    return RUN_MARKERS.some((name) => names.has(name));
  }

  private async runDetails(run: string, rollouts: RolloutSummary[]): Promise<RunDetails> {
    const dir = join(this.requireRunsDir(), run);
    const config = await readJsonObject(join(dir, 'config.json'));
    const checkpoints = (await listDir(join(dir, 'checkpoints')))
      .filter((entry) => entry.isDirectory && /^(0|[1-9][0-9]{0,14})$/.test(entry.name))
      .map((entry) => Number(entry.name))
      .sort((a, b) => a - b);
    const lastRow = await this.lastMetricsRow(join(dir, 'metrics.jsonl'));
    const configStatus = config?.['status'];
    const status =
      this.options.liveStatus?.(run) ??
      (RUN_STATUSES.includes(configStatus as RunStatus) ? (configStatus as RunStatus) : 'stopped');
    const details: RunDetails = {
      runId: run,
      envId: shortString(config?.['envId']) ?? shortString(config?.['env']) ?? rollouts[0]?.envId ?? 'unknown',
      status,
      checkpoints,
      config,
      hasMetrics: lastRow !== undefined,
      rolloutIds: rollouts.map((rollout) => rollout.rolloutId),
    };
    const algorithm = shortString(config?.['algorithm']);
    if (algorithm !== undefined) details.algorithm = algorithm;
    const startedAt = shortString(config?.['startedAt']);
    if (startedAt !== undefined) details.startedAt = startedAt;
    const step = isObject(lastRow) ? lastRow['step'] : undefined;
    if (typeof step === 'number' && Number.isSafeInteger(step) && step >= 0) details.totalSteps = step;
    return details;
  }

  /** The last parsable row of metrics.jsonl: null when the file exists without rows, undefined when absent. */
  private async lastMetricsRow(path: string): Promise<unknown> {
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, METRICS_TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const rows = parseJsonLines(buffer.toString('utf8'));
      return rows.length > 0 ? rows[rows.length - 1] : null;
    } finally {
      await handle.close();
    }
  }

  private async runRollouts(run: string): Promise<RolloutSummary[]> {
    const dir = join(this.requireRunsDir(), run, 'rollouts');
    const files = (await listDir(dir)).filter((entry) => entry.isFile && isRolloutFileName(entry.name)).map((entry) => entry.name);
    files.sort();
    const summaries: RolloutSummary[] = [];
    for (const fileName of files) {
      const summary = await this.rolloutSummary(run, join(dir, fileName), rolloutIdOf(run, fileName));
      if (summary !== undefined) summaries.push(summary);
    }
    return summaries;
  }

  /** Summarises a rollout file, cached until its size or modification time changes; undefined when unreadable. */
  private async rolloutSummary(run: string, path: string, rolloutId: string): Promise<RolloutSummary | undefined> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return undefined;
    }
    const cached = this.summaries.get(path);
    if (cached !== undefined && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.summary;
    let summary: RolloutSummary | undefined;
    if (info.size > this.options.maxRolloutFileBytes) {
      this.options.log?.(`skipping rollout ${rolloutId}: ${info.size} bytes exceeds maxRolloutFileBytes`);
    } else {
      const decoded = decodeRolloutFile(new Uint8Array(await readFile(path)), { allowIncomplete: true });
      if (!decoded.ok) {
        this.options.log?.(`skipping rollout ${rolloutId}: ${decoded.error.code}: ${decoded.error.message}`);
      } else {
        summary = summarize(decoded.value, run, rolloutId, new Date(info.mtimeMs).toISOString());
      }
    }
    this.summaries.set(path, { mtimeMs: info.mtimeMs, size: info.size, summary });
    return summary;
  }
}

function summarize(rollout: Rollout, run: string, rolloutId: string, modifiedAt: string): RolloutSummary {
  const { header, episodes } = rollout;
  const ended = episodes.filter((episode) => episode.end !== undefined);
  const summary: RolloutSummary = {
    rolloutId,
    envId: header.envId,
    runId: run,
    episodes: episodes.length,
    frames: episodes.reduce((sum, episode) => sum + episode.frames.length, 0),
    createdAt: header.createdAt ?? modifiedAt,
  };
  if (header.checkpointStep !== undefined) summary.checkpointStep = header.checkpointStep;
  if (header.seed !== undefined) summary.seed = header.seed;
  if (ended.length > 0) summary.meanReturn = ended.reduce((sum, episode) => sum + episode.end!.episodeReturn, 0) / ended.length;
  return summary;
}
