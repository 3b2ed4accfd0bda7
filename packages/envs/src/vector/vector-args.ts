// Checks a vector env's arguments (options, seeds, reset masks, action batches) with errors that name the vector env.
import type { AutoresetMode } from '../core/env.js';
import { describeValue } from '../core/format.js';
import { Box } from '../spaces/box.js';
import type { Discrete } from '../spaces/discrete.js';
import type { VectorActions, VectorEnvOptions } from './vector-env.js';

export const AUTORESET_MODES: readonly AutoresetMode[] = ['next-step', 'same-step', 'disabled'];

/** Default of `VectorEnvOptions.sceneSpacing`, in metres. */
export const DEFAULT_SCENE_SPACING = 2;

export interface ResolvedVectorEnvOptions {
  autoresetMode: AutoresetMode;
  sceneSpacing: number;
}

/** Applies the documented defaults and rejects unknown modes and non-finite spacings. */
export function resolveVectorEnvOptions(label: string, options: VectorEnvOptions): ResolvedVectorEnvOptions {
  const autoresetMode = options.autoresetMode ?? 'next-step';
  if (!AUTORESET_MODES.includes(autoresetMode)) {
    throw new Error(`${label}: autoresetMode must be one of ${AUTORESET_MODES.map((m) => `'${m}'`).join(', ')}, got ${describeValue(autoresetMode)}`);
  }
  const sceneSpacing = options.sceneSpacing ?? DEFAULT_SCENE_SPACING;
  if (typeof sceneSpacing !== 'number' || !Number.isFinite(sceneSpacing)) {
    throw new Error(`${label}: sceneSpacing must be a finite number of metres, got ${describeValue(sceneSpacing)}`);
  }
  return { autoresetMode, sceneSpacing };
}

/** Checks a sub-env count. */
export function checkNumEnvs(label: string, numEnvs: unknown): number {
  if (typeof numEnvs !== 'number' || !Number.isInteger(numEnvs) || numEnvs <= 0) {
    throw new Error(`${label}: numEnvs must be a positive integer, got ${describeValue(numEnvs)}`);
  }
  return numEnvs;
}

/** Per-sub-env seeds from `reset({ seed })`: n → n + i (Gymnasium's rule), an array as given, nothing → undefined. */
export function resolveSeeds(label: string, seed: unknown, numEnvs: number): (number | undefined)[] {
  if (seed === undefined || seed === null) return new Array<undefined>(numEnvs).fill(undefined);
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(seed + numEnvs - 1)) {
      throw new Error(`${label}: reset seed must be a safe integer, got ${describeValue(seed)}`);
    }
    return Array.from({ length: numEnvs }, (_, i) => seed + i);
  }
  if (!Array.isArray(seed)) {
    throw new Error(`${label}: reset seed must be an integer or an array of ${numEnvs} integers, got ${describeValue(seed)}`);
  }
  if (seed.length !== numEnvs) {
    throw new Error(`${label}: reset seed array must have one entry per sub-env (${numEnvs}), got length ${seed.length}: ${describeValue(seed)}`);
  }
  return seed.map((s: unknown, i) => {
    if (s === undefined || s === null) return undefined;
    if (typeof s !== 'number' || !Number.isSafeInteger(s)) {
      throw new Error(`${label}: reset seed[${i}] must be a safe integer, null or undefined, got ${describeValue(s)}`);
    }
    return s;
  });
}

/**
 * Splits `reset_mask` out of the reset options (the caller's object is not modified). The mask is booleans or 0/1
 * numbers, one per sub-env, with at least one set (gymnasium/vector/sync_vector_env.py reset).
 */
export function splitResetMask(
  label: string,
  options: Record<string, unknown> | undefined,
  numEnvs: number,
): { mask: boolean[] | undefined; options: Record<string, unknown> | undefined } {
  if (options === undefined || options === null) return { mask: undefined, options: undefined };
  if (typeof options !== 'object') {
    throw new Error(`${label}: reset options must be an object, got ${describeValue(options)}`);
  }
  if (!('reset_mask' in options)) return { mask: undefined, options };
  const { reset_mask: raw, ...rest } = options;
  const isList = Array.isArray(raw) || raw instanceof Uint8Array;
  const list = raw as ArrayLike<unknown>;
  if (!isList || list.length !== numEnvs) {
    throw new Error(
      `${label}: options.reset_mask must be an array or Uint8Array of ${numEnvs} booleans (one per sub-env), got ${describeValue(raw)}`,
    );
  }
  const mask: boolean[] = [];
  for (let i = 0; i < numEnvs; i++) {
    const v = list[i];
    if (v === true || v === 1) mask.push(true);
    else if (v === false || v === 0) mask.push(false);
    else throw new Error(`${label}: options.reset_mask[${i}] must be a boolean (or 0/1), got ${describeValue(v)}`);
  }
  if (!mask.includes(true)) {
    throw new Error(`${label}: options.reset_mask must mark at least one sub-env, got ${describeValue(raw)}`);
  }
  return { mask, options: rest };
}

/** Checks the type and length of an action batch against the single action space. */
export function checkActions(label: string, actions: unknown, space: Box | Discrete, numEnvs: number): asserts actions is VectorActions {
  if (space instanceof Box) {
    const expected = numEnvs * space.size;
    if (!(actions instanceof Float32Array) || actions.length !== expected) {
      throw new Error(
        `${label}: actions must be a Float32Array of length ${expected} (numEnvs ${numEnvs} × action size ${space.size}, row-major; ` +
          `single action space ${String(space)}), got ${describeValue(actions)}`,
      );
    }
    return;
  }
  if (!(actions instanceof Int32Array) || actions.length !== numEnvs) {
    throw new Error(
      `${label}: actions must be an Int32Array of length ${numEnvs} (one action per sub-env; single action space ${String(space)}), got ${describeValue(actions)}`,
    );
  }
}
