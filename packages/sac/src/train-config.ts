// The training run's configuration: env, steps, evaluation, logging and checkpoint cadence, plus the SAC settings.
import { BACKEND_NAMES, type BackendName } from './backend.js';
import { SAC_CONFIG_SCHEMA, type SacConfig } from './config.js';
import { PRESET_NAMES, presetConfig } from './presets.js';

/** Everything `train` needs. `sac` holds overrides on top of `preset` until resolved, then the full SacConfig. */
export interface TrainConfig {
  env: string;
  envOptions: Record<string, unknown>;
  preset: string;
  totalSteps: number;
  seed: number;
  backend: BackendName | 'auto';
  logEvery: number;
  evalEvery: number;
  evalEpisodes: number;
  evalStochastic: boolean;
  evalSeed: number | null;
  checkpointEvery: number;
  mode: 'sync' | 'async';
  sac: Partial<SacConfig>;
}

/** A validated configuration: `sac` is complete and its seed equals the run's seed. */
export interface ResolvedTrainConfig extends TrainConfig {
  sac: SacConfig;
  evalSeed: number;
}

type Check = (value: unknown) => string | undefined;
interface TrainFieldSpec {
  doc: string;
  default: unknown;
  check: Check;
}

const integerAtLeast =
  (min: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min ? undefined : `an integer ≥ ${min}`;

/** Documentation, default and check of every trainer field (the SAC fields live in SAC_CONFIG_SCHEMA). */
export const TRAIN_CONFIG_SCHEMA: { readonly [K in keyof TrainConfig]: TrainFieldSpec } = {
  env: { doc: 'Registered env id, e.g. "Pendulum-v1" or "Hopper-v5".', default: '', check: (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'a non-empty env id') },
  envOptions: { doc: 'Options passed to make(env, options), under their Gymnasium names.', default: {}, check: (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : 'an object of env options') },
  preset: { doc: `SAC preset the "sac" overrides apply to: ${PRESET_NAMES.join(', ')}.`, default: 'cleanrl', check: (v) => (typeof v === 'string' && (PRESET_NAMES as readonly string[]).includes(v) ? undefined : `one of ${PRESET_NAMES.join(', ')}`) },
  totalSteps: { doc: 'Environment steps to train for.', default: 100_000, check: integerAtLeast(1) },
  seed: { doc: 'Seed of the run: env resets, exploration, replay sampling, and the learner (sac.seed is set to it).', default: 1, check: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2 ** 32 - 1 ? undefined : 'an integer in [0, 4294967295]') },
  backend: { doc: 'tfjs backend: "auto" (tensorflow, else wasm, else cpu) or one of them forced.', default: 'auto', check: (v) => (v === 'auto' || (BACKEND_NAMES as readonly unknown[]).includes(v) ? undefined : `"auto" or one of ${BACKEND_NAMES.join(', ')}`) },
  logEvery: { doc: 'Environment steps between metrics rows.', default: 1000, check: integerAtLeast(1) },
  evalEvery: { doc: 'Environment steps between evaluations (0 = only at the end).', default: 10_000, check: integerAtLeast(0) },
  evalEpisodes: { doc: 'Episodes per evaluation (0 = no evaluation).', default: 10, check: integerAtLeast(0) },
  evalStochastic: { doc: 'Also evaluate the stochastic policy (sampled actions) besides the deterministic mean action.', default: false, check: (v) => (typeof v === 'boolean' ? undefined : 'true or false') },
  evalSeed: { doc: 'Seed of the evaluation env (episode k resets with evalSeed + k); null = seed + 1000000.', default: null, check: (v) => (v === null || (typeof v === 'number' && Number.isSafeInteger(v)) ? undefined : 'null or a safe integer') },
  checkpointEvery: { doc: 'Environment steps between checkpoints (0 = only at the end and on abort).', default: 10_000, check: integerAtLeast(0) },
  mode: { doc: '"sync": act and learn in turn on one thread (bit-reproducible, exact resume); "async": an actor worker steps the env with the latest policy while the learner updates (uses two cores; not bit-reproducible; a resumed run starts a fresh episode).', default: 'sync', check: (v) => (v === 'sync' || v === 'async' ? undefined : '"sync" or "async"') },
  sac: { doc: 'SAC settings (see SAC_CONFIG_SCHEMA) overriding the preset.', default: {}, check: (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : 'an object of SAC settings') },
};

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

/**
 * Validates a configuration and completes it: unknown keys, wrong types and bad values throw an Error naming the
 * field, the expectation and the value; the SAC part is the preset with the overrides and the run's seed applied.
 */
export function resolveTrainConfig(input: Partial<TrainConfig> & { env: string }): ResolvedTrainConfig {
  for (const key of Object.keys(input)) {
    if (!(key in TRAIN_CONFIG_SCHEMA)) {
      throw new Error(`train config: unknown field "${key}" (expected one of ${Object.keys(TRAIN_CONFIG_SCHEMA).join(', ')}; SAC settings go under "sac")`);
    }
  }
  const defaults = Object.fromEntries(Object.entries(TRAIN_CONFIG_SCHEMA).map(([k, s]) => [k, structuredClone(s.default)]));
  const merged = { ...defaults, ...input } as TrainConfig;
  for (const [key, spec] of Object.entries(TRAIN_CONFIG_SCHEMA) as [keyof TrainConfig, TrainFieldSpec][]) {
    const problem = spec.check(merged[key]);
    if (problem) throw new Error(`train config: ${key} must be ${problem}, received ${describe(merged[key])}`);
  }
  const sac = presetConfig(merged.preset, { ...merged.sac, seed: merged.seed });
  return {
    ...merged,
    envOptions: { ...merged.envOptions },
    sac,
    evalSeed: merged.evalSeed ?? merged.seed + 1_000_000,
  };
}

/** Parses a `--set` value: JSON when it parses (numbers, booleans, null, arrays, objects), else the raw string. */
export function parseSettingValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Applies one `key=value` setting to a configuration in place: a trainer field (`totalSteps=5000`), a SAC field
 * (`batchSize=64` or `sac.batchSize=64`) or an env option (`envOptions.g=9.81`). Unknown keys throw an Error listing
 * where keys are looked up.
 */
export function applySetting(config: Partial<TrainConfig>, setting: string): void {
  const eq = setting.indexOf('=');
  if (eq <= 0) throw new Error(`--set: expected key=value, received "${setting}"`);
  const key = setting.slice(0, eq).trim();
  const value = parseSettingValue(setting.slice(eq + 1));
  if (key.startsWith('envOptions.')) {
    config.envOptions = { ...(config.envOptions ?? {}), [key.slice('envOptions.'.length)]: value };
    return;
  }
  const sacKey = key.startsWith('sac.') ? key.slice(4) : key;
  if (!key.startsWith('sac.') && key in TRAIN_CONFIG_SCHEMA && key !== 'sac') {
    (config as Record<string, unknown>)[key] = value;
    return;
  }
  if (sacKey in SAC_CONFIG_SCHEMA) {
    config.sac = { ...(config.sac ?? {}), [sacKey]: value } as Partial<SacConfig>;
    return;
  }
  throw new Error(
    `--set: unknown key "${key}" (expected a trainer field (${Object.keys(TRAIN_CONFIG_SCHEMA).filter((k) => k !== 'sac').join(', ')}), a SAC field (${Object.keys(SAC_CONFIG_SCHEMA).join(', ')}) or envOptions.<name>)`,
  );
}
