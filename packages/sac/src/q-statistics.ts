// Mean Q of the online critics on a batch: a diagnostic for metrics rows (no gradients, no randomness).
import * as tf from '@tensorflow/tfjs';
import type { AnySacLearner } from './create-learner.js';
import { DiscreteSacLearner } from './discrete-sac-learner.js';
import type { TransitionBatch } from './replay-buffer.js';

/** mean over critics and rows of Q_i(s, a) for the batch's state-action pairs. */
export function meanQ(learner: AnySacLearner, batch: TransitionBatch): number {
  const n = batch.size;
  const o = learner.spec.observationSize;
  const value = tf.tidy(() => {
    const obs = tf.tensor2d(batch.observations, [n, o]);
    if (learner instanceof DiscreteSacLearner) {
      const count = learner.spec.actionCount;
      const mask = tf.oneHot(tf.tensor1d(Int32Array.from(batch.actions), 'int32'), count);
      const perCritic = learner.critics.forwardEach(obs).map((q) => tf.mean(tf.sum(tf.mul(q, mask), 1)));
      return tf.mean(tf.stack(perCritic));
    }
    const a = learner.spec.actionSize;
    return tf.mean(learner.critics.forwardStacked(tf.concat([obs, tf.tensor2d(batch.actions, [n, a])], 1)));
  });
  const result = value.dataSync()[0]!;
  value.dispose();
  return result;
}
