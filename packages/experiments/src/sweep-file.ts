// Reads a sweep file (JSON or YAML) and validates it completely: every trial's configuration resolves before anything runs.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { applySetting, resolveTrainConfig, type ResolvedTrainConfig, type TrainConfig } from '@rapier-gym/sac';
import { parseDocument } from 'yaml';
import { expandTrials } from './sweep-expansion.js';
import type { ResolvedTrial, Sweep, SweepSpec, SweepTrial, SweepValue } from './sweep-spec.js';

/** The keys a sweep file may have at its top level. */
export const SWEEP_KEYS: readonly (keyof SweepSpec)[] = ['name', 'description', 'base', 'grid', 'list', 'seeds'];
const SEED_MAX = 2 ** 32 - 1;
/** Most seeds a count may ask for. */
export const MAX_SEED_COUNT = 1000;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Parses a sweep file's text: `.json` as JSON, `.yaml`/`.yml` as YAML; syntax errors name the file and the line. */
export function parseSweepText(text: string, source: string): unknown {
  const extension = extname(source).toLowerCase();
  if (extension === '.json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`sweep ${source}: not valid JSON (${messageOf(error)})`);
    }
  }
  if (extension === '.yaml' || extension === '.yml') {
    const document = parseDocument(text);
    const problem = document.errors[0];
    if (problem) throw new Error(`sweep ${source}: not valid YAML (${problem.message.split('\n')[0]})`);
    return document.toJS() as unknown;
  }
  throw new Error(`sweep ${source}: expected a .json, .yaml or .yml file, received a "${extension || 'no'}" extension`);
}

/** Reads and validates a sweep file. */
export function readSweepFile(path: string): Sweep {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`sweep ${path}: cannot read the file (${messageOf(error)})`);
  }
  return validateSweep(parseSweepText(text, path), path);
}

/**
 * Sets one dotted field (`sac.alpha`, `totalSteps`, `envOptions.g`) on a configuration with the trainer's own
 * `applySetting`; an unknown field throws naming the places fields are looked up.
 */
export function setSweepField(config: Partial<TrainConfig>, field: string, value: SweepValue): void {
  if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(field)) {
    throw new Error(`unknown field "${field}" (expected a dotted field name such as sac.alpha, totalSteps or envOptions.g)`);
  }
  if (field === 'seed' || field === 'sac.seed') {
    throw new Error(`"${field}" cannot be swept here (expected the seeds in the top-level "seeds" key)`);
  }
  try {
    applySetting(config, `${field}=${JSON.stringify(value)}`);
  } catch (error) {
    throw new Error(messageOf(error).replace(/^--set: unknown key/, 'unknown field'));
  }
}

/** Base + overrides + seed, resolved (throws resolveTrainConfig's message). */
export function trialConfig(base: Partial<TrainConfig> & { env: string }, overrides: Record<string, SweepValue>, seed: number): ResolvedTrainConfig {
  const config = structuredClone(base) as Partial<TrainConfig> & { env: string };
  for (const [field, value] of Object.entries(overrides)) setSweepField(config, field, value);
  config.seed = seed;
  return resolveTrainConfig(config);
}

/** Validates parsed sweep data; every problem is an Error naming the source, the path, the expectation and the value. */
export function validateSweep(data: unknown, source = '<inline>'): Sweep {
  const fail = (path: string, problem: string): never => {
    throw new Error(`sweep ${source}: ${path}${problem.startsWith(':') ? '' : ' '}${problem}`);
  };
  if (!isObject(data)) fail('the file', `must hold an object with ${SWEEP_KEYS.join(', ')}, received ${describe(data)}`);
  const spec = data as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (!(SWEEP_KEYS as readonly string[]).includes(key)) fail(`"${key}"`, `is not a sweep key (expected one of ${SWEEP_KEYS.join(', ')}; configuration fields go under "base")`);
  }

  const name = spec.name;
  if (typeof name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(name) || name === '.' || name === '..') {
    fail('name', `must be a non-empty string of letters, digits, ".", "_" or "-" (it names the store folder), received ${describe(name)}`);
  }
  const description = spec.description ?? '';
  if (typeof description !== 'string') fail('description', `must be a string, received ${describe(description)}`);

  if (!isObject(spec.base)) fail('base', `must be an object of training configuration fields (env, preset, totalSteps, sac, ...), received ${describe(spec.base)}`);
  const base = structuredClone(spec.base) as Partial<TrainConfig>;
  if (typeof base.env !== 'string' || base.env.length === 0) fail('base.env', `must be a registered env id such as "Pendulum-v1", received ${describe(base.env)}`);
  if (base.seed !== undefined) fail('base.seed', `must not be set (expected the seeds in the top-level "seeds" key), received ${describe(base.seed)}`);
  if (isObject(base.sac) && base.sac.seed !== undefined) fail('base.sac.seed', `must not be set (expected the seeds in the top-level "seeds" key), received ${describe(base.sac.seed)}`);
  const baseConfig = base as Partial<TrainConfig> & { env: string };
  try {
    resolveTrainConfig({ ...baseConfig, seed: 1 });
  } catch (error) {
    fail('base', `: ${messageOf(error)}`);
  }

  /** Applies `entries` onto the base and resolves, reporting a failure at `path`. */
  const check = (path: string, entries: Record<string, SweepValue>): void => {
    try {
      trialConfig(baseConfig, entries, 1);
    } catch (error) {
      fail(path, `: ${messageOf(error)}`);
    }
  };

  const grid: Record<string, SweepValue[]> = {};
  if (spec.grid !== undefined) {
    if (!isObject(spec.grid) || Object.keys(spec.grid).length === 0) fail('grid', `must be a non-empty object of field → list of values, received ${describe(spec.grid)}`);
    for (const [field, values] of Object.entries(spec.grid as Record<string, unknown>)) {
      const path = `grid["${field}"]`;
      if (!Array.isArray(values) || values.length === 0) fail(path, `must be a non-empty array of values, received ${describe(values)}`);
      (values as unknown[]).forEach((value, index) => check(`${path}[${index}]`, { [field]: value }));
      const distinct = new Set((values as unknown[]).map((v) => JSON.stringify(v)));
      if (distinct.size !== (values as unknown[]).length) fail(path, `must not repeat a value, received ${describe(values)}`);
      grid[field] = structuredClone(values as unknown[]);
    }
  }

  const list: Record<string, SweepValue>[] = [];
  if (spec.list !== undefined) {
    if (!Array.isArray(spec.list) || spec.list.length === 0) fail('list', `must be a non-empty array of objects of field → value, received ${describe(spec.list)}`);
    (spec.list as unknown[]).forEach((entry, index) => {
      const path = `list[${index}]`;
      if (!isObject(entry) || Object.keys(entry).length === 0) fail(path, `must be a non-empty object of field → value, received ${describe(entry)}`);
      for (const [field, value] of Object.entries(entry as Record<string, unknown>)) check(`${path}["${field}"]`, { [field]: value });
      check(path, entry as Record<string, SweepValue>);
      list.push(structuredClone(entry as Record<string, SweepValue>));
    });
  }

  let seeds: number[];
  const rawSeeds = spec.seeds;
  if (typeof rawSeeds === 'number') {
    if (!Number.isInteger(rawSeeds) || rawSeeds < 1 || rawSeeds > MAX_SEED_COUNT) fail('seeds', `must be a count in [1, ${MAX_SEED_COUNT}] (meaning seeds 1..N) or an array of seeds, received ${describe(rawSeeds)}`);
    seeds = Array.from({ length: rawSeeds }, (_, i) => i + 1);
  } else if (Array.isArray(rawSeeds) && rawSeeds.length > 0) {
    rawSeeds.forEach((seed, index) => {
      if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > SEED_MAX) fail(`seeds[${index}]`, `must be an integer in [0, ${SEED_MAX}], received ${describe(seed)}`);
    });
    if (new Set(rawSeeds).size !== rawSeeds.length) fail('seeds', `must be distinct, received ${describe(rawSeeds)}`);
    seeds = [...(rawSeeds as number[])];
  } else {
    fail('seeds', `must be a count N (seeds 1..N) or a non-empty array of integer seeds, received ${describe(rawSeeds)}`);
  }

  let expanded: SweepTrial[];
  try {
    expanded = expandTrials(grid, list, seeds!);
  } catch (error) {
    return fail('trials', `: ${messageOf(error).replace(/^sweep: /, '')}`);
  }
  // Each value passed alone; a combination of them can still be invalid (logStdMin ≥ logStdMax): name the trial.
  const trials: ResolvedTrial[] = expanded.map((trial) => {
    try {
      return { ...trial, config: trialConfig(baseConfig, trial.overrides, trial.seed) };
    } catch (error) {
      return fail(`trial "${trial.id}"`, `: ${messageOf(error)}`);
    }
  });
  return { name: name as string, description: description as string, source, base: baseConfig, grid, list, seeds: seeds!, trials };
}
