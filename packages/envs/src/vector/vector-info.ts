// Batches one sub-env's info into a vector info: Gymnasium's VectorEnv._add_info (gymnasium/vector/vector_env.py).
import type { Info } from '../core/env.js';
import type { VectorInfo } from './vector-env.js';

/**
 * Adds `info` of sub-env `index` to `vectorInfo` (modified in place and returned): each key gets an array with one
 * entry per sub-env and a `_key` mask marking `index`. The array kinds are documented on `VectorInfo`.
 */
export function addInfo(vectorInfo: VectorInfo, info: Info, index: number, numEnvs: number): VectorInfo {
  for (const key of Object.keys(info)) {
    const value = info[key];
    const existing = vectorInfo[key];
    let batched: VectorInfo[string];
    if (isPlainObject(value)) {
      if (existing !== undefined && !isPlainObject(existing)) {
        throw new Error(`addInfo: info key "${key}" is a dict in sub-env ${index} but was not a dict in an earlier sub-env`);
      }
      batched = addInfo((existing as VectorInfo | undefined) ?? {}, value, index, numEnvs);
    } else {
      if (existing !== undefined && isPlainObject(existing)) {
        throw new Error(`addInfo: info key "${key}" is not a dict in sub-env ${index} but was a dict in an earlier sub-env`);
      }
      batched = placeValue(existing as Float64Array | unknown[] | undefined, value, index, numEnvs);
    }
    const maskKey = `_${key}`;
    const mask = (vectorInfo[maskKey] as boolean[] | undefined) ?? new Array<boolean>(numEnvs).fill(false);
    mask[index] = true;
    vectorInfo[key] = batched;
    vectorInfo[maskKey] = mask;
  }
  return vectorInfo;
}

function placeValue(existing: Float64Array | unknown[] | undefined, value: unknown, index: number, numEnvs: number): Float64Array | unknown[] {
  let array = existing;
  if (array === undefined) {
    if (typeof value === 'number') array = new Float64Array(numEnvs);
    else if (typeof value === 'boolean') array = new Array<boolean>(numEnvs).fill(false);
    else array = new Array<unknown>(numEnvs).fill(null);
  } else if (array instanceof Float64Array && typeof value !== 'number') {
    array = Array.from(array);
  }
  array[index] = value;
  return array;
}

/** True for `{...}` objects (prototype Object or null), the only values batched recursively. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
