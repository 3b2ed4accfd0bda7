// Smoothing of one run's curve before runs are averaged: a trailing moving window or an exponential moving average.

/**
 * - `none`: the values as logged.
 * - `window`: the mean of the last `size` values (fewer at the start of the run).
 * - `ema`: s₀ = x₀, sₜ = weight · sₜ₋₁ + (1 − weight) · xₜ, with weight in [0, 1).
 */
export type Smoothing = { kind: 'none' } | { kind: 'window'; size: number } | { kind: 'ema'; weight: number };

export const NO_SMOOTHING: Smoothing = { kind: 'none' };

/**
 * Parses the `--smooth` text: an integer k ≥ 1 is a moving window of k points (1 = none), `ema:<w>` an exponential
 * moving average with weight w in [0, 1), `none` nothing. Throws an Error naming the expected forms.
 */
export function parseSmoothing(text: string): Smoothing {
  const trimmed = text.trim();
  if (trimmed === 'none' || trimmed === '0' || trimmed === '1') return NO_SMOOTHING;
  if (/^\d+$/.test(trimmed)) {
    const size = Number(trimmed);
    if (Number.isSafeInteger(size) && size <= 10_000) return { kind: 'window', size };
  }
  const ema = /^ema:(.+)$/.exec(trimmed);
  if (ema) {
    const weight = Number(ema[1]);
    if (Number.isFinite(weight) && weight >= 0 && weight < 1 && ema[1]!.trim() !== '') return { kind: 'ema', weight };
  }
  throw new Error(`smooth: expected "none", a window of k points (an integer 1..10000) or "ema:<weight>" with weight in [0, 1), received "${text}"`);
}

/** A short description for titles and legends ("moving mean of 5 points", "EMA 0.6"), "" for none. */
export function describeSmoothing(smoothing: Smoothing): string {
  if (smoothing.kind === 'window') return `moving mean of ${smoothing.size} points`;
  if (smoothing.kind === 'ema') return `EMA weight ${smoothing.weight}`;
  return '';
}

/** Smooths a run's values in order (they are the run's finite values, missing ones already left out). */
export function smoothValues(values: readonly number[], smoothing: Smoothing): number[] {
  switch (smoothing.kind) {
    case 'none':
      return [...values];
    case 'window': {
      const out: number[] = [];
      let sum = 0;
      for (let i = 0; i < values.length; i += 1) {
        sum += values[i]!;
        if (i >= smoothing.size) sum -= values[i - smoothing.size]!;
        out.push(sum / Math.min(i + 1, smoothing.size));
      }
      return out;
    }
    case 'ema': {
      const out: number[] = [];
      let state = 0;
      values.forEach((value, i) => {
        state = i === 0 ? value : smoothing.weight * state + (1 - smoothing.weight) * value;
        out.push(state);
      });
      return out;
    }
  }
}
