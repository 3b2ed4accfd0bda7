// Tensor bookkeeping of every learner variant: updates, policy export and checkpoints hold no extra tensors, and
// dispose() returns tf.memory().numTensors to where it was before the learner was built.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';
import type { SacConfig } from './config.js';
import { createSacLearner, learnerActionSize, type LearnerActionSpace } from './create-learner.js';
import { ReplayBuffer } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';

const O = 3;
const tiny: Partial<SacConfig> = { actorHiddenSizes: [8], criticHiddenSizes: [8], batchSize: 8, seed: 5 };
const box: LearnerActionSpace = { kind: 'box', size: 2 };
const discrete: LearnerActionSpace = { kind: 'discrete', count: 3 };

function filledBuffer(action: LearnerActionSpace): ReplayBuffer {
  const rng = new Rng(9);
  const buffer = new ReplayBuffer({ capacity: 32, observationSize: O, actionSize: learnerActionSize(action) });
  for (let i = 0; i < 32; i++) {
    buffer.add({
      observation: rng.fillUniform(new Float32Array(O), -1, 1),
      action: action.kind === 'box' ? rng.fillUniform(new Float32Array(action.size), -1, 1) : [rng.integer(action.count)],
      reward: rng.uniform(),
      nextObservation: rng.fillUniform(new Float32Array(O), -1, 1),
      terminated: i % 7 === 0,
    });
  }
  return buffer;
}

interface Counts {
  baseline: number;
  afterCreate: number;
  afterEachUpdate: number[];
  afterExport: number;
  afterDispose: number;
}

/** create → 6 updates (3 with actor steps at interval 2) → act → exportPolicy → exportState/importState → dispose. */
function countTensors(action: LearnerActionSpace, config: Partial<SacConfig>): Counts {
  const buffer = filledBuffer(action);
  const rng = new Rng(11);
  const baseline = tf.memory().numTensors;
  const learner = createSacLearner(O, action, { ...tiny, actorUpdateInterval: 2, ...config });
  const afterCreate = tf.memory().numTensors;
  const afterEachUpdate: number[] = [];
  for (let k = 0; k < 6; k++) {
    learner.update(buffer.sample(8, rng));
    afterEachUpdate.push(tf.memory().numTensors);
  }
  learner.act(new Float32Array(2 * O).fill(0.3), false, 2);
  learner.act(new Float32Array(O).fill(-0.3), true);
  learner.exportPolicy();
  learner.importState(learner.exportState());
  const afterExport = tf.memory().numTensors;
  learner.dispose();
  return { baseline, afterCreate, afterEachUpdate, afterExport, afterDispose: tf.memory().numTensors };
}

function expectNoLeak(counts: Counts): void {
  expect(counts.afterCreate).toBeGreaterThan(counts.baseline);
  expect(counts.afterEachUpdate).toEqual(counts.afterEachUpdate.map(() => counts.afterCreate));
  expect(counts.afterExport).toBe(counts.afterCreate);
  expect(counts.afterDispose).toBe(counts.baseline);
}

describe('no tensor leaks (cpu backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const numCritics of [1, 2, 3]) {
    it(`continuous SAC with ${numCritics} critic(s) and α tuned`, () => {
      expectNoLeak(countTensors(box, { numCritics }));
    });
  }

  it('continuous SAC with a fixed α, batched critics and separate heads with L2 on the policy', () => {
    expectNoLeak(countTensors(box, { alpha: 0.2, numCritics: 3, criticEnsemble: 'batched', policyHead: 'separate', policyRegularization: 1e-3 }));
  });

  it('SAC v1 (state-value network)', () => {
    expectNoLeak(countTensors(box, { variant: 'sac-v1' }));
  });

  it('discrete SAC', () => {
    expectNoLeak(countTensors(discrete, {}));
  });

  it('holds exactly the tensors a learner owns: 2 critics of 2 layers hold 8 variables, their targets 8, the actor 4, Adam moments 2 per optimiser, log α 1', () => {
    // Hidden [8], joint head: actor = trunk + head = 2 layers × (W, b) = 4; critics 2 × 4 = 8; targets 8; 3 optimisers × (m, v) = 6; log α = 1.
    const counts = countTensors(box, { numCritics: 2, criticEnsemble: 'unrolled', policyHead: 'joint' });
    expect(counts.afterCreate - counts.baseline).toBe(4 + 8 + 8 + 6 + 1);
  });
});

describe('no tensor leaks (wasm backend)', () => {
  let previous: string;
  beforeAll(async () => {
    previous = tf.getBackend();
    await selectBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend(previous);
  });

  it('continuous SAC with 2 critics', () => {
    expectNoLeak(countTensors(box, { numCritics: 2 }));
  });

  it('discrete SAC', () => {
    expectNoLeak(countTensors(discrete, {}));
  });
});
