// Learning thresholds (npm run test:learning): Pendulum-v1 deterministic eval ≥ −400; CartPole-v1 with discrete SAC ≥ 195.
import { expect, it } from 'vitest';
import { train, type EvalSummary, type TrainConfig } from '../src/index.js';

/** Trains, prints every metrics row's step, training return, eval return and α, and returns the final evaluation. */
async function trainAndReport(config: Partial<TrainConfig> & { env: string }): Promise<EvalSummary> {
  const started = Date.now();
  const result = await train(config, {
    onMetrics: (r) =>
      console.log(`${config.env} step ${r.step}: return ${r.episodeReturn?.toFixed(1) ?? '–'}, eval ${r.evalReturnMean?.toFixed(1) ?? '–'}, alpha ${r.alpha?.toFixed(3) ?? '–'}, ${r.sps.toFixed(0)} sps`),
  });
  const e = result.lastEval!;
  console.log(`${config.env}: final deterministic eval ${e.returnMean.toFixed(1)} ± ${e.returnStd.toFixed(1)} over ${e.episodes} episodes after ${result.step} steps in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return e;
}

const common = { seed: 1, backend: 'wasm' as const, logEvery: 1000, evalEvery: 2000, evalEpisodes: 10, checkpointEvery: 0 };
const small = { actorHiddenSizes: [64, 64], criticHiddenSizes: [64, 64], batchSize: 128, learningStarts: 1000, randomSteps: 1000, actorLr: 1e-3, criticLr: 1e-3 };

it('Pendulum-v1: SAC reaches a deterministic evaluation return ≥ −400 within 8000 steps', async () => {
  const e = await trainAndReport({ ...common, env: 'Pendulum-v1', totalSteps: 8000, sac: small });
  expect(e.returnMean).toBeGreaterThanOrEqual(-400);
});

it('CartPole-v1: discrete SAC reaches a deterministic evaluation return ≥ 195 within 10000 steps', async () => {
  // H̄ = 0.7·log 2 instead of the paper's 0.98·log 2: a target next to the maximum entropy log 2 drives α up without
  // bound (measured: α ≈ 5800 after 10000 steps, the stochastic policy stays uniform); with 0.7 α settles near 1.
  const e = await trainAndReport({ ...common, env: 'CartPole-v1', totalSteps: 10_000, sac: { ...small, targetEntropyScale: 0.7 } });
  expect(e.returnMean).toBeGreaterThanOrEqual(195);
});
