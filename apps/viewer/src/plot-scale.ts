// Axis arithmetic for the plots: "nice" tick steps (1, 2, 5 x 10^k, Heckbert, Graphics Gems I, 1990), linear maps.

export interface Ticks {
  /** Axis range rounded outwards to whole steps. */
  min: number;
  max: number;
  step: number;
  values: number[];
}

/** The nice number (1, 2, 5 or 10 times a power of ten) nearest to `value` (Heckbert's nicenum with rounding). */
export function niceStep(value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`niceStep: expected a finite number > 0, received ${value}`);
  const exponent = Math.floor(Math.log10(value));
  const power = 10 ** exponent;
  const fraction = value / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks covering [min, max] with about `target` intervals. An empty range (min == max) is widened by 1 around the
 * value (or by 10% of it), so a constant series still gets an axis.
 */
export function niceTicks(min: number, max: number, target = 5): Ticks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new Error(`niceTicks: expected finite bounds, received [${min}, ${max}]`);
  if (min > max) throw new Error(`niceTicks: expected min <= max, received [${min}, ${max}]`);
  if (!Number.isInteger(target) || target < 1) throw new Error(`niceTicks: expected a target count >= 1, received ${target}`);
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const step = niceStep((max - min) / target);
  const low = Math.floor(min / step + 1e-9) * step;
  const high = Math.ceil(max / step - 1e-9) * step;
  const values: number[] = [];
  const count = Math.round((high - low) / step);
  for (let i = 0; i <= count; i++) values.push(roundToStep(low + i * step, step));
  return { min: roundToStep(low, step), max: roundToStep(high, step), step, values };
}

/** Decimals needed to print multiples of `step` exactly (0 for steps >= 1). */
export function tickDecimals(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** Formats a tick value with the decimals its step needs; large or tiny magnitudes use exponent notation. */
export function formatTick(value: number, step: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || step < 1e-4) return value.toExponential(Math.min(6, Math.max(0, Math.round(Math.log10(magnitude / step)))));
  return value.toFixed(tickDecimals(step));
}

/** The linear map sending domain [d0, d1] onto range [r0, r1]; a zero-width domain maps to the range's middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const slope = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * slope;
}

/** Minimum and maximum of the finite values of several series; undefined when none is finite. */
export function extent(series: readonly ArrayLike<number>[]): [number, number] | undefined {
  let low = Infinity;
  let high = -Infinity;
  for (const values of series) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (!Number.isFinite(value)) continue;
      if (value < low) low = value;
      if (value > high) high = value;
    }
  }
  return low <= high ? [low, high] : undefined;
}

function roundToStep(value: number, step: number): number {
  const decimals = tickDecimals(step);
  return decimals > 0 ? Number(value.toFixed(Math.min(decimals + 2, 20))) : Math.round(value / step) * step;
}
