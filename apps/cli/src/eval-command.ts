// `rapier-gym eval`: evaluates a run's checkpoint for N episodes, prints a summary (or one JSON object), can record rollouts.
import { init, make, type Env } from '@rapier-gym/envs';
import { RunDirectory } from '@rapier-gym/experiments';
import { createActionAdapter, evaluatePolicy, loadPolicy, SnapshotActor } from '@rapier-gym/sac';
import { writeRolloutFile } from './eval-episode-output.js';
import { integerFlag, parseFlags } from './parse-flags.js';
import type { CommandIo } from './train-command.js';
import { UsageError } from './usage-error.js';

export const EVAL_HELP = `Usage: rapier-gym eval --run <DIR> [options]

Evaluates the policy of a run's checkpoint on a fresh env (episode k resets with seed + k).

Options:
  --run <DIR>          the run folder (holds config.json and checkpoints/) (required)
  --checkpoint <STEP>  the checkpoint to evaluate [latest]
  --episodes <N>       episodes [10]
  --stochastic         sample actions from the policy instead of the mean action
  --seed <S>           seed of the first episode [the run's evalSeed]
  --json               print one JSON object: return_mean, return_std, return_min, return_max, length_mean,
                       episodes, returns, env, checkpoint_step, deterministic, seed
  --record             also write each episode as an .rgr file into the run's rollouts/
  -h, --help           this help`;

const FLAGS = {
  run: { type: 'string' },
  checkpoint: { type: 'string' },
  episodes: { type: 'string' },
  stochastic: { type: 'boolean' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  record: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function evalCommand(argv: string[], io: CommandIo): Promise<number> {
  const flags = parseFlags('eval', argv, FLAGS);
  if (flags.help) {
    io.stdout.write(`${EVAL_HELP}\n`);
    return 0;
  }
  if (!flags.run) throw new UsageError('eval: --run <DIR> is required');
  const episodes = integerFlag('episodes', flags.episodes, 1, 100_000) ?? 10;
  const checkpoint = integerFlag('checkpoint', flags.checkpoint, 0);
  const seedFlag = integerFlag('seed', flags.seed, -Number.MAX_SAFE_INTEGER);
  const run = new RunDirectory(flags.run);
  if (!run.exists()) throw new UsageError(`--run: ${run.configPath} does not exist (not a run folder)`);
  const { config } = run.readRecord();
  const seed = seedFlag ?? config.evalSeed;
  const deterministic = !flags.stochastic;
  const policy = await loadPolicy(run.dir, { ...(checkpoint !== undefined ? { step: checkpoint } : {}), seed });
  await init();
  const env = make(config.env, config.envOptions as Record<string, never>) as Env<unknown, unknown>;
  try {
    const summary = await evaluatePolicy(env, new SnapshotActor(policy.snapshot), createActionAdapter(env, 'eval'), {
      envId: config.env,
      step: policy.step,
      episodes,
      seed,
      deterministic,
      recordFrames: Boolean(flags.record),
      ...(flags.record ? { onEpisode: (episode) => void writeRolloutFile(run.rolloutsDir, episode, run.runId) } : {}),
    });
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({
          env: config.env,
          run: run.dir,
          checkpoint_step: policy.step,
          deterministic,
          seed,
          episodes: summary.episodes,
          return_mean: summary.returnMean,
          return_std: summary.returnStd,
          return_min: summary.returnMin,
          return_max: summary.returnMax,
          length_mean: summary.lengthMean,
          returns: summary.returns,
        })}\n`,
      );
    } else {
      io.stdout.write(
        `${config.env} checkpoint ${policy.step} (${deterministic ? 'deterministic' : 'stochastic'}, seed ${seed}): return ${summary.returnMean.toFixed(2)} ± ${summary.returnStd.toFixed(2)} over ${summary.episodes} episodes (min ${summary.returnMin.toFixed(2)}, max ${summary.returnMax.toFixed(2)}, mean length ${summary.lengthMean.toFixed(1)})\n`,
      );
    }
    return 0;
  } finally {
    env.close();
  }
}
