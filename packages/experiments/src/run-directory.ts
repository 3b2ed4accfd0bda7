// A run folder: config.json, metrics.jsonl + metrics.csv, checkpoints/<step>/ + checkpoints/latest, policy/, rollouts/.
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { METRICS_COLUMNS, metricsCsvLine, type MetricsRow, type ResolvedTrainConfig } from '@rapier-gym/sac';

/** What config.json holds: the resolved configuration plus run facts (the server reads envId, status, startedAt). */
export interface RunRecord {
  runId: string;
  envId: string;
  algorithm: string;
  status: 'running' | 'finished' | 'stopped' | 'failed';
  startedAt: string;
  backend?: string;
  config: ResolvedTrainConfig;
  /** Training wall-clock seconds summed over every session of the run (interrupted and resumed parts). */
  wallSeconds?: number;
  /** Set when the run is a trial of a sweep: which sweep, its trial id, the swept fields' values and the seed. */
  trial?: TrialRecord;
}

/** The sweep facts of a trial's run folder (config.json "trial"). */
export interface TrialRecord {
  sweep: string;
  id: string;
  overrides: Record<string, unknown>;
  seed: number;
}

export class RunDirectory {
  readonly dir: string;
  readonly runId: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
    this.runId = basename(this.dir);
  }

  get configPath(): string {
    return join(this.dir, 'config.json');
  }
  get checkpointsDir(): string {
    return join(this.dir, 'checkpoints');
  }
  get policyDir(): string {
    return join(this.dir, 'policy');
  }
  get rolloutsDir(): string {
    return join(this.dir, 'rollouts');
  }
  get runsDir(): string {
    return dirname(this.dir);
  }

  exists(): boolean {
    return existsSync(this.configPath);
  }

  readRecord(): RunRecord {
    if (!this.exists()) throw new Error(`run: ${this.configPath} does not exist (not a run folder)`);
    return JSON.parse(readFileSync(this.configPath, 'utf8')) as RunRecord;
  }

  writeRecord(record: RunRecord): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.configPath}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(tmp, this.configPath);
  }

  setStatus(status: RunRecord['status']): void {
    if (this.exists()) this.writeRecord({ ...this.readRecord(), status });
  }

  /** Starts fresh metrics files (header line in the CSV). */
  startMetrics(): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, 'metrics.jsonl'), '');
    writeFileSync(join(this.dir, 'metrics.csv'), `${METRICS_COLUMNS.join(',')}\n`);
  }

  /** On resume: keeps the rows up to the checkpoint's step (later rows will be produced again). */
  truncateMetrics(lastStep: number): void {
    const rows = this.readMetrics().filter((r) => r.step <= lastStep);
    this.startMetrics();
    for (const row of rows) this.appendMetrics(row);
  }

  /** The rows of metrics.jsonl (empty when the file does not exist yet). */
  readMetrics(): MetricsRow[] {
    const jsonl = join(this.dir, 'metrics.jsonl');
    if (!existsSync(jsonl)) return [];
    return readFileSync(jsonl, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as MetricsRow);
  }

  appendMetrics(row: MetricsRow): void {
    appendFileSync(join(this.dir, 'metrics.jsonl'), `${JSON.stringify(row)}\n`);
    appendFileSync(join(this.dir, 'metrics.csv'), `${metricsCsvLine(row)}\n`);
  }
}

/** A run folder name from the env id, seed and time, e.g. `Pendulum-v1-s1-20260101-120000` (safe for the server). */
export function defaultRunName(envId: string, seed: number, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${envId.replace(/[^A-Za-z0-9._-]/g, '_')}-s${seed}-${stamp}`;
}
