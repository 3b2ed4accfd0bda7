// Test fixture: a sweep folder (sweep.json + trials/<id>/config.json + metrics.jsonl) as rapier-gym sweep lays it out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SweepTrialFixture {
  alpha: number | string;
  seed: number;
  /** evalReturnMean at steps 100, 200, ... (null: no evaluation in that row). */
  evals: (number | null)[];
}

/** Writes `<runsDir>/sweeps/<name>/` with one trial folder per entry, swept over sac.alpha. */
export function writeSweepDir(runsDir: string, name: string, trials: SweepTrialFixture[]): string {
  const dir = join(runsDir, 'sweeps', name);
  const entries = trials.map((trial) => ({ id: `sac.alpha=${trial.alpha}__seed=${trial.seed}`, overrides: { 'sac.alpha': trial.alpha }, seed: trial.seed }));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name, description: '', base: { env: 'Pendulum-v1' }, grid: { 'sac.alpha': [...new Set(trials.map((t) => t.alpha))] }, list: [], seeds: [...new Set(trials.map((t) => t.seed))], trials: entries }));
  trials.forEach((trial, i) => {
    const run = join(dir, 'trials', entries[i]!.id);
    mkdirSync(run, { recursive: true });
    const config = { env: 'Pendulum-v1', preset: 'cleanrl', seed: trial.seed, sac: { alpha: trial.alpha } };
    writeFileSync(join(run, 'config.json'), JSON.stringify({ runId: entries[i]!.id, envId: 'Pendulum-v1', algorithm: 'sac', status: 'finished', startedAt: '2026-01-01T00:00:00Z', config, trial: { sweep: name, ...entries[i] } }));
    const rows = trial.evals.map((value, k) => ({ step: (k + 1) * 100, evalReturnMean: value, alpha: typeof trial.alpha === 'number' ? trial.alpha : 0.3, entropy: -1 }));
    writeFileSync(join(run, 'metrics.jsonl'), rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
  });
  return dir;
}
