// Tests for discrete SAC: exact-expectation targets, entropy target scale·log|A|, actor/α steps, acting.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiscreteSacLearner } from './discrete-sac-learner.js';
import { discreteTargetEntropy, uploadBatch } from './learner-common.js';
import { ReplayBuffer } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const O = 4;
const N_ACTIONS = 3;
const tiny = { actorHiddenSizes: [8], criticHiddenSizes: [8], seed: 2 };

function buffer(n: number): ReplayBuffer {
  const rng = new Rng(n);
  const b = new ReplayBuffer({ capacity: n, observationSize: O, actionSize: 1 });
  for (let i = 0; i < n; i++) {
    b.add({
      observation: rng.fillUniform(new Float32Array(O), -1, 1),
      action: [rng.integer(N_ACTIONS)],
      reward: rng.uniform(),
      nextObservation: rng.fillUniform(new Float32Array(O), -1, 1),
      terminated: i % 3 === 0,
    });
  }
  return b;
}

describe('DiscreteSacLearner', () => {
  it('target entropy defaults to 0.98·log|A|', () => {
    expect(discreteTargetEntropy({ targetEntropy: 'auto', targetEntropyScale: 0.98 }, 4)).toBeCloseTo(0.98 * Math.log(4), 12);
    const learner = new DiscreteSacLearner({ observationSize: O, actionCount: N_ACTIONS }, tiny);
    expect(learner.temperature.targetEntropy).toBeCloseTo(0.98 * Math.log(3), 12);
    learner.dispose();
  });

  it('critic target is the exact expectation Σ_a π(a|s′)(min_i Q̄_i(s′, a) − α log π(a|s′))', () => {
    const learner = new DiscreteSacLearner({ observationSize: O, actionCount: N_ACTIONS }, { ...tiny, gamma: 0.95 });
    const batch = buffer(6).sample(6, new Rng(1));
    tf.tidy(() => {
      const t = uploadBatch(batch, O, 1);
      const y = learner.criticTarget(t, tf.scalar(0.3)).dataSync();
      const logits = learner.policy.forward(t.nextObservations).arraySync() as number[][];
      const qs = learner.targetCritics.forwardEach(t.nextObservations).map((q) => q.arraySync() as number[][]);
      for (let i = 0; i < 6; i++) {
        const z = Math.log(logits[i]!.reduce((s, l) => s + Math.exp(l), 0));
        let v = 0;
        for (let a = 0; a < N_ACTIONS; a++) {
          const logp = logits[i]![a]! - z;
          v += Math.exp(logp) * (Math.min(...qs.map((q) => q[i]![a]!)) - 0.3 * logp);
        }
        expect(y[i]).toBeCloseTo(batch.rewards[i]! + 0.95 * (1 - batch.terminated[i]!) * v, 4);
      }
    });
    learner.dispose();
  });

  it('updates critics, actor and α; the actor step leaves the critics unchanged', () => {
    const learner = new DiscreteSacLearner({ observationSize: O, actionCount: N_ACTIONS }, { ...tiny, actorUpdateInterval: 2 });
    const data = buffer(32);
    const rng = new Rng(2);
    const first = learner.update(data.sample(16, rng));
    expect(first.actorLoss).toBeUndefined();
    const second = learner.update(data.sample(16, rng));
    expect([second.criticLoss, second.actorLoss!, second.alphaLoss!].every(Number.isFinite)).toBe(true);
    expect(second.entropy!).toBeGreaterThan(0);
    expect(second.entropy!).toBeLessThanOrEqual(Math.log(N_ACTIONS) + 1e-6);
    expect(learner.steps).toEqual({ criticSteps: 2, actorSteps: 2, targetUpdates: 2 });
    const critics = learner.critics.variables().map((v) => Array.from(v.dataSync()));
    tf.tidy(() => learner.actorStep(tf.tensor2d(data.sample(4, rng).observations, [4, O])));
    expect(learner.critics.variables().map((v) => Array.from(v.dataSync()))).toEqual(critics);
    learner.dispose();
  });

  it('α rises when the policy entropy is below the target', () => {
    // A target entropy above the maximum log|A| can never be met, so α must grow.
    const learner = new DiscreteSacLearner({ observationSize: O, actionCount: N_ACTIONS }, { ...tiny, actorUpdateInterval: 1, targetEntropy: 5, alphaLr: 0.1 });
    const m = learner.update(buffer(16).sample(8, new Rng(3)));
    expect(m.alpha).toBeGreaterThan(1);
    learner.dispose();
  });

  it('acts with valid indices; deterministic acting is the argmax', () => {
    const learner = new DiscreteSacLearner({ observationSize: O, actionCount: N_ACTIONS }, tiny);
    const obs = new Float32Array([0.1, 0.2, 0.3, 0.4, -0.5, 0.6, -0.7, 0.8]);
    const sampled = learner.act(obs, false, 2);
    for (const a of sampled) expect(a >= 0 && a < N_ACTIONS).toBe(true);
    const probs = tf.tidy(() => learner.distribution(tf.tensor2d(obs, [2, O])).probs.arraySync() as number[][]);
    const greedy = learner.act(obs, true, 2);
    probs.forEach((row, r) => expect(greedy[r]).toBe(row.indexOf(Math.max(...row))));
    expect(() => learner.act(new Float32Array(3))).toThrow('discrete sac act: expected 1×4 observation values, received 3');
    learner.dispose();
  });

  it('leaks no tensors across updates and acting', () => {
    const learner = new DiscreteSacLearner({ observationSize: O, actionCount: N_ACTIONS }, { ...tiny, actorUpdateInterval: 1 });
    const data = buffer(16);
    const rng = new Rng(4);
    learner.update(data.sample(8, rng));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) learner.update(data.sample(8, rng));
    learner.act(new Float32Array(O), false);
    expect(tf.memory().numTensors).toBe(before);
    learner.dispose();
  });

  it('rejects fewer than two actions', () => {
    expect(() => new DiscreteSacLearner({ observationSize: O, actionCount: 1 }, tiny)).toThrow('discrete sac: actionCount must be an integer ≥ 2, received 1');
  });
});
