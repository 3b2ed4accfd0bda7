// `rapier-gym plot`: learning curves (mean and band over seeds per group) of a sweep, a runs folder or run folders.
import { join } from 'node:path';
import { loadRunFolders, plotFormatOf, resolveMetric, writeCurvePlot } from '@rapier-gym/experiments';
import { curveOptionsOf, CURVE_OPTIONS_HELP, parseCurveArgs } from './curve-flags.js';
import type { CommandIo } from './train-command.js';
import { CommandError, UsageError } from './usage-error.js';

export const PLOT_HELP = `Usage: rapier-gym plot <sweep dir | runs dir | run dir...> [options]

Plots learning curves: one line per group (the mean over its seeds, aligned on step) with a shaded band. A sweep
groups by its swept fields, a folder of runs by env and preset (or --group-by). Prints the written file's path.

Options:
  --out <file>         .svg, .png (2× the SVG size) or .html (self-contained; adds α and entropy panels when
                       logged) [<dir>/plots/<metric>.svg]
${CURVE_OPTIONS_HELP}
  -h, --help           this help`;

export async function plotCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCurveArgs('plot', argv);
  if (values.help) {
    io.stdout.write(`${PLOT_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('plot: expected a sweep folder, a runs folder or run folders (see rapier-gym plot --help)');
  const options = curveOptionsOf(values);
  if (values.out !== undefined) {
    try {
      plotFormatOf(values.out);
    } catch {
      throw new UsageError(`--out must end in .svg, .png or .html, received "${values.out}"`);
    }
  }
  let source;
  try {
    source = loadRunFolders(positionals);
  } catch (error) {
    throw new UsageError(`plot: ${(error as Error).message}`);
  }
  const metric = resolveMetric(options.metric ?? 'eval');
  const out = values.out ?? join(source.dir, 'plots', `${metric.name}.svg`);
  try {
    const written = await writeCurvePlot(source, out, options);
    io.stdout.write(`${written.path}\n`);
    io.stderr.write(`plot: ${written.groups} group(s), ${source.runs.length} run(s), panels ${written.panels.join(', ')}\n`);
    return 0;
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
}
