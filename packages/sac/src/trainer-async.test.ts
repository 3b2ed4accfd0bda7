// Asynchronous mode (actor worker + learner): runs to the end with every step stored; from sources it explains it needs dist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
// Worker threads run built JavaScript (docs/ARCHITECTURE.md), so this test drives the built package.
import { readCheckpoint as readBuiltCheckpoint, train as trainBuilt, type ReplayBufferState as BuiltReplay } from '../dist/index.js';
import { train } from './trainer.js';

const root = mkdtempSync(join(tmpdir(), 'sac-async-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = {
  env: 'Pendulum-v1',
  totalSteps: 400,
  mode: 'async' as const,
  backend: 'cpu' as const,
  logEvery: 100,
  evalEpisodes: 1,
  evalEvery: 0,
  checkpointEvery: 0,
  sac: { actorHiddenSizes: [8], criticHiddenSizes: [8], batchSize: 8, learningStarts: 50, randomSteps: 50, bufferSize: 1000 },
};

it('trains with an actor worker: every step reaches the buffer and the update schedule is kept', async () => {
  const dir = join(root, 'checkpoints');
  const result = await trainBuilt(config, { checkpointDir: dir });
  expect(result.step).toBe(400);
  // Pendulum episodes are 200 steps: two finished; one gradient step per env step from step 50.
  expect(result.finalRow).toMatchObject({ step: 400, episodes: 2, gradientSteps: 351 });
  const { replay, state } = readBuiltCheckpoint<{ mode: string }, BuiltReplay>(join(dir, '400'), true);
  expect(state.mode).toBe('async');
  expect(replay!.count).toBe(400);
  expect(Number.isFinite(result.lastEval!.returnMean)).toBe(true);
});

it('from the TypeScript sources, asynchronous mode says it needs the built package', async () => {
  await expect(train(config)).rejects.toThrow(/asynchronous mode runs its actor from .*actor-worker\.js, which does not exist; build the package/);
});
