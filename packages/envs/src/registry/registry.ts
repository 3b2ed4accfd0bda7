// The env registry: register(spec) and make(id, options), with versioned ids (gymnasium/envs/registration.py).
import type { Env } from '../core/env.js';
import { describeValue } from '../core/format.js';
import { TimeLimit } from '../wrappers/time-limit.js';
import { parseEnvId, type EnvOptions, type EnvSpec } from './env-spec.js';

const registry = new Map<string, EnvSpec>();

/** Options `make` itself understands, besides the env's own. */
export interface MakeOptions {
  /** Overrides the spec's episode limit; 0 or null removes the TimeLimit wrapper. */
  max_episode_steps?: number | null;
}

/** Adds an env to the registry. Registering an id twice throws unless `{ override: true }`. */
export function register<O extends EnvOptions>(spec: EnvSpec<O>, { override = false } = {}): void {
  parseEnvId(spec.id);
  if (typeof spec.entryPoint !== 'function') {
    throw new Error(`register(${spec.id}): entryPoint must be a function (options) => Env, got ${describeValue(spec.entryPoint)}`);
  }
  if (spec.maxEpisodeSteps !== undefined && (!Number.isInteger(spec.maxEpisodeSteps) || spec.maxEpisodeSteps <= 0)) {
    throw new Error(`register(${spec.id}): maxEpisodeSteps must be a positive integer, got ${describeValue(spec.maxEpisodeSteps)}`);
  }
  if ('max_episode_steps' in spec.defaultOptions) {
    throw new Error(`register(${spec.id}): "max_episode_steps" is reserved for make(); use spec.maxEpisodeSteps`);
  }
  if (registry.has(spec.id) && !override) {
    throw new Error(`register: ${spec.id} is already registered (pass { override: true } to replace it)`);
  }
  registry.set(spec.id, spec as unknown as EnvSpec);
}

/** Removes an id from the registry (mostly for tests of user-registered envs). */
export function unregister(id: string): boolean {
  return registry.delete(id);
}

/** All registered ids, sorted. */
export function registeredIds(): string[] {
  return [...registry.keys()].sort();
}

/** The spec registered under `id`; throws the same helpful error as `make` when it is unknown. */
export function spec(id: string): EnvSpec {
  const found = registry.get(id);
  if (found) return found;
  const parsed = parseEnvId(id);
  const sameName = registeredIds().filter((other) => {
    const p = parseEnvId(other);
    return p.name === parsed.name && p.namespace === parsed.namespace;
  });
  if (sameName.length > 0) {
    throw new Error(`Unknown env id ${JSON.stringify(id)}: ${parsed.name} is registered as ${sameName.join(', ')}`);
  }
  throw new Error(`Unknown env id ${JSON.stringify(id)}. Registered ids: ${registeredIds().join(', ') || '(none)'}`);
}

/**
 * Builds a registered env: resolves options against the spec's documented defaults (unknown keys and values of the
 * wrong type throw an error listing the valid options), builds the env and wraps it in TimeLimit when the spec (or
 * `max_episode_steps`) sets an episode limit. The returned env's `spec` records the resolved options.
 */
export function make<Obs = Float32Array, Act = Float32Array | number>(
  id: string,
  options: EnvOptions & MakeOptions = {},
): Env<Obs, Act> {
  const base = spec(id);
  const { max_episode_steps, ...envOptions } = options;
  const resolved = resolveOptions(base, envOptions);
  const maxSteps = max_episode_steps === undefined ? base.maxEpisodeSteps : max_episode_steps || undefined;
  if (maxSteps !== undefined && (!Number.isInteger(maxSteps) || maxSteps <= 0)) {
    throw new Error(`make(${id}): max_episode_steps must be a positive integer or null, got ${describeValue(max_episode_steps)}`);
  }
  let env: Env<Obs, Act> = base.entryPoint(resolved) as Env<Obs, Act>;
  if (maxSteps !== undefined) env = new TimeLimit(env, maxSteps);
  const made: EnvSpec = { ...base, kwargs: resolved };
  if (maxSteps !== undefined) made.maxEpisodeSteps = maxSteps;
  else delete made.maxEpisodeSteps;
  env.spec = made;
  return env;
}

function resolveOptions(base: EnvSpec, given: EnvOptions): EnvOptions {
  const defaults = base.defaultOptions;
  const valid = Object.keys(defaults);
  const resolved: EnvOptions = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    if (!(key in defaults)) {
      throw new Error(
        `make(${base.id}): unknown option ${JSON.stringify(key)}. Valid options: ${[...valid, 'max_episode_steps'].join(', ')}`,
      );
    }
    if (value === undefined) continue;
    const expected = kindOf(defaults[key]);
    const got = kindOf(value);
    if (expected !== 'null' && expected !== got && !(expected === 'number' && got === 'number')) {
      throw new Error(`make(${base.id}): option ${key} must be a ${expected} (default ${describeValue(defaults[key])}), got ${describeValue(value)}`);
    }
    if (got === 'number' && Number.isNaN(value)) {
      throw new Error(`make(${base.id}): option ${key} must not be NaN`);
    }
    resolved[key] = value;
  }
  return resolved;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return 'array';
  return typeof value;
}
