// Flags shared by `plot` and `report`: folders as positionals, --metric, --smooth, --band, --group-by, as typed options.
import { parseArgs } from 'node:util';
import { BAND_KINDS, parseSmoothing, resolveMetric, type BandKind, type CurveOptions } from '@rapier-gym/experiments';
import { METRICS_COLUMNS } from '@rapier-gym/sac';
import { choiceFlag, type FlagOptions } from './parse-flags.js';
import { UsageError } from './usage-error.js';

export const CURVE_FLAGS = {
  out: { type: 'string' },
  metric: { type: 'string' },
  smooth: { type: 'string' },
  band: { type: 'string' },
  'group-by': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies FlagOptions;

/** Parses `argv` strictly with positionals allowed; unknown flags and missing values are UsageErrors naming the flag. */
export function parseCurveArgs(command: string, argv: string[]): { values: ReturnType<typeof parseArgs<{ options: typeof CURVE_FLAGS; strict: true; allowPositionals: true }>>['values']; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: CURVE_FLAGS, strict: true, allowPositionals: true });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${command}: ${message} (see rapier-gym ${command} --help)`);
  }
}

/** The curve options from the flags; a bad value is a UsageError naming its flag, the expected values and the value. */
export function curveOptionsOf(values: ReturnType<typeof parseCurveArgs>['values']): CurveOptions {
  const options: CurveOptions = {};
  if (values.metric !== undefined) {
    try {
      resolveMetric(values.metric, METRICS_COLUMNS);
    } catch (error) {
      throw new UsageError(`--${(error as Error).message}`);
    }
    options.metric = values.metric;
  }
  if (values.smooth !== undefined) {
    try {
      options.smoothing = parseSmoothing(values.smooth);
    } catch (error) {
      throw new UsageError(`--${(error as Error).message}`);
    }
  }
  const band = choiceFlag<BandKind>('band', values.band, BAND_KINDS);
  if (band) options.band = band;
  if (values['group-by'] !== undefined) {
    for (const field of values['group-by']) {
      if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(field)) throw new UsageError(`--group-by must be a dotted config field such as sac.alpha, received "${field}"`);
    }
    options.groupBy = values['group-by'];
  }
  return options;
}

export const CURVE_OPTIONS_HELP = `  --metric <m>         eval (deterministic evaluation return, default), train (training episode return),
                       alpha, entropy, or any metrics.jsonl column (criticLoss, meanQ, ...)
  --smooth <k>         smooth each run before averaging: k = moving mean of the last k points, ema:<w> =
                       exponential moving average with weight w in [0, 1), none [none]
  --band <kind>        std (mean ± 1 sample std over seeds) or minmax [std]
  --group-by <field>   dotted config field to group runs by, repeatable (sac.alpha, env, preset) [a sweep: its
                       swept fields; a folder of runs: env and preset]`;
