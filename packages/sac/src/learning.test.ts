// Behavioural tests: SAC learns the best action of small contextual bandits from replayed data (continuous and discrete).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiscreteSacLearner } from './discrete-sac-learner.js';
import { ReplayBuffer } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';
import { SacLearner } from './sac-learner.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('learning', () => {
  it('continuous SAC finds a = s/2 on the bandit r = −(a − s/2)² (every step terminal)', () => {
    const rng = new Rng(1);
    const buffer = new ReplayBuffer({ capacity: 2000, observationSize: 1, actionSize: 1 });
    for (let i = 0; i < 2000; i++) {
      const s = rng.uniform() * 2 - 1;
      const a = rng.uniform() * 2 - 1;
      buffer.add({ observation: [s], action: [a], reward: -((a - s / 2) ** 2), nextObservation: [0], terminated: true });
    }
    const learner = new SacLearner(
      { observationSize: 1, actionSize: 1 },
      { actorHiddenSizes: [32], criticHiddenSizes: [32], alpha: 0.01, actorLr: 3e-3, criticLr: 3e-3, actorUpdateInterval: 1, seed: 2 },
    );
    for (let i = 0; i < 600; i++) learner.update(buffer.sample(64, rng));
    const actions = learner.act(new Float32Array([-0.8, 0, 0.8]), true, 3);
    [-0.4, 0, 0.4].forEach((best, i) => expect(Math.abs(actions[i]! - best)).toBeLessThan(0.15));
    learner.dispose();
  });

  it('discrete SAC prefers the rewarded action of each context', () => {
    const rng = new Rng(3);
    const buffer = new ReplayBuffer({ capacity: 1500, observationSize: 1, actionSize: 1 });
    for (let i = 0; i < 1500; i++) {
      const s = rng.uniform() < 0.5 ? -1 : 1;
      const a = rng.integer(3);
      const best = s < 0 ? 0 : 2;
      buffer.add({ observation: [s], action: [a], reward: a === best ? 1 : 0, nextObservation: [0], terminated: true });
    }
    const learner = new DiscreteSacLearner(
      { observationSize: 1, actionCount: 3 },
      { actorHiddenSizes: [16], criticHiddenSizes: [16], alpha: 0.05, actorLr: 3e-3, criticLr: 3e-3, actorUpdateInterval: 1, seed: 4 },
    );
    for (let i = 0; i < 400; i++) learner.update(buffer.sample(64, rng));
    expect(Array.from(learner.act(new Float32Array([-1, 1]), true, 2))).toEqual([0, 2]);
    learner.dispose();
  });
});
