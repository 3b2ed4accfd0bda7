// Tests that the plain-JS actors compute the same function as the tfjs forward passes (within float32 tolerance).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SacConfig } from './config.js';
import { DiscreteSacLearner } from './discrete-sac-learner.js';
import { PlainCategoricalActor, PlainGaussianActor } from './plain-actor.js';
import { Rng } from '@rapier-gym/envs';
import { SacLearner } from './sac-learner.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const O = 5;
const A = 3;
const variants: Partial<SacConfig>[] = [
  { policyHead: 'separate', logStdMode: 'tanh' },
  { policyHead: 'joint', logStdMode: 'clip', logStdMin: -20, activation: 'tanh', actorHiddenSizes: [16, 8] },
  { policyHead: 'joint', logStdMode: 'clip-pass-gradient', logStdMin: -20, init: 'xavier' },
];

describe('PlainGaussianActor', () => {
  for (const variant of variants) {
    it(`matches the tfjs policy for ${JSON.stringify(variant)}`, () => {
      const learner = new SacLearner({ observationSize: O, actionSize: A }, { actorHiddenSizes: [16], criticHiddenSizes: [8], seed: 4, ...variant });
      const plain = new PlainGaussianActor(learner.exportPolicy());
      const rng = new Rng(11);
      for (let trial = 0; trial < 5; trial++) {
        const obs = rng.fillUniform(new Float32Array(O), -3, 3);
        const noise = rng.fillNormal(new Float32Array(A));
        const deterministic = learner.act(obs, true);
        const { action, logProb } = tf.tidy(() => {
          const s = learner.sample(tf.tensor2d(obs, [1, O]), 'none', noise);
          return { action: Array.from(s.action.dataSync()), logProb: s.logProb.dataSync()[0]! };
        });
        const plainDeterministic = plain.act(obs, { deterministic: true }).action;
        const plainSample = plain.act(obs, { noise });
        for (let j = 0; j < A; j++) {
          expect(plainDeterministic[j]).toBeCloseTo(deterministic[j]!, 5);
          expect(plainSample.action[j]).toBeCloseTo(action[j]!, 5);
        }
        expect(plainSample.logProb).toBeCloseTo(logProb, 3);
      }
      expect(() => plain.act(new Float32Array(O))).toThrow('plain actor: a stochastic action needs `rng` or `noise`');
      learner.dispose();
    });
  }

  it('tracks the learner after an update when the weights are copied again', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, { actorHiddenSizes: [8], criticHiddenSizes: [8], actorUpdateInterval: 1, actorLr: 0.05 });
    const stale = new PlainGaussianActor(learner.exportPolicy());
    const rng = new Rng(1);
    const batch = {
      size: 4,
      observations: rng.fillUniform(new Float32Array(4 * O), -1, 1),
      actions: rng.fillUniform(new Float32Array(4 * A), -1, 1),
      rewards: rng.fillUniform(new Float32Array(4), -1, 1),
      nextObservations: rng.fillUniform(new Float32Array(4 * O), -1, 1),
      terminated: new Float32Array(4),
    };
    learner.update(batch);
    const obs = new Float32Array([0.5, -0.5, 0.25, 1, -1]);
    const fresh = new PlainGaussianActor(learner.exportPolicy()).act(obs, { deterministic: true }).action;
    const tfjs = learner.act(obs, true);
    for (let j = 0; j < A; j++) expect(fresh[j]).toBeCloseTo(tfjs[j]!, 5);
    expect(Array.from(stale.act(obs, { deterministic: true }).action)).not.toEqual(Array.from(fresh));
    learner.dispose();
  });
});

describe('PlainCategoricalActor', () => {
  it('matches the tfjs categorical policy', () => {
    const learner = new DiscreteSacLearner({ observationSize: O, actionCount: 4 }, { actorHiddenSizes: [16], criticHiddenSizes: [8] });
    const plain = new PlainCategoricalActor(learner.exportPolicy(), learner.config.activation);
    const rng = new Rng(12);
    for (let trial = 0; trial < 5; trial++) {
      const obs = rng.fillUniform(new Float32Array(O), -3, 3);
      const probs = tf.tidy(() => Array.from(learner.distribution(tf.tensor2d(obs, [1, O])).probs.dataSync()));
      const plainProbs = plain.distribution(obs);
      probs.forEach((p, k) => expect(plainProbs[k]).toBeCloseTo(p, 5));
      expect(plain.act(obs, true)).toBe(learner.act(obs, true)[0]);
      const sampled = plain.act(obs, false, rng);
      expect(sampled >= 0 && sampled < 4).toBe(true);
    }
    learner.dispose();
  });
});
