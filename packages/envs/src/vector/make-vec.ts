// makeVec: a SyncVectorEnv of registered envs (gymnasium/envs/registration.py make_vec, vectorization_mode="sync").
import type { EnvOptions } from '../registry/env-spec.js';
import { make, type MakeOptions } from '../registry/registry.js';
import { checkNumEnvs } from './vector-args.js';
import type { VectorEnvOptions } from './vector-env.js';
import { SyncVectorEnv, type SubEnv } from './sync-vector-env.js';

export interface MakeVecOptions extends VectorEnvOptions {
  /** Options for every sub-env's `make(id, envOptions)`, under their Gymnasium names. Default {} (the spec's defaults). */
  envOptions?: EnvOptions & MakeOptions;
}

/** `numEnvs` copies of `make(id, envOptions)` in a SyncVectorEnv. */
export function makeVec(id: string, numEnvs: number, options: MakeVecOptions = {}): SyncVectorEnv {
  checkNumEnvs(`makeVec(${id})`, numEnvs);
  const { envOptions = {}, ...vectorOptions } = options;
  const envFns = Array.from({ length: numEnvs }, () => (): SubEnv => make(id, envOptions));
  return new SyncVectorEnv(envFns, vectorOptions);
}
