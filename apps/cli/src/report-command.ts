// `rapier-gym report`: one self-contained HTML page for a sweep (plots, summary table, every trial's config).
import { loadCurveSource, writeSweepReport } from '@rapier-gym/experiments';
import { curveOptionsOf, CURVE_OPTIONS_HELP, parseCurveArgs } from './curve-flags.js';
import type { CommandIo } from './train-command.js';
import { UsageError } from './usage-error.js';

export const REPORT_HELP = `Usage: rapier-gym report <sweep dir> [options]

Writes one HTML page that opens offline (no script, no external file): the sweep's base configuration, learning
curves (evaluation and training return, α and entropy when logged; inline SVG), the summary table (per group: final
and best evaluation return, mean ± std over seeds, wall time, trials done; from summary.json when present, else
computed from metrics) and each trial's configuration. Prints the page's path.

Options:
  --out <file.html>    the page [<sweep dir>/report.html]
${CURVE_OPTIONS_HELP}
  -h, --help           this help`;

export async function reportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCurveArgs('report', argv);
  if (values.help) {
    io.stdout.write(`${REPORT_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`report: expected one sweep folder, received ${positionals.length} (see rapier-gym report --help)`);
  const options = curveOptionsOf(values);
  if (values.out !== undefined && !/\.html?$/i.test(values.out)) throw new UsageError(`--out must end in .html, received "${values.out}"`);
  let source;
  try {
    source = loadCurveSource(positionals[0]!);
  } catch (error) {
    throw new UsageError(`report: ${(error as Error).message}`);
  }
  if (source.kind !== 'sweep') throw new UsageError(`report: ${source.dir} is not a sweep folder (expected sweep.json; for plain runs use rapier-gym plot --out file.html)`);
  const path = await writeSweepReport(source, values.out, options);
  io.stdout.write(`${path}\n`);
  return 0;
}
