// Tests for SAC v1: critic target from the target value network, value target, V̄ tracking, and the haarnoja preset.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadBatch } from './learner-common.js';
import { presetConfig } from './presets.js';
import { ReplayBuffer } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';
import { SacV1Learner } from './sac-v1-learner.js';
import { squashedGaussianLogProb } from './squashed-gaussian.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const O = 3;
const A = 2;
const tiny = { actorHiddenSizes: [8], criticHiddenSizes: [8], batchSize: 8, seed: 5 };

function buffer(n: number, terminatedEvery = 0): ReplayBuffer {
  const rng = new Rng(n);
  const b = new ReplayBuffer({ capacity: n, observationSize: O, actionSize: A });
  for (let i = 0; i < n; i++) {
    b.add({
      observation: rng.fillUniform(new Float32Array(O), -1, 1),
      action: rng.fillUniform(new Float32Array(A), -1, 1),
      reward: rng.uniform(),
      nextObservation: rng.fillUniform(new Float32Array(O), -1, 1),
      terminated: terminatedEvery > 0 && i % terminatedEvery === 0,
    });
  }
  return b;
}

describe('SacV1Learner', () => {
  it('critic target is s·r + γ(1 − d)·V̄(s′)', () => {
    const learner = new SacV1Learner({ observationSize: O, actionSize: A }, { ...tiny, rewardScale: 5, gamma: 0.9 });
    expect(learner.targetCritics).toBeUndefined();
    const batch = buffer(8, 2).sample(8, new Rng(1));
    tf.tidy(() => {
      const t = uploadBatch(batch, O, A);
      const y = learner.criticTarget(t, tf.scalar(1)).dataSync();
      const v = learner.targetValue.forward(t.nextObservations).dataSync();
      for (let i = 0; i < 8; i++) expect(y[i]).toBeCloseTo(5 * batch.rewards[i]! + 0.9 * (1 - batch.terminated[i]!) * v[i]!, 5);
    });
    learner.dispose();
  });

  it('value target is min_i Q_i(s, ã) − α log π(ã|s)', () => {
    const learner = new SacV1Learner({ observationSize: O, actionSize: A }, tiny);
    const noise = new Float32Array([0.5, -0.25]);
    tf.tidy(() => {
      const obs = tf.tensor2d([[0.3, -0.2, 0.8]]);
      const got = learner.valueTarget(obs, tf.scalar(0.2), noise).dataSync()[0]!;
      const { mean, logStd } = learner.policy.distribution(obs);
      const u = tf.add(mean, tf.mul(tf.exp(logStd), tf.tensor2d(noise, [1, 2]))) as tf.Tensor2D;
      const logp = squashedGaussianLogProb(mean, logStd, u).dataSync()[0]!;
      const qs = learner.critics.forwardEach(tf.concat([obs, tf.tanh(u) as tf.Tensor2D], 1)).map((q) => q.dataSync()[0]!);
      expect(got).toBeCloseTo(Math.min(...qs) - 0.2 * logp, 5);
    });
    learner.dispose();
  });

  it('trains V, Q and π, and moves V̄ toward V by τ', () => {
    const learner = new SacV1Learner({ observationSize: O, actionSize: A }, { ...tiny, tau: 0.5, actorUpdateInterval: 1 });
    const targetBefore = learner.targetValue.variables().map((v) => Array.from(v.dataSync()));
    const m = learner.update(buffer(32).sample(8, new Rng(2)));
    expect(Number.isFinite(m.valueLoss!) && Number.isFinite(m.criticLoss) && Number.isFinite(m.actorLoss!)).toBe(true);
    const online = learner.value.variables().map((v) => Array.from(v.dataSync()));
    learner.targetValue.variables().forEach((v, i) =>
      Array.from(v.dataSync()).forEach((x, k) => expect(x).toBeCloseTo(0.5 * online[i]![k]! + 0.5 * targetBefore[i]![k]!, 5)),
    );
    learner.dispose();
  });

  it('runs the haarnoja preset (v1, α = 1, reward scale 5) without leaking tensors', () => {
    const learner = new SacV1Learner({ observationSize: O, actionSize: A }, presetConfig('haarnoja', tiny));
    const data = buffer(32);
    const rng = new Rng(3);
    learner.update(data.sample(8, rng));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) expect(learner.update(data.sample(8, rng)).alpha).toBeCloseTo(1, 6);
    expect(tf.memory().numTensors).toBe(before);
    learner.dispose();
  });
});
