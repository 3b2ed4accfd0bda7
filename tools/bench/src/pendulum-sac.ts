// Benchmark: SAC on Pendulum-v1 with the SB3 zoo hyperparameters, N seeds run one after another; median final deterministic eval return.
import { median, printTable, type Cell } from './table.js';
import { parseNumberFlags, runTraining, sb3SacConfig } from './sac-training-run.js';

const options = parseNumberFlags('pendulum-sac bench', process.argv.slice(2), { seeds: 5, steps: 10_000, hidden: 256, evalEpisodes: 10, firstSeed: 1 });

/** rl-baselines3-zoo hyperparams/sac.yml, Pendulum-v1: learning_rate 1e-3 on top of SB3's SAC defaults (256-256 there; `--hidden` shrinks both networks). */
const sb3ZooPendulum = sb3SacConfig({ learningRate: 1e-3, learningStarts: 100, hidden: options.hidden });

const rows: Cell[][] = [];
const finals: number[] = [];
let backendLine = '';
for (let k = 0; k < options.seeds; k++) {
  const seed = options.firstSeed + k;
  const result = await runTraining({ env: 'Pendulum-v1', preset: 'cleanrl', totalSteps: options.steps, seed, evalEvery: 0, evalEpisodes: options.evalEpisodes, checkpointEvery: 0, sac: sb3ZooPendulum });
  backendLine = result.backendLine;
  const final = result.evals.at(-1)!;
  finals.push(final.returnMean);
  rows.push([String(seed), final.returnMean, final.returnStd, result.updateMs, result.seconds]);
  console.log(`seed ${seed}: final deterministic eval return ${final.returnMean.toFixed(1)} ± ${final.returnStd.toFixed(1)} (${result.seconds.toFixed(0)} s, ${result.updateMs.toFixed(1)} ms/update)`);
}
console.log(backendLine);
printTable(
  `Pendulum-v1, SB3 zoo hyperparameters, ${options.hidden}-${options.hidden} networks, ${options.steps} steps, deterministic eval over ${options.evalEpisodes} episodes`,
  ['seed', 'return mean', 'return std', 'ms/update', 'seconds'],
  rows,
);
console.log(`\nmedian final return over ${options.seeds} seeds: ${median(finals).toFixed(1)} (goal ≥ −200; SB3 zoo −157 ± 89 after 20,000 steps)`);
