// The command dispatcher: train, eval, serve, sweep, worker; --help everywhere; usage errors exit 2 with a message naming the problem.
import { evalCommand, EVAL_HELP } from './eval-command.js';
import { plotCommand, PLOT_HELP } from './plot-command.js';
import { reportCommand, REPORT_HELP } from './report-command.js';
import { serveCommand, SERVE_HELP } from './serve-command.js';
import { sweepCommand, SWEEP_HELP } from './sweep-command.js';
import { trainCommand, TRAIN_HELP, type CommandIo } from './train-command.js';
import { workerCommand, WORKER_HELP } from './worker-command.js';
import { CommandError, USAGE_EXIT_CODE, UsageError } from './usage-error.js';

export const MAIN_HELP = `Usage: rapier-gym <command> [options]

Commands:
  train   train SAC on an env into a run folder        (rapier-gym train --env Pendulum-v1 --steps 20000)
  eval    evaluate a run's checkpoint                   (rapier-gym eval --run runs/<run> --json)
  serve   serve runs and the viewer over HTTP/WebSocket (rapier-gym serve --runs runs)
  sweep   run a sweep file's trials on local workers    (rapier-gym sweep tools/experiments/sweeps/smoke.yaml)
  plot    learning curves of a sweep or runs folder     (rapier-gym plot runs/sweeps/<name> --out curves.png)
  report  one offline HTML page for a sweep             (rapier-gym report runs/sweeps/<name>)
  worker  run trials a sweep enqueued on Redis          (rapier-gym worker --queue redis://host:6379)

Run "rapier-gym <command> --help" for a command's options.`;

const COMMANDS: Record<string, { run: (argv: string[], io: CommandIo) => Promise<number>; help: string }> = {
  train: { run: trainCommand, help: TRAIN_HELP },
  eval: { run: evalCommand, help: EVAL_HELP },
  serve: { run: serveCommand, help: SERVE_HELP },
  plot: { run: plotCommand, help: PLOT_HELP },
  report: { run: reportCommand, help: REPORT_HELP },
  sweep: { run: sweepCommand, help: SWEEP_HELP },
  worker: { run: workerCommand, help: WORKER_HELP },
};

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${MAIN_HELP}\n`);
    return command === undefined ? USAGE_EXIT_CODE : 0;
  }
  const entry = COMMANDS[command];
  try {
    if (!entry) throw new UsageError(`unknown command "${command}" (expected one of ${Object.keys(COMMANDS).join(', ')}; see rapier-gym --help)`);
    return await entry.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`rapier-gym: ${error.message}\n`);
      return USAGE_EXIT_CODE;
    }
    if (error instanceof CommandError) {
      io.stderr.write(`rapier-gym: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`rapier-gym: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
