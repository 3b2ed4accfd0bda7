// Tests that the batched critic ensemble (leading ensemble axis) computes exactly what the unrolled one does.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend, cpuCandidate, wasmCandidate } from './backend.js';
import { CriticEnsemble, resolveEnsembleMode } from './critic-ensemble.js';
import { Rng } from '@rapier-gym/envs';
import { SacLearner } from './sac-learner.js';
import { ReplayBuffer } from './replay-buffer.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

function pair(members: number, activation: 'relu' | 'tanh' = 'relu') {
  const options = { members, inputSize: 4, hiddenSizes: [6, 5], outputSize: 2, activation, init: 'torch-default' as const, name: 'e' };
  return {
    unrolled: new CriticEnsemble({ ...options, rng: new Rng(9), mode: 'unrolled' }),
    batched: new CriticEnsemble({ ...options, rng: new Rng(9), mode: 'batched' }),
  };
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 5));

describe('CriticEnsemble modes', () => {
  it('"auto" is batched on tensorflow/webgl and unrolled on wasm/cpu', () => {
    expect(resolveEnsembleMode('auto', 'tensorflow')).toBe('batched');
    expect(resolveEnsembleMode('auto', 'webgl')).toBe('batched');
    expect(resolveEnsembleMode('auto', 'wasm')).toBe('unrolled');
    expect(resolveEnsembleMode('auto', 'cpu')).toBe('unrolled');
    expect(resolveEnsembleMode('batched', 'wasm')).toBe('batched');
  });

  for (const activation of ['relu', 'tanh'] as const) {
    it(`forward, minimum and all gradients agree (3 members, ${activation})`, () => {
      const { unrolled, batched } = pair(3, activation);
      tf.tidy(() => {
        const x = tf.tensor2d([[0.5, -1, 0.2, 0.3], [1, 0.4, -0.6, 0.9]]);
        unrolled.forwardEach(x).forEach((q, i) => close(batched.forwardEach(x)[i]!.dataSync(), q.dataSync()));
        close(batched.minimum(x).dataSync(), unrolled.minimum(x).dataSync());
        // Weight gradients ("weights" mode): compare per parameter after stacking the unrolled ones.
        const loss = (e: CriticEnsemble, need: 'weights' | 'input') => (input: tf.Tensor2D) => tf.sum(tf.square(e.minimum(input, need)));
        const gu = tf.variableGrads(() => loss(unrolled, 'weights')(x) as tf.Scalar, unrolled.variables()).grads;
        const gb = tf.variableGrads(() => loss(batched, 'weights')(x) as tf.Scalar, batched.variables()).grads;
        batched.stacked.forEach((layer, l) => {
          const w = tf.stack(unrolled.members.map((m) => gu[m.layers[l]!.weights.name]!));
          const b = tf.stack(unrolled.members.map((m) => tf.expandDims(gu[m.layers[l]!.bias.name]!, 0)));
          close(gb[layer.weights.name]!.dataSync(), w.dataSync());
          close(gb[layer.bias.name]!.dataSync(), b.dataSync());
        });
        // Input gradients ("input" mode, weights constant), as in the actor loss.
        close(tf.grad(loss(batched, 'input') as (t: tf.Tensor) => tf.Tensor)(x).dataSync(), tf.grad(loss(unrolled, 'input') as (t: tf.Tensor) => tf.Tensor)(x).dataSync());
      });
      unrolled.dispose();
      batched.dispose();
    });
  }

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`a learner trains to the same weights in both modes on ${backend}`, async () => {
      await chooseBackend([wasmCandidate(), cpuCandidate()], backend);
      const rng = new Rng(1);
      const buffer = new ReplayBuffer({ capacity: 16, observationSize: 3, actionSize: 2 });
      for (let i = 0; i < 16; i++) {
        buffer.add({ observation: rng.fillUniform(new Float32Array(3), -1, 1), action: rng.fillUniform(new Float32Array(2), -1, 1), reward: rng.uniform(), nextObservation: rng.fillUniform(new Float32Array(3), -1, 1), terminated: i % 4 === 0 });
      }
      const config = { actorHiddenSizes: [8], criticHiddenSizes: [8], numCritics: 2, actorUpdateInterval: 1 };
      const a = new SacLearner({ observationSize: 3, actionSize: 2 }, { ...config, criticEnsemble: 'unrolled' });
      const b = new SacLearner({ observationSize: 3, actionSize: 2 }, { ...config, criticEnsemble: 'batched' });
      expect(b.critics.mode).toBe('batched');
      for (let i = 0; i < 3; i++) {
        const batch = buffer.sample(8, new Rng(10 + i));
        const ma = a.update(batch);
        const mb = b.update(batch);
        expect(mb.criticLoss).toBeCloseTo(ma.criticLoss, 4);
        expect(mb.actorLoss!).toBeCloseTo(ma.actorLoss!, 4);
      }
      tf.tidy(() => {
        const x = tf.tensor2d([[0.1, 0.2, 0.3, 0.4, 0.5]]);
        close(b.critics.forwardStacked(x).dataSync(), a.critics.forwardStacked(x).dataSync());
        close(b.targetCritics!.forwardStacked(x).dataSync(), a.targetCritics!.forwardStacked(x).dataSync());
      });
      a.dispose();
      b.dispose();
    });
  }
});
