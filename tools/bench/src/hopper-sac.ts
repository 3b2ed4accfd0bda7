// Benchmark: SAC (cleanrl preset) on Hopper-v5 — deterministic eval return curve and training SPS (CleanRL quotes ~95 SPS on a GPU box).
import { printTable, type Cell } from './table.js';
import { parseNumberFlags, runTraining } from './sac-training-run.js';

const options = parseNumberFlags('hopper-sac bench', process.argv.slice(2), { steps: 30_000, evalEvery: 5000, evalEpisodes: 10, seed: 1 });
const started = new Date().toISOString();
const result = await runTraining(
  { env: 'Hopper-v5', preset: 'cleanrl', totalSteps: options.steps, seed: options.seed, evalEvery: options.evalEvery, evalEpisodes: options.evalEpisodes, checkpointEvery: 0 },
  (e) => console.log(`step ${e.step}: deterministic eval return ${e.returnMean.toFixed(1)} ± ${e.returnStd.toFixed(1)} (mean length ${e.lengthMean.toFixed(0)})`),
);
console.log(`${result.backendLine}; started ${started}`);
printTable(
  `Hopper-v5, cleanrl preset, seed ${options.seed}: deterministic evaluation (${options.evalEpisodes} episodes)`,
  ['step', 'return mean', 'return std', 'length mean'],
  result.evals.map((e): Cell[] => [e.step, e.returnMean, e.returnStd, e.lengthMean]),
);
printTable(
  'Hopper-v5 training speed (this machine: 2 cores shared with other jobs) vs CleanRL published figure',
  ['measure', 'value', 'CleanRL (GPU box, published)'],
  [
    ['training SPS (intervals without eval, after learning starts)', result.trainingSps.toFixed(1), '~95'],
    ['overall SPS (incl. random steps and evaluations)', result.overallSps.toFixed(1), ''],
    ['ms per gradient step (mean)', result.updateMs.toFixed(1), ''],
    ['wall clock (s)', result.seconds.toFixed(0), ''],
  ],
);
