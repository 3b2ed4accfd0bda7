// Sweep files: YAML and JSON parse into validated sweeps; every mistake names the file, the path, the expectation and the value.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSweepEnvs } from './sweep-envs.js';
import { parseSweepText, readSweepFile, validateSweep } from './sweep-file.js';

const root = mkdtempSync(join(tmpdir(), 'sweep-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = { env: 'Pendulum-v1', totalSteps: 300, sac: { actorHiddenSizes: [16, 16] } };
const valid = (extra: Record<string, unknown> = {}) => ({ name: 's', base, seeds: 2, ...extra });

describe('reading sweep files', () => {
  it('a YAML file gives the normalized sweep and every trial resolved (base + swept field + seed)', () => {
    const path = join(root, 'alpha.yaml');
    writeFileSync(path, ['# comment', 'name: alpha', 'base:', '  env: Pendulum-v1', '  totalSteps: 300', '  sac: { actorHiddenSizes: [16, 16], batchSize: 32 }', 'grid:', '  sac.alpha: [0.2, auto]', 'seeds: [4, 5]', ''].join('\n'));
    const sweep = readSweepFile(path);
    expect(sweep).toMatchObject({ name: 'alpha', description: '', grid: { 'sac.alpha': [0.2, 'auto'] }, list: [], seeds: [4, 5] });
    expect(sweep.trials.map((t) => t.id)).toEqual(['sac.alpha=0.2__seed=4', 'sac.alpha=0.2__seed=5', 'sac.alpha=auto__seed=4', 'sac.alpha=auto__seed=5']);
    const trial = sweep.trials[1]!;
    expect(trial.config).toMatchObject({ env: 'Pendulum-v1', totalSteps: 300, seed: 5, sac: { alpha: 0.2, seed: 5, batchSize: 32, actorHiddenSizes: [16, 16] } });
    expect(sweep.trials[2]!.config.sac.alpha).toBe('auto');
  });

  it('a JSON file reads the same way; seeds as a count N mean 1..N', () => {
    const path = join(root, 'q.json');
    writeFileSync(path, JSON.stringify({ name: 'q', base, list: [{ 'sac.numCritics': 1 }, { 'sac.numCritics': 3, envOptions: { g: 9 } }], seeds: 3 }));
    const sweep = readSweepFile(path);
    expect(sweep.seeds).toEqual([1, 2, 3]);
    expect(sweep.trials).toHaveLength(6);
    expect(sweep.trials[5]!.config).toMatchObject({ seed: 3, envOptions: { g: 9 }, sac: { numCritics: 3 } });
  });
});

describe('bad sweep files', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown top-level key', valid({ grids: {} }), /^sweep f\.yaml: "grids" is not a sweep key \(expected one of name, description, base, grid, list, seeds/],
    ['a field that does not exist', valid({ grid: { 'sac.alhpa': [1] } }), /^sweep f\.yaml: grid\["sac\.alhpa"\]\[0\]: unknown field "sac\.alhpa" \(expected a trainer field/],
    ['a value the config rejects', valid({ grid: { 'sac.alpha': [0.1, 0.2, -1] } }), /^sweep f\.yaml: grid\["sac\.alpha"\]\[2\]: sac config: alpha must be "auto" or a finite number ≥ 0, received -1$/],
    ['a value of the wrong type', valid({ grid: { totalSteps: ['1000'] } }), /grid\["totalSteps"\]\[0\]: train config: totalSteps must be an integer ≥ 1, received "1000"/],
    ['an empty grid field', valid({ grid: { 'sac.alpha': [] } }), /grid\["sac\.alpha"\] must be a non-empty array of values, received \[\]/],
    ['an empty grid', valid({ grid: {} }), /grid must be a non-empty object of field → list of values, received \{\}/],
    ['a repeated grid value', valid({ grid: { 'sac.numCritics': [2, 2] } }), /grid\["sac\.numCritics"\] must not repeat a value, received \[2,2\]/],
    ['a bad list value', valid({ list: [{ 'sac.numCritics': 2 }, { 'sac.numCritics': 11 }] }), /list\[1\]\["sac\.numCritics"\]: sac config: numCritics must be an integer in \[1, 10\], received 11/],
    ['a list entry that is not an object', valid({ list: [3] }), /list\[0\] must be a non-empty object of field → value, received 3/],
    ['seeds of the wrong type', valid({ seeds: 'three' }), /seeds must be a count N \(seeds 1\.\.N\) or a non-empty array of integer seeds, received "three"/],
    ['a bad seed in the list', valid({ seeds: [1, 2.5] }), /seeds\[1\] must be an integer in \[0, 4294967295\], received 2\.5/],
    ['repeated seeds', valid({ seeds: [1, 1] }), /seeds must be distinct, received \[1,1\]/],
    ['a seed in the base', valid({ base: { ...base, seed: 3 } }), /base\.seed must not be set \(expected the seeds in the top-level "seeds" key\), received 3/],
    ['sweeping the seed', valid({ grid: { seed: [1, 2] } }), /grid\["seed"\]\[0\]: "seed" cannot be swept here/],
    ['a bad base field', valid({ base: { ...base, sac: { tau: 2 } } }), /^sweep f\.yaml: base: sac config: tau must be a finite number in \(0, 1\], received 2$/],
    ['no env', valid({ base: { totalSteps: 5 } }), /base\.env must be a registered env id such as "Pendulum-v1", received nothing/],
    ['a name that cannot be a folder', valid({ name: 'a/b' }), /name must be a non-empty string of letters, digits, .* received "a\/b"/],
    ['values valid alone but not together', valid({ grid: { 'sac.logStdMin': [-5, 1] }, list: [{ 'sac.logStdMax': 0.5 }] }), /trial "sac\.logStdMin=1__sac\.logStdMax=0\.5__seed=1": sac config: logStdMin must be < logStdMax/],
  ];
  it.each(cases)('%s', (_, data, message) => {
    expect(() => validateSweep(data, 'f.yaml')).toThrow(message);
  });

  it('the data must be an object', () => {
    expect(() => validateSweep([1, 2], 'f.yaml')).toThrow(/^sweep f\.yaml: the file must hold an object with name, description, base, grid, list, seeds, received \[1,2\]/);
  });

  it('bad YAML and bad JSON name the file and where', () => {
    expect(() => parseSweepText('name: a\nseeds: [1, 2\nbase: {}\n', 'x.yaml')).toThrow(/^sweep x\.yaml: not valid YAML \(.* at line 3, column 1:\)$/);
    expect(() => parseSweepText('name: a\nname: b\n', 'x.yml')).toThrow(/^sweep x\.yml: not valid YAML \(Map keys must be unique at line 2/);
    expect(() => parseSweepText('{ "name": ', 'x.json')).toThrow(/^sweep x\.json: not valid JSON/);
    expect(() => parseSweepText('name: a', 'x.toml')).toThrow(/expected a \.json, \.yaml or \.yml file, received a "\.toml" extension/);
    expect(() => readSweepFile(join(root, 'missing.yaml'))).toThrow(/missing\.yaml: cannot read the file/);
  });
});

describe('the shipped sweep files (tools/experiments/sweeps)', () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'tools', 'experiments', 'sweeps');
  // The seed write-up's three studies, on both tasks, with 3 seeds each; the smoke sweep is 2 α values × 2 seeds.
  const expected: Record<string, { field: string; values: unknown[]; seeds: number }> = {
    'alpha-pendulum.yaml': { field: 'sac.alpha', values: [0.05, 0.1, 0.2, 0.35, 0.5, 1, 'auto'], seeds: 3 },
    'num-q-pendulum.yaml': { field: 'sac.numCritics', values: [1, 2, 3, 5, 8, 10], seeds: 3 },
    'actor-delay-pendulum.yaml': { field: 'sac.actorUpdateInterval', values: [1, 2, 3, 5, 8], seeds: 3 },
    'alpha-inverted-pendulum.yaml': { field: 'sac.alpha', values: [0.05, 0.1, 0.2, 0.35, 0.5, 1, 'auto'], seeds: 3 },
    'num-q-inverted-pendulum.yaml': { field: 'sac.numCritics', values: [1, 2, 3, 5, 8, 10], seeds: 3 },
    'actor-delay-inverted-pendulum.yaml': { field: 'sac.actorUpdateInterval', values: [1, 2, 3, 5, 8], seeds: 3 },
    'smoke.yaml': { field: 'sac.alpha', values: [0.2, 'auto'], seeds: 2 },
  };

  it('are exactly the expected files', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s validates, sweeps its field over the study values, and its env exists', async (file, { field, values, seeds }) => {
    const sweep = readSweepFile(join(dir, file));
    expect(sweep.name).toBe(file.replace(/\.yaml$/, ''));
    expect(sweep.grid).toEqual({ [field]: values });
    expect(sweep.trials).toHaveLength(values.length * seeds);
    expect(readFileSync(join(dir, file), 'utf8')).toMatch(/^# /);
    if (file !== 'smoke.yaml') {
      expect(sweep.trials[0]!.config).toMatchObject({ totalSteps: 10_000, evalEvery: 1000, evalEpisodes: 5, checkpointEvery: 2000, sac: { actorHiddenSizes: [64, 64], criticHiddenSizes: [64, 64] } });
    }
    await checkSweepEnvs(sweep);
  });
});
