// Reset-option parsing shared by the classic-control envs (gymnasium/envs/classic_control/utils.py).
import { describeValue } from '../core/format.js';

/**
 * Throws when `options` holds a key the env does not read. Gymnasium silently ignores such keys; here a misspelt
 * bound (or Pendulum's `low`, which it never reads) is an error that lists the valid keys.
 */
export function rejectUnknownResetOptions(options: Record<string, unknown>, valid: readonly string[], env: string): void {
  for (const key of Object.keys(options)) {
    if (!valid.includes(key)) {
      throw new Error(`${env}: unknown reset option ${JSON.stringify(key)}. Valid reset options: ${valid.join(', ')}`);
    }
  }
}

/** `options[key]` as a finite number, or `fallback` when absent (utils.verify_number_and_cast). */
export function readResetNumber(options: Record<string, unknown>, key: string, fallback: number, env: string): number {
  if (!(key in options) || options[key] === undefined) return fallback;
  const value = options[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${env}: reset option ${key} must be a finite number, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * The `low`/`high` reset bounds with their defaults (utils.maybe_parse_reset_bounds): every state variable is then
 * drawn uniformly from [low, high). Throws when low > high, as Gymnasium does.
 */
export function parseResetBounds(
  options: Record<string, unknown>,
  defaultLow: number,
  defaultHigh: number,
  env: string,
): { low: number; high: number } {
  rejectUnknownResetOptions(options, ['low', 'high'], env);
  const low = readResetNumber(options, 'low', defaultLow, env);
  const high = readResetNumber(options, 'high', defaultHigh, env);
  if (low > high) {
    throw new Error(`${env}: reset option low (${low}) must be <= high (${high})`);
  }
  return { low, high };
}
