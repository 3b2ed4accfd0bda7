// Hand-written field readers for validating parsed JSON: each names the field path, what it expected and what it got.
import { DecodeFailure } from './result.js';
import { MAX_LIST_LENGTH, MAX_STRING_LENGTH, MAX_VECTOR_LENGTH } from './limits.js';

export type JsonObject = Record<string, unknown>;
/** Reads and validates one value found at `path`; throws DecodeFailure when it is not acceptable. */
export type Reader<T> = (value: unknown, path: string) => T;

/** A short human description of a received value, for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `a string of ${value.length} characters` : `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

export function invalid(path: string, expected: string, value: unknown): DecodeFailure {
  return new DecodeFailure('invalid_field', `${path}: expected ${expected}, received ${describeValue(value)}`);
}

export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, 'an object', value);
  return value as JsonObject;
}

/** Rejects keys outside `allowed` (keys whose value is undefined count as absent). */
export function rejectUnknownKeys(object: JsonObject, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (object[key] === undefined || allowed.includes(key)) continue;
    throw new DecodeFailure(
      'unknown_field',
      `${path}: unexpected field ${JSON.stringify(key.slice(0, 64))}; allowed fields are ${allowed.join(', ')}`,
    );
  }
}

function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The value of a required field, validated by `reader`. */
export function field<T>(object: JsonObject, key: string, path: string, reader: Reader<T>): T {
  const value = Object.hasOwn(object, key) ? object[key] : undefined;
  if (value === undefined) throw new DecodeFailure('missing_field', `${childPath(path, key)}: required field is missing`);
  return reader(value, childPath(path, key));
}

/** The value of an optional field, or undefined when absent. */
export function optionalField<T>(object: JsonObject, key: string, path: string, reader: Reader<T>): T | undefined {
  const value = Object.hasOwn(object, key) ? object[key] : undefined;
  return value === undefined ? undefined : reader(value, childPath(path, key));
}

export function stringReader(options: { nonEmpty?: boolean; maxLength?: number } = {}): Reader<string> {
  const maxLength = options.maxLength ?? MAX_STRING_LENGTH;
  return (value, path) => {
    if (typeof value !== 'string') throw invalid(path, 'a string', value);
    if (value.length > maxLength) {
      throw new DecodeFailure('oversized', `${path}: expected at most ${maxLength} characters, received ${value.length}`);
    }
    if (options.nonEmpty === true && value.length === 0) throw invalid(path, 'a non-empty string', value);
    return value;
  };
}

export const readString = stringReader();
export const readName = stringReader({ nonEmpty: true });

export const readBoolean: Reader<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw invalid(path, 'a boolean', value);
  return value;
};

export function numberReader(options: { integer?: boolean; min?: number; max?: number } = {}): Reader<number> {
  const { integer = false, min = -Number.MAX_VALUE, max = Number.MAX_VALUE } = options;
  const kind = integer ? 'an integer' : 'a finite number';
  const range =
    min > -Number.MAX_VALUE && max < Number.MAX_VALUE
      ? ` in [${min}, ${max}]`
      : min > -Number.MAX_VALUE
        ? ` >= ${min}`
        : max < Number.MAX_VALUE
          ? ` <= ${max}`
          : '';
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw invalid(path, kind + range, value);
    }
    if (value < min || value > max) throw invalid(path, kind + range, value);
    return value;
  };
}

export const readFiniteNumber = numberReader();
/** A non-negative safe integer: steps, counts, seeds. */
export const readCount = numberReader({ integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
export const readUint32 = numberReader({ integer: true, min: 0, max: 0xffffffff });

export function literalReader<T extends string>(allowed: readonly T[]): Reader<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw invalid(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
    }
    return value as T;
  };
}

export function arrayReader<T>(item: Reader<T>, maxLength: number = MAX_LIST_LENGTH): Reader<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw invalid(path, 'an array', value);
    if (value.length > maxLength) {
      throw new DecodeFailure('oversized', `${path}: expected at most ${maxLength} items, received ${value.length}`);
    }
    return value.map((entry, index) => item(entry, `${path}[${index}]`));
  };
}

/** An array of exactly `length` finite numbers, typed as a tuple by the caller. */
export function numberTupleReader<T extends number[]>(length: number, element: Reader<number> = readFiniteNumber): Reader<T> {
  return (value, path) => {
    if (!Array.isArray(value) || value.length !== length) throw invalid(path, `an array of ${length} numbers`, value);
    return value.map((entry, index) => element(entry, `${path}[${index}]`)) as T;
  };
}

/** Labels of a vector (observation, action, info terms): strings, at most MAX_VECTOR_LENGTH of them. */
export const readLabels: Reader<string[]> = arrayReader(readString, MAX_VECTOR_LENGTH);
/** A vector of finite numbers, at most MAX_VECTOR_LENGTH long. */
export const readVector: Reader<number[]> = arrayReader(readFiniteNumber, MAX_VECTOR_LENGTH);
