// Mean, sample standard deviation, min and max of the values the seeds of one group give at one step.

export interface SeedStatistics {
  /** How many values (runs) contributed. */
  n: number;
  mean: number;
  /** Sample standard deviation (Bessel's n − 1 divisor); 0 when n = 1. */
  std: number;
  min: number;
  max: number;
}

/** Statistics of a non-empty list of finite numbers; throws an Error for an empty list or a non-finite value. */
export function seedStatistics(values: readonly number[]): SeedStatistics {
  if (values.length === 0) throw new Error('seedStatistics: expected at least one value, received none');
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new Error(`seedStatistics: expected finite numbers, received ${value}`);
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const n = values.length;
  const mean = sum / n;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { n, mean, std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, min, max };
}
