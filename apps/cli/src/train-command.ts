// `rapier-gym train`: builds the configuration from flags, trains into a run folder, Ctrl-C checkpoints and exits.
import { existsSync, readFileSync } from 'node:fs';
import { init, make } from '@rapier-gym/envs';
import { join } from 'node:path';
import { defaultRunName, RunDirectory, trainIntoRunDirectory } from '@rapier-gym/experiments';
import {
  applySetting,
  BACKEND_NAMES,
  exportCheckpointPolicy,
  latestCheckpointStep,
  PRESET_NAMES,
  resolveTrainConfig,
  TrainingDivergedError,
  type TrainConfig,
} from '@rapier-gym/sac';
import { publishEpisode, writeRolloutFile } from './eval-episode-output.js';
import { integerFlag, choiceFlag, parseFlags } from './parse-flags.js';
import { ProgressBar } from './progress-bar.js';
import { startViewerServer, type ViewerServer } from './viewer-server.js';
import { UsageError } from './usage-error.js';

export const TRAIN_HELP = `Usage: rapier-gym train --env <id> [options]

Trains Soft Actor-Critic on an env and writes a run folder:
  config.json, metrics.jsonl + metrics.csv, checkpoints/<step>/ + checkpoints/latest,
  policy/ (tfjs LayersModel for the browser), rollouts/ (evaluation episodes as .rgr files).

Options:
  --env <id>               registered env id, e.g. Pendulum-v1, CartPole-v1, Hopper-v5 (required unless --resume)
  --preset <name>          SAC preset: ${PRESET_NAMES.join(', ')} [cleanrl]
  --steps <N>              environment steps to train for [100000]
  --seed <S>               seed of the run [1]
  --out <DIR>              run folder [runs/<env>-s<seed>-<time>]
  --learning-starts <N>    env steps before the first gradient step (also sets random exploration steps)
  --batch-size <N>         transitions per gradient step
  --backend <name>         tfjs backend: auto, ${BACKEND_NAMES.join(', ')} [auto]
  --config <file.json>     a JSON file of configuration fields (same keys as config.json's "config")
  --set <key=value>        any configuration field, repeatable: totalSteps=5000, batchSize=64,
                           sac.actorHiddenSizes=[64,64], envOptions.g=9.81
  --resume                 continue the run in --out from its latest checkpoint (exactly, in this synchronous mode)
  --view                   start the viewer server and stream metrics and evaluation episodes to it
  --port <P>               port of the viewer server (with --view) [0 = any free port]
  --async                  act on a worker thread while learning (uses two cores; not bit-reproducible)
  --no-rollouts            do not write evaluation episodes to rollouts/
  -h, --help               this help

Ctrl-C saves a checkpoint at the current step and exits (code 130); resume with --resume --out <DIR>.
Precedence: defaults < preset < --config file < flags < --set.`;

const FLAGS = {
  env: { type: 'string' },
  preset: { type: 'string' },
  steps: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  'learning-starts': { type: 'string' },
  'batch-size': { type: 'string' },
  backend: { type: 'string' },
  config: { type: 'string' },
  set: { type: 'string', multiple: true },
  resume: { type: 'boolean' },
  view: { type: 'boolean' },
  port: { type: 'string' },
  'no-rollouts': { type: 'boolean' },
  async: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readConfigFile(path: string): Partial<TrainConfig> {
  if (!existsSync(path)) throw new UsageError(`--config: file ${path} does not exist`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--config: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`--config: ${path} must hold a JSON object of configuration fields`);
  return parsed as Partial<TrainConfig>;
}

export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Installs the Ctrl-C handler; returns its removal. */
  onInterrupt(handler: () => void): () => void;
  /** The viewer's build folder (apps/viewer/dist), resolved by main. */
  viewerDir: string | undefined;
}

/** Runs `train`; returns the process exit code. */
export async function trainCommand(argv: string[], io: CommandIo): Promise<number> {
  const flags = parseFlags('train', argv, FLAGS);
  if (flags.help) {
    io.stdout.write(`${TRAIN_HELP}\n`);
    return 0;
  }
  const steps = integerFlag('steps', flags.steps, 1);
  const seed = integerFlag('seed', flags.seed, 0, 2 ** 32 - 1);
  const learningStarts = integerFlag('learning-starts', flags['learning-starts'], 0);
  const batchSize = integerFlag('batch-size', flags['batch-size'], 1);
  const port = integerFlag('port', flags.port, 0, 65535);
  const backend = choiceFlag('backend', flags.backend, ['auto', ...BACKEND_NAMES] as const);
  if (flags.preset !== undefined && !(PRESET_NAMES as readonly string[]).includes(flags.preset)) {
    throw new UsageError(`--preset must be one of ${PRESET_NAMES.join(', ')}, received "${flags.preset}"`);
  }
  if (port !== undefined && !flags.view) throw new UsageError('--port needs --view');

  let run: RunDirectory;
  let input: Partial<TrainConfig>;
  let resumeFrom: string | undefined;
  if (flags.resume) {
    if (!flags.out) throw new UsageError('--resume needs --out <DIR>, the run folder to continue');
    run = new RunDirectory(flags.out);
    if (!run.exists()) throw new UsageError(`--resume: ${run.configPath} does not exist (not a run folder)`);
    const step = latestCheckpointStep(run.checkpointsDir);
    if (step === undefined) throw new UsageError(`--resume: ${run.checkpointsDir} has no checkpoint to resume from`);
    resumeFrom = join(run.checkpointsDir, String(step));
    const saved = run.readRecord().config;
    const changing = ['env', 'preset', 'seed', 'learning-starts', 'batch-size', 'config', 'set', 'async'].filter((f) => (flags as Record<string, unknown>)[f] !== undefined);
    if (changing.length > 0) throw new UsageError(`--resume continues the saved configuration; only --steps and --backend may change, received --${changing.join(', --')}`);
    input = { ...saved, ...(steps !== undefined ? { totalSteps: steps } : {}), ...(backend !== undefined ? { backend } : {}) };
  } else {
    input = flags.config ? readConfigFile(flags.config) : {};
    if (flags.env !== undefined) input.env = flags.env;
    if (flags.preset !== undefined) input.preset = flags.preset;
    if (steps !== undefined) input.totalSteps = steps;
    if (seed !== undefined) input.seed = seed;
    if (backend !== undefined) input.backend = backend;
    if (learningStarts !== undefined) input.sac = { ...input.sac, learningStarts, randomSteps: learningStarts };
    if (batchSize !== undefined) input.sac = { ...input.sac, batchSize };
    if (flags.async) input.mode = 'async';
    for (const setting of flags.set ?? []) {
      try {
        applySetting(input, setting);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
    }
    if (!input.env) throw new UsageError('train: --env <id> is required (or env in --config, or --resume)');
    run = new RunDirectory(flags.out ?? join('runs', defaultRunName(input.env, input.seed ?? 1)));
    if (run.exists()) throw new UsageError(`--out: ${run.dir} already holds a run; use --resume to continue it or choose another folder`);
  }
  let config;
  try {
    config = resolveTrainConfig(input as Partial<TrainConfig> & { env: string });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }

  // Unknown env ids and env options are usage errors too: make the env once before anything is written.
  await init();
  try {
    make(config.env, config.envOptions as Record<string, never>).close();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }

  let viewer: ViewerServer | undefined;
  if (flags.view) {
    viewer = await startViewerServer({ runsDir: run.runsDir, viewerDir: io.viewerDir, ...(port !== undefined ? { port } : {}) });
    io.stderr.write(`viewer: ${viewer.server.url}\n`);
  }
  const controller = new AbortController();
  let interrupts = 0;
  const removeInterrupt = io.onInterrupt(() => {
    interrupts += 1;
    if (interrupts === 1) {
      io.stderr.write('\ninterrupt: saving a checkpoint at the current step (Ctrl-C again to quit without it)\n');
      controller.abort();
    } else process.exit(130);
  });
  const progress = new ProgressBar(io.stderr, config.totalSteps);
  const writeRollouts = !flags['no-rollouts'];
  let status: 'finished' | 'stopped' | 'failed' = 'failed';
  try {
    // The run folder's bookkeeping (config.json, metrics files, resume, status) lives in trainIntoRunDirectory.
    const result = await trainIntoRunDirectory(run, config, {
      skipFinished: false,
      signal: controller.signal,
      onStart: (start) => {
        io.stderr.write(`${start.backendLine}\nrun: ${run.dir}${resumeFrom ? ` (resumed at step ${start.resumedFromStep})` : ''}\n`);
      },
      onMetrics: (row) => {
        progress.update(row);
        viewer?.server.hub.publishMetrics(run.runId, { ...row });
      },
      ...(writeRollouts || viewer
        ? {
            onEvalEpisode: async (episode) => {
              if (writeRollouts) writeRolloutFile(run.rolloutsDir, episode, run.runId);
              if (viewer) await publishEpisode(viewer.server.hub, run.runId, episode);
            },
          }
        : {}),
      onCheckpoint: async (checkpoint) => {
        await exportCheckpointPolicy(checkpoint.dir, run.policyDir);
      },
    });
    progress.finish();
    status = result.status === 'stopped' ? 'stopped' : 'finished';
    const evalText = result.lastEval ? `; eval return ${result.lastEval.returnMean.toFixed(2)} ± ${result.lastEval.returnStd.toFixed(2)} over ${result.lastEval.episodes} episodes` : '';
    if (result.status === 'stopped') {
      io.stderr.write(`stopped at step ${result.step}; checkpoint ${result.lastCheckpoint?.dir ?? 'none'}\nresume with: rapier-gym train --resume --out ${run.dir}\n`);
      return 130;
    }
    io.stderr.write(`finished ${result.step} steps${evalText}\nrun: ${run.dir}\n`);
    return 0;
  } catch (error) {
    progress.finish();
    if (error instanceof TrainingDivergedError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    removeInterrupt();
    if (viewer) {
      viewer.server.hub.setRunStatus(run.runId, status);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await viewer.server.close();
    }
  }
}

