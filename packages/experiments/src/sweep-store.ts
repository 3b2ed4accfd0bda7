// A sweep's folder: sweep.json (the normalized sweep), trials/<trialId>/ (one run folder per trial), summary.json.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResolvedTrainConfig } from '@rapier-gym/sac';
import { RunDirectory, type TrialRecord } from './run-directory.js';
import type { ResolvedTrial, Sweep, SweepManifest } from './sweep-spec.js';

/** Fields a trial's saved configuration may differ in from the sweep's and still be resumed (as `train --resume` allows). */
export const RESUMABLE_CHANGES: readonly string[] = ['totalSteps', 'backend'];

/** `runs/sweeps/<name>`: where a sweep is stored unless told otherwise. */
export function defaultSweepStore(name: string): string {
  return join('runs', 'sweeps', name);
}

function writeJsonAtomically(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

/** The sweep.json contents of a sweep (its trials without their resolved configurations). */
export function sweepManifest(sweep: Sweep): SweepManifest {
  return {
    name: sweep.name,
    description: sweep.description,
    base: sweep.base,
    grid: sweep.grid,
    list: sweep.list,
    seeds: sweep.seeds,
    trials: sweep.trials.map(({ id, group, overrides, seed }) => ({ id, group, overrides, seed })),
  };
}

/** What config.json's `trial` says for a trial of this sweep. */
export function trialRecordOf(sweep: Pick<Sweep, 'name'>, trial: Pick<ResolvedTrial, 'id' | 'overrides' | 'seed'>): TrialRecord {
  return { sweep: sweep.name, id: trial.id, overrides: trial.overrides, seed: trial.seed };
}

/** The dotted fields where two resolved configurations differ (`sac.alpha`, `evalEvery`), ignoring `ignore`. */
export function configDifferences(a: ResolvedTrainConfig, b: ResolvedTrainConfig, ignore: readonly string[] = []): string[] {
  const differences: string[] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const left = (a as unknown as Record<string, unknown>)[key];
    const right = (b as unknown as Record<string, unknown>)[key];
    if (key === 'sac' || key === 'envOptions') {
      const l = (left ?? {}) as Record<string, unknown>;
      const r = (right ?? {}) as Record<string, unknown>;
      for (const inner of new Set([...Object.keys(l), ...Object.keys(r)])) {
        if (JSON.stringify(l[inner]) !== JSON.stringify(r[inner])) differences.push(`${key}.${inner}`);
      }
    } else if (JSON.stringify(left) !== JSON.stringify(right)) differences.push(key);
  }
  return differences;
}

export class SweepStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  get manifestPath(): string {
    return join(this.dir, 'sweep.json');
  }
  get summaryPath(): string {
    return join(this.dir, 'summary.json');
  }
  get trialsDir(): string {
    return join(this.dir, 'trials');
  }

  /** The run folder of a trial: `<store>/trials/<trialId>`. */
  trial(id: string): RunDirectory {
    return new RunDirectory(join(this.trialsDir, id));
  }

  hasManifest(): boolean {
    return existsSync(this.manifestPath);
  }

  readManifest(): SweepManifest {
    if (!this.hasManifest()) throw new Error(`sweep store: ${this.manifestPath} does not exist (not a sweep folder)`);
    return JSON.parse(readFileSync(this.manifestPath, 'utf8')) as SweepManifest;
  }

  writeManifest(manifest: SweepManifest): void {
    mkdirSync(this.trialsDir, { recursive: true });
    writeJsonAtomically(this.manifestPath, manifest);
  }

  writeSummary(summary: unknown): void {
    mkdirSync(this.dir, { recursive: true });
    writeJsonAtomically(this.summaryPath, summary);
  }

  /**
   * Checks, writing nothing, that the store holds no other sweep and that every trial folder already in it was trained
   * with the sweep's configuration (only totalSteps and backend may change, as for `train --resume`). A mismatch
   * throws naming the trial and the fields.
   */
  check(sweep: Sweep): void {
    if (this.hasManifest() && this.readManifest().name !== sweep.name) {
      throw new Error(`sweep store: ${this.dir} holds the sweep "${this.readManifest().name}", not "${sweep.name}" (expected a new or the same sweep's folder; choose another --store)`);
    }
    for (const trial of sweep.trials) {
      const run = this.trial(trial.id);
      if (!run.exists()) continue;
      const differences = configDifferences(run.readRecord().config, trial.config, RESUMABLE_CHANGES);
      if (differences.length > 0) {
        throw new Error(
          `sweep store: trial "${trial.id}" in ${run.dir} was trained with a different ${differences.join(', ')} than the sweep file gives (expected the same configuration to resume it; choose another --store or remove the trial folder)`,
        );
      }
    }
  }

  /** `check(sweep)`, then writes sweep.json; called once the sweep is about to run (after the queue is reached). */
  prepare(sweep: Sweep): void {
    this.check(sweep);
    this.writeManifest(sweepManifest(sweep));
  }
}
