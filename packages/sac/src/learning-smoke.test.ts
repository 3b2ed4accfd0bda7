// CI smoke test of learning: 5000 Pendulum steps with small networks beat the random policy clearly.
import { init, make, Rng, type Env } from '@rapier-gym/envs';
import { expect, it } from 'vitest';
import { createActionAdapter } from './action-adapter.js';
import { train } from './trainer.js';

/** Mean return of uniformly random actions on the evaluation episodes (episode k reset with seed + k). */
async function randomPolicyReturn(envId: string, seed: number, episodes: number): Promise<number> {
  await init();
  const env = make(envId) as Env<unknown, unknown>;
  const adapter = createActionAdapter(env);
  const rng = new Rng(seed);
  const a = new Float32Array(adapter.storedSize);
  let total = 0;
  for (let k = 0; k < episodes; k++) {
    env.reset({ seed: seed + k });
    for (let done = false; !done; ) {
      const r = env.step(adapter.toEnv(adapter.randomAction(rng, a)));
      total += r.reward;
      done = r.terminated || r.truncated;
    }
  }
  return total / episodes;
}

it('Pendulum-v1: 5000 steps of SAC with 64-64 networks beat the random policy by more than 400', async () => {
  const config = {
    env: 'Pendulum-v1',
    totalSteps: 5000,
    seed: 1,
    backend: 'wasm' as const,
    logEvery: 1000,
    evalEvery: 0,
    evalEpisodes: 5,
    checkpointEvery: 0,
    sac: { actorHiddenSizes: [64, 64], criticHiddenSizes: [64, 64], batchSize: 128, learningStarts: 1000, randomSteps: 1000, actorLr: 1e-3, criticLr: 1e-3 },
  };
  const result = await train(config);
  const random = await randomPolicyReturn('Pendulum-v1', 1_000_001, 5);
  const trained = result.lastEval!.returnMean;
  expect(random).toBeLessThan(-900);
  expect(trained).toBeGreaterThan(random + 400);
}, 120_000);
