// `rapier-gym worker --queue redis://host:port`: pulls sweep trials from the Redis queue and runs them; Ctrl-C checkpoints and hands them back.
import { parseRedisUrl, QUEUE_SETTINGS_DEFAULTS, redactRedisUrl, startTrialWorker, type QueueSettings, type TrialWorker } from '@rapier-gym/experiments';
import { hostname } from 'node:os';
import { integerFlag, parseFlags } from './parse-flags.js';
import type { CommandIo } from './train-command.js';
import { CommandError, UsageError } from './usage-error.js';

export const WORKER_HELP = `Usage: rapier-gym worker --queue redis://host:port [options]

Pulls trials that "rapier-gym sweep <file> --queue redis://host:port" enqueued and trains each one (in its own
child process) into the sweep's store, at the path the job carries: every worker must see the store at that same
path (a shared mount such as NFS across machines). Start one worker per machine, with up to one trial per core.

Options:
  --queue <url>             Redis URL of the queue, redis://host:port (required)
  --concurrency <N>         trials this worker runs at once [1]
  --name <name>             worker name stored on the jobs it takes [<hostname>-<pid>]
  --lock-duration <ms>      lock on a running trial, renewed every half of it [${QUEUE_SETTINGS_DEFAULTS.lockDurationMs}]
  --stalled-interval <ms>   how often to look for trials of dead workers [${QUEUE_SETTINGS_DEFAULTS.stalledIntervalMs}]
  --max-stalled <N>         dead-worker recoveries of one trial before it fails [${QUEUE_SETTINGS_DEFAULTS.maxStalledCount}]
  -h, --help                this help

A worker that dies mid-trial loses nothing: its lock expires and another worker resumes the trial from its last
checkpoint (after at most lock-duration + 2 × stalled-interval). Every worker of a queue should use the same
lock and stalled settings. Ctrl-C checkpoints the running trials, puts them back on the queue and exits (code 130);
Ctrl-C again exits at once (the trials are then recovered as from a dead worker).`;

const FLAGS = {
  queue: { type: 'string' },
  concurrency: { type: 'string' },
  name: { type: 'string' },
  'lock-duration': { type: 'string' },
  'stalled-interval': { type: 'string' },
  'max-stalled': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `worker` until Ctrl-C or a lost Redis; returns the process exit code. */
export async function workerCommand(argv: string[], io: CommandIo): Promise<number> {
  const flags = parseFlags('worker', argv, FLAGS);
  if (flags.help) {
    io.stdout.write(`${WORKER_HELP}\n`);
    return 0;
  }
  if (flags.queue === undefined) throw new UsageError('worker: --queue redis://host:port is required (the Redis queue that "sweep --queue" fills)');
  try {
    parseRedisUrl(flags.queue);
  } catch (error) {
    throw new UsageError(`--queue: ${error instanceof Error ? error.message : String(error)}`);
  }
  const concurrency = integerFlag('concurrency', flags.concurrency, 1, 256) ?? 1;
  const settings: Partial<QueueSettings> = {};
  const lockDurationMs = integerFlag('lock-duration', flags['lock-duration'], 100);
  const stalledIntervalMs = integerFlag('stalled-interval', flags['stalled-interval'], 100);
  const maxStalledCount = integerFlag('max-stalled', flags['max-stalled'], 1);
  if (lockDurationMs !== undefined) settings.lockDurationMs = lockDurationMs;
  if (stalledIntervalMs !== undefined) settings.stalledIntervalMs = stalledIntervalMs;
  if (maxStalledCount !== undefined) settings.maxStalledCount = maxStalledCount;
  const name = flags.name ?? `${hostname()}-${process.pid}`;

  let worker: TrialWorker;
  try {
    worker = await startTrialWorker({
      redisUrl: flags.queue,
      concurrency,
      settings,
      name,
      onEvent: (event) => {
        const id = `${event.trial.sweepName}/${event.trial.trialId}`;
        if (event.type === 'started') io.stderr.write(`started ${id} (attempt ${event.attempt})\n`);
        else if (event.type === 'finished') {
          const { outcome } = event;
          const resumed = outcome.resumedFromStep !== undefined ? `, resumed from step ${outcome.resumedFromStep}` : '';
          io.stderr.write(`${outcome.status} ${id} at step ${outcome.step}${resumed} in ${outcome.sessionSeconds.toFixed(1)} s\n`);
        } else if (event.type === 'released') io.stderr.write(`released ${id} at step ${event.step} (checkpointed; back on the queue)\n`);
        else io.stderr.write(`failed ${id}: ${event.error.message}\n`);
      },
      onError: (error) => io.stderr.write(`worker: ${error.message}\n`),
    });
  } catch (error) {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  }
  io.stderr.write(`worker ${name}: pulling trials from ${redactRedisUrl(flags.queue)} (concurrency ${concurrency}; Ctrl-C checkpoints and hands trials back)\n`);

  let interrupted = false;
  const removeInterrupt = io.onInterrupt(() => {
    if (!interrupted) {
      interrupted = true;
      io.stderr.write(`\ninterrupt: checkpointing ${worker.running} running trial(s) and handing them back to the queue (Ctrl-C again to exit at once)\n`);
      void worker.stop();
    } else process.exit(130);
  });
  try {
    await worker.closed;
  } catch (error) {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  } finally {
    removeInterrupt();
  }
  io.stderr.write('worker stopped\n');
  return 130;
}
