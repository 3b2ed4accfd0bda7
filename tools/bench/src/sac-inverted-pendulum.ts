// Benchmark: SAC on InvertedPendulum-v5 with SB3's SAC defaults — deterministic eval curve and the first step at the 1000 cap.
import type { SacConfig } from '@rapier-gym/sac';
import { printTable, type Cell } from './table.js';
import { parseNumberFlags, runTraining } from './sac-training-run.js';

const options = parseNumberFlags('sac-inverted-pendulum bench', process.argv.slice(2), {
  steps: 20_000,
  evalEvery: 2500,
  evalEpisodes: 10,
  seed: 1,
  hidden: 256,
  learningRate: 3e-4,
  learningStarts: 100,
});

/**
 * stable_baselines3/sac/sac.py + policies.py defaults (the zoo lists no MuJoCo InvertedPendulum entry, so SB3's defaults
 * are its configuration): lr 3e-4 for actor, critics and α; batch 256; learning_starts 100 with random actions before;
 * τ 0.005; γ 0.99; one gradient step per env step; actor and targets every step; ent_coef "auto" from α = 1; two
 * critics; 256-256 ReLU; log σ clipped to [−20, 2]. The cleanrl preset supplies the rest (PyTorch init and Adam).
 */
const sb3Defaults: Partial<SacConfig> = {
  actorLr: options.learningRate,
  criticLr: options.learningRate,
  alphaLr: options.learningRate,
  batchSize: 256,
  learningStarts: options.learningStarts,
  randomSteps: options.learningStarts,
  tau: 0.005,
  gamma: 0.99,
  updateEvery: 1,
  gradientSteps: 1,
  actorUpdateInterval: 1,
  targetUpdateInterval: 1,
  alpha: 'auto',
  initialAlpha: 1,
  numCritics: 2,
  logStdMode: 'clip',
  logStdMin: -20,
  logStdMax: 2,
  actorHiddenSizes: [options.hidden, options.hidden],
  criticHiddenSizes: [options.hidden, options.hidden],
};

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
