// `rapier-gym sweep <file>`: validates a sweep file, runs its trials on local worker processes, prints the summary table.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import {
  checkSweepEnvs,
  defaultSweepStore,
  formatSummaryTable,
  groupLabel,
  parseRedisUrl,
  readSweepFile,
  RedisConnectionError,
  runSweep,
  runSweepOnQueue,
  SweepStore,
  type Sweep,
  type TrialEvent,
} from '@rapier-gym/experiments';
import { integerFlag } from './parse-flags.js';
import { queuedSweepReporter } from './queued-sweep-progress.js';
import type { CommandIo } from './train-command.js';
import { CommandError, UsageError } from './usage-error.js';

export const SWEEP_HELP = `Usage: rapier-gym sweep <file.yaml|file.json> [options]

Runs every trial of a sweep file (a base configuration, a grid and/or list of field values, seeds), each in its own
run folder, on local worker processes; prints a summary table (final and best deterministic eval return, mean ± std
over seeds, wall time per trial) and writes it to summary.json:
  <store>/sweep.json, <store>/trials/<trialId>/ (config.json, metrics.jsonl, metrics.csv, checkpoints/),
  <store>/summary.json

Options:
  --workers <N>   trials trained at once, each in a child process [number of cores: ${availableParallelism()}]
  --store <DIR>   the sweep's folder [runs/sweeps/<name>]
  --dry-run       validate the file and list the trials without training
  --queue <url>   enqueue the unfinished trials on the Redis queue at redis://host:port instead of training here, wait
                  for "rapier-gym worker --queue <url>" processes (any number, on any machines) to run them, then print
                  the same summary; --store must then be a folder every worker sees at the same path (a shared mount)
  -h, --help      this help

Re-running the same command resumes: finished trials are skipped, interrupted ones continue from their latest
checkpoint. Ctrl-C makes every running trial save a checkpoint and exit (code 130); a child process that dies is
retried once from its checkpoint. The file format is described in packages/experiments/README.md.`;

const FLAGS = {
  workers: { type: 'string' },
  store: { type: 'string' },
  'dry-run': { type: 'boolean' },
  queue: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseSweepArgs(argv: string[]): { values: { workers?: string; store?: string; 'dry-run'?: boolean; queue?: string; help?: boolean }; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`sweep: ${error instanceof Error ? error.message : String(error)} (see rapier-gym sweep --help)`);
  }
}

const seconds = (s: number): string => `${s.toFixed(1)} s`;

/** One stderr line per trial event worth seeing (evaluations, starts, ends, retries). */
function describeEvent(event: TrialEvent, sweep: Sweep): string | undefined {
  const id = event.trial.id;
  switch (event.type) {
    case 'skipped':
      return `skip     ${id} (finished earlier)`;
    case 'started':
      return `start    ${id}${event.resumedFromStep !== undefined ? ` (resumed at step ${event.resumedFromStep})` : ''}${event.attempt > 1 ? ` [attempt ${event.attempt}]` : ''}`;
    case 'metrics': {
      const total = sweep.trials.find((t) => t.id === id)?.config.totalSteps ?? 0;
      return event.row.evalReturnMean === null ? undefined : `eval     ${id} step ${event.row.step}/${total}: return ${event.row.evalReturnMean.toFixed(1)}`;
    }
    case 'finished':
      return `done     ${id}${event.outcome.lastEval ? `: eval return ${event.outcome.lastEval.returnMean.toFixed(1)}` : ''} (${seconds(event.outcome.sessionSeconds)})`;
    case 'stopped':
      return `stopped  ${id}${event.step !== undefined ? ` at step ${event.step}` : ''}`;
    case 'retry':
      return `retry    ${id} [attempt ${event.attempt}]: ${event.reason}`;
    case 'failed':
      return `FAILED   ${id}: ${event.error.split('\n')[0]}`;
    default:
      return undefined;
  }
}

/** Runs `sweep`; returns the process exit code. */
export async function sweepCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values: flags, positionals } = parseSweepArgs(argv);
  if (flags.help) {
    io.stdout.write(`${SWEEP_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`sweep: expected one sweep file (.yaml, .yml or .json), received ${positionals.length === 0 ? 'none' : positionals.map((p) => `"${p}"`).join(', ')} (see rapier-gym sweep --help)`);
  }
  const workers = integerFlag('workers', flags.workers, 1, 1024) ?? availableParallelism();
  if (flags.queue !== undefined) {
    if (flags.workers !== undefined) throw new UsageError('--workers runs trials here; with --queue, start "rapier-gym worker --queue <url> --concurrency N" processes instead');
    try {
      parseRedisUrl(flags.queue);
    } catch (error) {
      throw new UsageError(`--queue: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let sweep: Sweep;
  try {
    sweep = readSweepFile(positionals[0]!);
    await checkSweepEnvs(sweep);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const storeDir = flags.store ?? defaultSweepStore(sweep.name);
  const groups = new Set(sweep.trials.map((t) => t.group)).size;
  io.stderr.write(`sweep ${sweep.name}: ${sweep.trials.length} trials (${groups} groups × ${sweep.seeds.length} seeds), store ${storeDir}\n`);
  if (flags['dry-run']) {
    for (const trial of sweep.trials) io.stdout.write(`${trial.id}\t${groupLabel(trial.overrides)}\tseed ${trial.seed}\n`);
    return 0;
  }
  try {
    // validation only: the sweep writes its manifest when it starts (with --queue, once Redis answers)
    new SweepStore(storeDir).check(sweep);
  } catch (error) {
    throw new UsageError(`--store: ${error instanceof Error ? error.message : String(error)}`);
  }

  const controller = new AbortController();
  let interrupts = 0;
  const removeInterrupt = io.onInterrupt(() => {
    interrupts += 1;
    if (interrupts === 1) {
      io.stderr.write(flags.queue ? '\ninterrupt: stopped waiting; the trials stay queued for the workers\n' : '\ninterrupt: every running trial saves a checkpoint and stops (Ctrl-C again to quit without waiting)\n');
      controller.abort();
    } else process.exit(130);
  });
  try {
    if (!flags.queue) io.stderr.write(`workers: ${workers}\n`);
    const result = flags.queue
      ? await runSweepOnQueue(sweep, { redisUrl: flags.queue, store: storeDir, signal: controller.signal, onEvent: queuedSweepReporter(flags.queue, sweep.trials.length, (line) => io.stderr.write(`${line}\n`)) }).catch((error: unknown) => {
          throw error instanceof RedisConnectionError ? new CommandError(error.message) : error;
        })
      : await runSweep(sweep, {
          workers,
          store: storeDir,
          signal: controller.signal,
          onTrialEvent: (event) => {
            const line = describeEvent(event, sweep);
            if (line) io.stderr.write(`${line}\n`);
          },
        });
    io.stdout.write(`${formatSummaryTable(result.summary)}\n`);
    io.stderr.write(`summary: ${new SweepStore(storeDir).summaryPath}\n`);
    if (result.interrupted) {
      io.stderr.write(`interrupted; resume with: rapier-gym sweep ${positionals[0]} --store ${storeDir}${flags.queue ? ` --queue ${flags.queue}` : ''}\n`);
      return 130;
    }
    if (result.failed.length > 0) {
      io.stderr.write(`${result.failed.length} trial(s) failed: ${result.failed.join(', ')}\n`);
      return 1;
    }
    return 0;
  } finally {
    removeInterrupt();
  }
}
