// Benchmark: SAC on InvertedPendulum-v5 with SB3's SAC defaults — deterministic eval curve and the first step at the 1000 cap.
import { printTable, type Cell } from './table.js';
import { parseNumberFlags, runTraining, sb3SacConfig } from './sac-training-run.js';

const options = parseNumberFlags('sac-inverted-pendulum bench', process.argv.slice(2), {
  steps: 20_000,
  evalEvery: 2500,
  evalEpisodes: 10,
  seed: 1,
  hidden: 256,
  learningRate: 3e-4,
  learningStarts: 100,
});

/** SB3's SAC defaults (the zoo lists no MuJoCo InvertedPendulum entry, so SB3's defaults are its configuration). */
const sb3Defaults = sb3SacConfig(options);

const result = await runTraining(
  { env: 'InvertedPendulum-v5', preset: 'cleanrl', totalSteps: options.steps, seed: options.seed, evalEvery: options.evalEvery, evalEpisodes: options.evalEpisodes, checkpointEvery: 0, sac: sb3Defaults },
  (e) => console.log(`step ${e.step}: deterministic eval return ${e.returnMean.toFixed(1)} ± ${e.returnStd.toFixed(1)} (min ${e.returnMin.toFixed(0)})`),
);
console.log(result.backendLine);
printTable(
  `InvertedPendulum-v5, SB3 SAC defaults (lr ${options.learningRate}, learning starts ${options.learningStarts}), ${options.hidden}-${options.hidden}, seed ${options.seed}: deterministic evaluation (${options.evalEpisodes} episodes)`,
  ['step', 'return mean', 'return min', 'return max'],
  result.evals.map((e): Cell[] => [e.step, e.returnMean, e.returnMin, e.returnMax]),
);
const capped = result.evals.find((e) => e.returnMin >= 1000);
console.log(`\nfirst evaluation with every episode at the 1000 cap: ${capped ? `step ${capped.step}` : 'none'}; ${result.seconds.toFixed(0)} s, ${result.updateMs.toFixed(1)} ms/update`);
