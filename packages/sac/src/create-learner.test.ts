// Tests that the factory picks discrete SAC, SAC or SAC v1 from the action space and variant.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSacLearner, learnerActionSize } from './create-learner.js';
import { DiscreteSacLearner } from './discrete-sac-learner.js';
import { SacLearner } from './sac-learner.js';
import { SacV1Learner } from './sac-v1-learner.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tiny = { actorHiddenSizes: [4], criticHiddenSizes: [4] };

describe('createSacLearner', () => {
  it('uses discrete SAC for Discrete, SacLearner for a Box, SacV1Learner for variant sac-v1', () => {
    const discrete = createSacLearner(3, { kind: 'discrete', count: 4 }, tiny);
    const box = createSacLearner(3, { kind: 'box', size: 2 }, tiny);
    const v1 = createSacLearner(3, { kind: 'box', size: 2 }, { ...tiny, variant: 'sac-v1' });
    expect(discrete).toBeInstanceOf(DiscreteSacLearner);
    expect(box).toBeInstanceOf(SacLearner);
    expect(box).not.toBeInstanceOf(SacV1Learner);
    expect(v1).toBeInstanceOf(SacV1Learner);
    for (const l of [discrete, box, v1]) l.dispose();
    expect(learnerActionSize({ kind: 'discrete', count: 4 })).toBe(1);
    expect(learnerActionSize({ kind: 'box', size: 6 })).toBe(6);
  });

  it('rejects an unknown space kind and invalid configs', () => {
    expect(() => createSacLearner(3, { kind: 'multi' } as never, tiny)).toThrow('sac: action space kind must be "box" or "discrete", received "multi"');
    expect(() => createSacLearner(3, { kind: 'box', size: 2 }, { ...tiny, numCritics: 0 })).toThrow('numCritics must be an integer in [1, 10], received 0');
  });
});
