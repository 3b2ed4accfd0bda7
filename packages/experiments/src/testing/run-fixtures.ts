// Test fixtures: writes run folders (config.json + metrics.jsonl) and sweep folders (sweep.json + trials/) directly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureRun {
  env?: string;
  preset?: string;
  seed?: number;
  status?: 'running' | 'finished' | 'stopped' | 'failed';
  wallSeconds?: number;
  sac?: Record<string, unknown>;
  trial?: { sweep: string; id: string; overrides: Record<string, unknown>; seed: number };
  /** Rows: step plus any metrics columns (missing columns are written as null like the trainer does). */
  rows: ({ step: number } & Record<string, number | null>)[];
}

/** Writes `<dir>/config.json` and `<dir>/metrics.jsonl` the way rapier-gym train lays them out. */
export function writeFixtureRun(dir: string, run: FixtureRun): void {
  mkdirSync(dir, { recursive: true });
  const seed = run.seed ?? 1;
  const config = { env: run.env ?? 'Pendulum-v1', envOptions: {}, preset: run.preset ?? 'cleanrl', totalSteps: 1000, seed, backend: 'cpu', logEvery: 100, evalEvery: 100, evalEpisodes: 1, evalStochastic: false, evalSeed: seed + 1_000_000, checkpointEvery: 0, mode: 'sync', sac: { alpha: 0.2, ...(run.sac ?? {}) } };
  const record = {
    runId: dir.split('/').at(-1),
    envId: config.env,
    algorithm: 'sac',
    status: run.status ?? 'finished',
    startedAt: '2026-01-01T00:00:00.000Z',
    backend: 'cpu',
    config,
    ...(run.wallSeconds !== undefined ? { wallSeconds: run.wallSeconds } : {}),
    ...(run.trial ? { trial: run.trial } : {}),
  };
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(join(dir, 'metrics.jsonl'), run.rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
}

/** One sweep trial: swept values, seed and rows (undefined rows: listed in sweep.json but never started). */
export interface FixtureTrial {
  overrides: Record<string, unknown>;
  seed: number;
  rows?: FixtureRun['rows'];
  status?: FixtureRun['status'];
  wallSeconds?: number;
}

/** The id rapier-gym sweep gives a trial (`field=value__seed=N`, simplified: values as JSON or text). */
export function fixtureTrialId(overrides: Record<string, unknown>, seed: number): string {
  const parts = Object.entries(overrides).map(([field, value]) => `${field}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [...parts, `seed=${seed}`].join('__');
}

/** Writes `<dir>/sweep.json` and `<dir>/trials/<id>/` for every trial that has rows. Returns the trial ids. */
export function writeFixtureSweep(dir: string, name: string, base: Record<string, unknown>, trials: FixtureTrial[]): string[] {
  mkdirSync(dir, { recursive: true });
  const ids = trials.map((trial) => fixtureTrialId(trial.overrides, trial.seed));
  const fields = [...new Set(trials.flatMap((trial) => Object.keys(trial.overrides)))];
  const grid = Object.fromEntries(fields.map((field) => [field, [...new Set(trials.map((trial) => JSON.stringify(trial.overrides[field])))].map((text) => JSON.parse(text) as unknown)]));
  const manifest = { name, description: '', base, grid, list: [], seeds: [...new Set(trials.map((trial) => trial.seed))], trials: trials.map((trial, i) => ({ id: ids[i], group: ids[i]!.replace(/(__)?seed=\d+$/, '') || 'base', overrides: trial.overrides, seed: trial.seed })) };
  writeFileSync(join(dir, 'sweep.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  trials.forEach((trial, i) => {
    if (!trial.rows) return;
    const sac = Object.fromEntries(Object.entries(trial.overrides).filter(([field]) => field.startsWith('sac.')).map(([field, value]) => [field.slice(4), value]));
    writeFixtureRun(join(dir, 'trials', ids[i]!), {
      env: typeof base['env'] === 'string' ? base['env'] : 'Pendulum-v1',
      seed: trial.seed,
      sac,
      rows: trial.rows,
      trial: { sweep: name, id: ids[i]!, overrides: trial.overrides, seed: trial.seed },
      ...(trial.status ? { status: trial.status } : {}),
      ...(trial.wallSeconds !== undefined ? { wallSeconds: trial.wallSeconds } : {}),
    });
  });
  return ids;
}
