// Tests that exporting and importing a learner's state resumes training exactly, and that mismatches are reported.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SacConfig } from './config.js';
import { createSacLearner, type LearnerActionSpace } from './create-learner.js';
import { ReplayBuffer } from './replay-buffer.js';
import { Rng } from '@rapier-gym/envs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const O = 3;
const tiny: Partial<SacConfig> = { actorHiddenSizes: [6], criticHiddenSizes: [6], actorUpdateInterval: 2, targetUpdateInterval: 2 };

function buffer(action: LearnerActionSpace): ReplayBuffer {
  const rng = new Rng(5);
  const size = action.kind === 'box' ? action.size : 1;
  const b = new ReplayBuffer({ capacity: 32, observationSize: O, actionSize: size });
  for (let i = 0; i < 32; i++) {
    b.add({
      observation: rng.fillUniform(new Float32Array(O), -1, 1),
      action: action.kind === 'box' ? rng.fillUniform(new Float32Array(size), -1, 1) : [rng.integer(action.count)],
      reward: rng.uniform(),
      nextObservation: rng.fillUniform(new Float32Array(O), -1, 1),
      terminated: i % 5 === 0,
    });
  }
  return b;
}

const cases: [string, LearnerActionSpace, Partial<SacConfig>][] = [
  ['sac', { kind: 'box', size: 2 }, {}],
  ['sac-v1', { kind: 'box', size: 2 }, { variant: 'sac-v1' }],
  ['sac-discrete', { kind: 'discrete', count: 3 }, {}],
];

describe('learner state', () => {
  for (const [kind, action, extra] of cases) {
    it(`${kind}: a learner restored from a checkpoint continues exactly like the original`, () => {
      const data = buffer(action);
      const original = createSacLearner(O, action, { ...tiny, ...extra, seed: 1 });
      const rng = new Rng(2);
      for (let i = 0; i < 3; i++) original.update(data.sample(8, rng));
      const state = original.exportState();
      expect(state.kind).toBe(kind);
      const restored = createSacLearner(O, action, { ...tiny, ...extra, seed: 99 });
      restored.importState(state);
      expect(restored.steps).toEqual(original.steps);
      for (let i = 0; i < 3; i++) {
        const batch = data.sample(8, rng);
        const a = original.update(batch);
        const b = restored.update(batch);
        expect(b).toEqual(a);
      }
      expect(restored.exportState().tensors).toEqual(original.exportState().tensors);
      original.dispose();
      restored.dispose();
    });
  }

  it('rejects a state from a different kind or shape with a clear message', () => {
    const box = createSacLearner(O, { kind: 'box', size: 2 }, tiny);
    const three = createSacLearner(O, { kind: 'box', size: 2 }, { ...tiny, numCritics: 3 });
    const v1 = createSacLearner(O, { kind: 'box', size: 2 }, { ...tiny, variant: 'sac-v1' });
    expect(() => three.importState(box.exportState())).toThrow(/learner state: expected \d+ tensors and 6 counters, received \d+ and 6/);
    expect(() => v1.importState(box.exportState())).toThrow('learner state: kind must be "sac-v1", received "sac"');
    expect(() => box.importState({ ...box.exportState(), format: 'other' as never })).toThrow(
      'learner state: format must be "rapier-gym-sac-state/1", received "other"',
    );
    const wide = createSacLearner(O, { kind: 'box', size: 2 }, { ...tiny, actorHiddenSizes: [7] });
    expect(() => wide.importState(box.exportState())).toThrow(/learner state: tensor 0 \(policy_trunk_w0_\d+\) must have shape \[3, 7\], received \[3, 6\]/);
    for (const l of [box, three, v1, wide]) l.dispose();
  });
});
