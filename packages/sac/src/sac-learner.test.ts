// Tests for continuous SAC: critic targets (terminated vs truncated), N critics, actor gradient path, α tuning, delays, NaN.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SacConfig } from './config.js';
import { EntropyTemperature } from './entropy-temperature.js';
import { NonFiniteLossError, continuousTargetEntropy, uploadBatch } from './learner-common.js';
import { ReplayBuffer } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';
import { SacLearner } from './sac-learner.js';
import { squashedGaussianLogProb } from './squashed-gaussian.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const O = 3;
const A = 2;
const tiny: Partial<SacConfig> = { actorHiddenSizes: [8], criticHiddenSizes: [8], batchSize: 8, seed: 3 };

function filledBuffer(n: number, seed: number): ReplayBuffer {
  const rng = new Rng(seed);
  const buffer = new ReplayBuffer({ capacity: n, observationSize: O, actionSize: A });
  for (let i = 0; i < n; i++) {
    buffer.add({
      observation: rng.fillUniform(new Float32Array(O), -1, 1),
      action: rng.fillUniform(new Float32Array(A), -1, 1),
      reward: rng.uniform(),
      nextObservation: rng.fillUniform(new Float32Array(O), -1, 1),
      terminated: rng.uniform() < 0.2,
    });
  }
  return buffer;
}

function read(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

function snapshot(vars: tf.Variable[]): number[][] {
  return vars.map((v) => read(v));
}

describe('critic target', () => {
  it('bootstraps a truncated step and does not bootstrap a terminated one', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, alpha: 0.3, rewardScale: 2, gamma: 0.9 });
    const base = { observation: [0.1, 0.2, 0.3], action: [0.5, -0.5], reward: 1.5, nextObservation: [0.4, -0.6, 0.9] };
    const noise = new Float32Array([0.3, -1.1]);
    const targetOf = (terminated: boolean, truncated: boolean): { y: number; expected: number } => {
      // One transition per buffer, so the sampled row is the one just stored whatever the generator draws.
      const buffer = new ReplayBuffer({ capacity: 1, observationSize: O, actionSize: A });
      buffer.add({ ...base, terminated, truncated });
      const batch = buffer.sample(1, new Rng(1));
      return tf.tidy(() => {
        const t = uploadBatch(batch, O, A);
        const y = learner.criticTarget(t, tf.scalar(0.3), noise).dataSync()[0]!;
        // Independent computation: a′ = tanh(μ + σε), log π from the density formula, min over target critics.
        const { mean, logStd } = learner.policy.distribution(t.nextObservations);
        const u = tf.add(mean, tf.mul(tf.exp(logStd), tf.tensor2d(noise, [1, 2])));
        const logp = squashedGaussianLogProb(mean, logStd, u as tf.Tensor2D).dataSync()[0]!;
        const qs = learner.targetCritics!.forwardEach(tf.concat([t.nextObservations, tf.tanh(u) as tf.Tensor2D], 1)).map((q) => q.dataSync()[0]!);
        const bootstrap = terminated ? 0 : 0.9 * (Math.min(...qs) - 0.3 * logp);
        return { y, expected: 2 * 1.5 + bootstrap };
      });
    };
    const truncated = targetOf(false, true);
    expect(truncated.y).toBeCloseTo(truncated.expected, 4);
    expect(Math.abs(truncated.y - 3)).toBeGreaterThan(1e-3);
    const terminated = targetOf(true, false);
    expect(terminated.y).toBeCloseTo(3, 5);
    learner.dispose();
  });
});

describe('number of Q-networks', () => {
  for (const numCritics of [1, 2, 3]) {
    it(`${numCritics} critic(s): updates run and targets use the minimum over members`, () => {
      const learner = new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, numCritics, actorUpdateInterval: 1 });
      expect(learner.critics.size).toBe(numCritics);
      expect(learner.targetCritics!.size).toBe(numCritics);
      const buffer = filledBuffer(64, 1);
      const rng = new Rng(2);
      for (let i = 0; i < 5; i++) {
        const m = learner.update(buffer.sample(8, rng));
        expect(Number.isFinite(m.criticLoss) && Number.isFinite(m.actorLoss!)).toBe(true);
      }
      tf.tidy(() => {
        const x = tf.tensor2d([[0.1, 0.2, 0.3, 0.4, 0.5]]);
        const each = learner.critics.forwardEach(x).map((q) => q.dataSync()[0]!);
        expect(learner.critics.minimum(x).dataSync()[0]).toBeCloseTo(Math.min(...each), 6);
      });
      learner.dispose();
    });
  }
});

describe('actor step', () => {
  it('back-propagates through the critics into the action: with α = 0 the gradient matches finite differences of −min Q', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, alpha: 0 });
    const obs = new Float32Array([0.2, -0.4, 0.7, -0.1, 0.5, 0.3]);
    const noise = new Float32Array([0.4, -0.2, 1.0, 0.1]);
    const meanBias = learner.policy.heads[0]!.layers[0]!.bias;
    const lossAt = (): number =>
      tf.tidy(() => learner.actorLoss(tf.tensor2d(obs, [2, O]), tf.scalar(0), noise).loss.dataSync()[0]!);
    const analytic = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => learner.actorLoss(tf.tensor2d(obs, [2, O]), tf.scalar(0), noise).loss, learner.policy.variables());
      return read(grads[meanBias.name]!);
    });
    expect(Math.max(...analytic.map(Math.abs))).toBeGreaterThan(1e-4);
    const h = 1e-2;
    const original = read(meanBias);
    for (let j = 0; j < A; j++) {
      const plus = [...original];
      plus[j]! += h;
      meanBias.assign(tf.tensor1d(plus));
      const up = lossAt();
      const minus = [...original];
      minus[j]! -= h;
      meanBias.assign(tf.tensor1d(minus));
      const down = lossAt();
      meanBias.assign(tf.tensor1d(original));
      expect(analytic[j]).toBeCloseTo((up - down) / (2 * h), 3);
    }
    learner.dispose();
  });

  it('changes only the policy weights, and raises min Q of its own actions when α = 0', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, alpha: 0, actorLr: 1e-2 });
    const obs = new Float32Array([0.2, -0.4, 0.7, -0.1, 0.5, 0.3]);
    const criticsBefore = snapshot([...learner.critics.variables(), ...learner.targetCritics!.variables()]);
    const policyBefore = snapshot(learner.policy.variables());
    const meanQ = (): number =>
      tf.tidy(() => {
        const o = tf.tensor2d(obs, [2, O]);
        const a = tf.tanh(learner.policy.distribution(o).mean);
        return tf.mean(learner.critics.minimum(tf.concat([o, a], 1))).dataSync()[0]!;
      });
    const q0 = meanQ();
    for (let i = 0; i < 20; i++) {
      tf.tidy(() => {
        const step = learner.actorStep(tf.tensor2d(obs, [2, O]));
        expect(step.alphaLoss).toBeUndefined();
      });
    }
    expect(snapshot([...learner.critics.variables(), ...learner.targetCritics!.variables()])).toEqual(criticsBefore);
    expect(snapshot(learner.policy.variables())).not.toEqual(policyBefore);
    expect(meanQ()).toBeGreaterThan(q0);
    expect(learner.steps.actorSteps).toBe(20);
    learner.dispose();
  });
});

describe('entropy temperature', () => {
  const adam = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
  it('the target entropy is −|A| by default and can be set', () => {
    expect(continuousTargetEntropy({ targetEntropy: 'auto' }, 6)).toBe(-6);
    expect(continuousTargetEntropy({ targetEntropy: -2 }, 6)).toBe(-2);
    const learner = new SacLearner({ observationSize: O, actionSize: A }, tiny);
    expect(learner.temperature.targetEntropy).toBe(-A);
    learner.dispose();
  });

  it('α rises when the entropy −log π is below the target and falls when above (loss −α(log π + H̄))', () => {
    const alphaAfter = (meanLogProb: number): { alpha: number; loss: number } => {
      const t = new EntropyTemperature('auto', 1, -2, adam);
      const loss = tf.tidy(() => t.step(tf.scalar(meanLogProb))!.dataSync()[0]!);
      const alpha = tf.tidy(() => t.value().dataSync()[0]!);
      t.dispose();
      return { alpha, loss };
    };
    // log π = 3 → entropy −3 < H̄ = −2: constraint violated, α must grow. Loss at α = 1: −1·(3 − 2) = −1.
    const low = alphaAfter(3);
    expect(low.loss).toBeCloseTo(-1, 6);
    expect(low.alpha).toBeGreaterThan(1);
    // log π = 0 → entropy 0 > −2: α must shrink. Loss: −1·(0 − 2) = 2.
    const high = alphaAfter(0);
    expect(high.loss).toBeCloseTo(2, 6);
    expect(high.alpha).toBeLessThan(1);
  });

  it('a fixed α never changes', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, alpha: 0.2, actorUpdateInterval: 1 });
    const buffer = filledBuffer(32, 4);
    const m = learner.update(buffer.sample(8, new Rng(1)));
    expect(m.alpha).toBeCloseTo(0.2, 6);
    expect(m.alphaLoss).toBeUndefined();
    learner.dispose();
  });
});

describe('update schedule inside the learner', () => {
  it('delayed policy updates with compensation and target interval: k actor steps every k critic steps', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, actorUpdateInterval: 3, targetUpdateInterval: 2 });
    const buffer = filledBuffer(32, 5);
    const rng = new Rng(6);
    const actorRan: boolean[] = [];
    for (let i = 1; i <= 7; i++) actorRan.push(learner.update(buffer.sample(8, rng)).actorLoss !== undefined);
    expect(actorRan).toEqual([false, false, true, false, false, true, false]);
    expect(learner.steps).toEqual({ criticSteps: 7, actorSteps: 6, targetUpdates: 3 });
    learner.dispose();
  });

  it('target critics follow τ: after one update target = τ·online + (1 − τ)·old target', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, tau: 0.25 });
    const before = snapshot(learner.targetCritics!.variables());
    learner.update(filledBuffer(16, 7).sample(8, new Rng(1)));
    const online = snapshot(learner.critics.variables());
    const after = snapshot(learner.targetCritics!.variables());
    after.forEach((values, i) => values.forEach((v, k) => expect(v).toBeCloseTo(0.25 * online[i]![k]! + 0.75 * before[i]![k]!, 5)));
    learner.dispose();
  });
});

describe('policy variants', () => {
  const variants: Partial<SacConfig>[] = [
    { policyHead: 'joint', logStdMode: 'clip', logStdMin: -20, init: 'xavier' },
    { policyHead: 'separate', logStdMode: 'clip-pass-gradient', logStdMin: -20 },
    { policyHead: 'joint', logStdMode: 'tanh', activation: 'tanh' },
    { policyRegularization: 1e-3, policyRegularizationTarget: 'weights' },
    { policyRegularization: 1e-3, policyRegularizationTarget: 'outputs', actorHiddenSizes: [8, 6] },
  ];
  for (const variant of variants) {
    it(`runs with ${JSON.stringify(variant)}`, () => {
      const learner = new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, ...variant, actorUpdateInterval: 1 });
      const buffer = filledBuffer(32, 8);
      const m = learner.update(buffer.sample(8, new Rng(1)));
      expect(Number.isFinite(m.actorLoss!)).toBe(true);
      tf.tidy(() => {
        const { logStd } = learner.policy.distribution(tf.tensor2d([[9, -9, 9]]));
        for (const v of logStd.dataSync()) {
          expect(v).toBeGreaterThanOrEqual(learner.config.logStdMin - 1e-6);
          expect(v).toBeLessThanOrEqual(learner.config.logStdMax + 1e-6);
        }
      });
      const actions = learner.act(new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]), false, 2);
      expect(actions.length).toBe(4);
      for (const a of actions) expect(Math.abs(a)).toBeLessThanOrEqual(1);
      learner.dispose();
    });
  }
});

describe('robustness', () => {
  it('leaks no tensors across updates', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, tiny);
    const buffer = filledBuffer(32, 9);
    const rng = new Rng(1);
    learner.update(buffer.sample(8, rng));
    learner.update(buffer.sample(8, rng));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 6; i++) learner.update(buffer.sample(8, rng));
    learner.act(new Float32Array(O), true);
    expect(tf.memory().numTensors).toBe(before);
    learner.dispose();
  });

  it('throws NonFiniteLossError naming the loss when it overflows', () => {
    const learner = new SacLearner({ observationSize: O, actionSize: A }, tiny);
    const batch = filledBuffer(8, 10).sample(8, new Rng(1));
    batch.rewards.fill(3e38);
    let error: unknown;
    try {
      learner.update(batch);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonFiniteLossError);
    expect((error as Error).message).toMatch(/^sac update 1: critic loss is (Infinity|NaN) \(expected a finite number\)/);
    learner.dispose();
  });

  it('rejects bad sizes and batches with clear errors', () => {
    expect(() => new SacLearner({ observationSize: 0, actionSize: A }, tiny)).toThrow('sac learner: observationSize must be a positive integer, received 0');
    expect(() => new SacLearner({ observationSize: O, actionSize: A }, { ...tiny, variant: 'sac-v1' })).toThrow(/variant must be "sac"/);
    const learner = new SacLearner({ observationSize: O, actionSize: A }, tiny);
    const batch = filledBuffer(8, 11).sample(4, new Rng(1));
    expect(() => learner.update({ ...batch, observations: new Float32Array(5) })).toThrow(/batch of 4 must have 12 observation and 8 action values, received 5 and 8/);
    expect(() => learner.act(new Float32Array(2))).toThrow('sac act: expected 1×3 observation values, received 2');
    learner.dispose();
  });
});
