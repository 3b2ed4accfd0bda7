// Picks the SAC learner for an action space: discrete SAC for Discrete, SAC or SAC v1 (by `variant`) for Box.
import type { SacConfig } from './config.js';
import { resolveSacConfig } from './config.js';
import { DiscreteSacLearner } from './discrete-sac-learner.js';
import { SacLearner } from './sac-learner.js';
import { SacV1Learner } from './sac-v1-learner.js';

/** The action space as the learner sees it: a Box of `size` dimensions (normalised to [−1, 1]) or `count` choices. */
export type LearnerActionSpace = { kind: 'box'; size: number } | { kind: 'discrete'; count: number };

export type AnySacLearner = SacLearner | SacV1Learner | DiscreteSacLearner;

/** Builds the learner the configuration and action space call for; the replay buffer's actionSize is `learnerActionSize`. */
export function createSacLearner(observationSize: number, action: LearnerActionSpace, config: Partial<SacConfig> = {}): AnySacLearner {
  const resolved = resolveSacConfig(config);
  if (action.kind === 'discrete') return new DiscreteSacLearner({ observationSize, actionCount: action.count }, resolved);
  if (action.kind !== 'box') {
    throw new Error(`sac: action space kind must be "box" or "discrete", received "${(action as { kind: unknown }).kind}"`);
  }
  const spec = { observationSize, actionSize: action.size };
  return resolved.variant === 'sac-v1' ? new SacV1Learner(spec, resolved) : new SacLearner(spec, resolved);
}

/** Floats per stored action: the Box dimension, or 1 (the index) for Discrete. */
export function learnerActionSize(action: LearnerActionSpace): number {
  return action.kind === 'box' ? action.size : 1;
}
