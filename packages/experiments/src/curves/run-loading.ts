// Reads run folders for curves: a sweep folder (sweep.json + trials/<id>/), a folder of runs, one run, or a list.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { RunRecord } from '../run-directory.js';
import type { SweepManifest } from '../sweep-spec.js';
import type { CurveRow } from './run-curve.js';

/** A run folder as curves need it. */
export interface CurveRun {
  /** The folder's name (a sweep trial's id). */
  id: string;
  dir: string;
  record: RunRecord;
  /** metrics.jsonl rows (none when the file is missing: a trial that has not logged yet). */
  rows: CurveRow[];
  /** Lines of metrics.jsonl that did not parse as a row with a numeric step (a line cut by a crash), left out. */
  skippedLines: number;
}

export type CurveSourceKind = 'sweep' | 'runs' | 'run';

/** Where the runs came from. */
export interface CurveSource {
  kind: CurveSourceKind;
  /** The folder given (for a list of runs: their common parent or the first one's). */
  dir: string;
  /** Sweep name, or the folder's name. */
  name: string;
  /** sweep.json, for a sweep. */
  manifest?: SweepManifest;
  runs: CurveRun[];
  /** Trials listed in sweep.json whose folder has no config.json yet (not started). */
  missingTrials: string[];
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${what}: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${what}: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Parses metrics.jsonl text: one JSON object with a finite numeric `step` per line; other lines are counted as skipped. */
export function parseMetricsLines(text: string): { rows: CurveRow[]; skippedLines: number } {
  const rows: CurveRow[] = [];
  let skippedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as CurveRow).step === 'number' && Number.isFinite((value as CurveRow).step)) {
        rows.push(value as CurveRow);
        continue;
      }
    } catch {
      // counted below
    }
    skippedLines += 1;
  }
  return { rows, skippedLines };
}

/** Reads one run folder (config.json required, metrics.jsonl optional); throws an Error naming the folder otherwise. */
export function loadCurveRun(dir: string): CurveRun {
  const full = resolve(dir);
  const configPath = join(full, 'config.json');
  if (!existsSync(configPath)) throw new Error(`run: ${configPath} does not exist (expected a run folder with config.json)`);
  const record = readJson(configPath, 'run') as RunRecord;
  if (typeof record !== 'object' || record === null || typeof record.config !== 'object' || record.config === null) {
    throw new Error(`run: ${configPath} has no "config" object (expected the record rapier-gym train writes)`);
  }
  const metricsPath = join(full, 'metrics.jsonl');
  const parsed = existsSync(metricsPath) ? parseMetricsLines(readFileSync(metricsPath, 'utf8')) : { rows: [], skippedLines: 0 };
  return { id: basename(full), dir: full, record, ...parsed };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readManifest(dir: string): SweepManifest {
  const path = join(dir, 'sweep.json');
  const manifest = readJson(path, 'sweep') as SweepManifest;
  if (typeof manifest !== 'object' || manifest === null || !Array.isArray(manifest.trials)) {
    throw new Error(`sweep: ${path} has no "trials" list (expected the sweep.json rapier-gym sweep writes)`);
  }
  for (const [index, trial] of manifest.trials.entries()) {
    if (typeof trial !== 'object' || trial === null || typeof trial.id !== 'string' || typeof trial.overrides !== 'object' || trial.overrides === null) {
      throw new Error(`sweep: ${path} trials[${index}] must be an object with a string "id" and an "overrides" object`);
    }
  }
  return manifest;
}

/**
 * Loads every run under `path`: a sweep folder (has sweep.json: its trials/<id>/ folders, in sweep.json's order), a
 * single run folder (has config.json) or a folder of run folders (its sub-folders that have config.json, by name).
 * Throws an Error when the path is none of these.
 */
export function loadCurveSource(path: string): CurveSource {
  const dir = resolve(path);
  if (!isDirectory(dir)) throw new Error(`curves: ${dir} is not a folder (expected a sweep folder, a runs folder or a run folder)`);
  if (existsSync(join(dir, 'sweep.json'))) {
    const manifest = readManifest(dir);
    const runs: CurveRun[] = [];
    const missingTrials: string[] = [];
    for (const trial of manifest.trials) {
      const trialDir = join(dir, 'trials', trial.id);
      if (existsSync(join(trialDir, 'config.json'))) runs.push(loadCurveRun(trialDir));
      else missingTrials.push(trial.id);
    }
    return { kind: 'sweep', dir, name: typeof manifest.name === 'string' ? manifest.name : basename(dir), manifest, runs, missingTrials };
  }
  if (existsSync(join(dir, 'config.json'))) return { kind: 'run', dir, name: basename(dir), runs: [loadCurveRun(dir)], missingTrials: [] };
  const names = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'config.json'))).sort();
  if (names.length === 0) throw new Error(`curves: ${dir} holds no runs (expected sweep.json, config.json, or sub-folders with config.json)`);
  return { kind: 'runs', dir, name: basename(dir), runs: names.map((name) => loadCurveRun(join(dir, name))), missingTrials: [] };
}

/** Loads a list of run folders as one source (grouped like a folder of runs). */
export function loadRunFolders(dirs: readonly string[]): CurveSource {
  if (dirs.length === 0) throw new Error('curves: expected at least one run folder, received none');
  if (dirs.length === 1) return loadCurveSource(dirs[0]!);
  const runs = dirs.map((dir) => loadCurveRun(dir));
  return { kind: 'runs', dir: resolve(dirs[0]!, '..'), name: basename(resolve(dirs[0]!, '..')), runs, missingTrials: [] };
}
