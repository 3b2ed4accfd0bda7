// EnvSpec: what the registry knows about an env id (gymnasium/envs/registration.py EnvSpec).
import type { Env } from '../core/env.js';

/** Constructor options of an env: Gymnasium's keyword arguments, under their Gymnasium names. */
export type EnvOptions = Record<string, unknown>;

export interface EnvSpec<O extends EnvOptions = EnvOptions> {
  /** `[namespace/]Name-vN`, e.g. `Pendulum-v1`. */
  id: string;
  /** Builds the env from fully resolved options (defaults merged with the caller's). */
  entryPoint: (options: O) => Env<any, any>;
  /** Every accepted option with its default; `make` rejects any other key and any value of another type. */
  defaultOptions: O;
  /** One line per option saying what it does, for `--help` and docs. */
  optionDocs?: Partial<Record<keyof O & string, string>>;
  /** Episode limit enforced by the TimeLimit wrapper that `make` adds; undefined for none. */
  maxEpisodeSteps?: number;
  /** Return at which the task counts as solved, as in Gymnasium. */
  rewardThreshold?: number;
  nondeterministic?: boolean;
  /** Resolved options the env was built with (set by `make`). */
  kwargs?: O;
  description?: string;
}

/** Parsed parts of an env id. */
export interface ParsedEnvId {
  namespace: string | undefined;
  name: string;
  version: number | undefined;
}

const ID_PATTERN = /^(?:([\w:.-]+)\/)?([\w:.-]+?)(?:-v(\d+))?$/;

/** Splits `ns/Name-vN` into its parts; throws on malformed ids. */
export function parseEnvId(id: string): ParsedEnvId {
  const m = typeof id === 'string' ? ID_PATTERN.exec(id) : null;
  if (!m) {
    throw new Error(`Malformed env id ${JSON.stringify(id)}: expected "[namespace/]Name-vN", e.g. "Pendulum-v1"`);
  }
  return { namespace: m[1], name: m[2]!, version: m[3] === undefined ? undefined : Number(m[3]) };
}
