// Checkpoint state of a learner: every variable (networks, targets, Adam moments, log α), step counters and the RNG.
import * as tf from '@tensorflow/tfjs';
import type { SacConfig } from './config.js';
import type { FlatAdam } from './flat-adam.js';
import type { Rng } from '@rapier-gym/envs';

export const LEARNER_STATE_FORMAT = 'rapier-gym-sac-state/1';

/** Everything needed to resume training bit-for-bit (given the same replay buffer contents). */
export interface LearnerState {
  format: typeof LEARNER_STATE_FORMAT;
  kind: 'sac' | 'sac-v1' | 'sac-discrete';
  config: SacConfig;
  /** Variables in the learner's fixed order. */
  tensors: { shape: number[]; values: Float32Array }[];
  /** criticSteps, actorSteps, targetUpdates, then each optimiser's step count. */
  counters: number[];
  rng: number[];
}

/** What a learner hands to exportLearnerState / importLearnerState. */
export interface LearnerStateParts {
  kind: LearnerState['kind'];
  config: SacConfig;
  variables: tf.Variable[];
  optimizers: FlatAdam[];
  counts: { criticSteps: number; actorSteps: number; targetUpdates: number };
  rng: Rng;
}

export function exportLearnerState(parts: LearnerStateParts): LearnerState {
  return {
    format: LEARNER_STATE_FORMAT,
    kind: parts.kind,
    config: structuredClone(parts.config),
    tensors: parts.variables.map((v) => ({ shape: [...v.shape], values: Float32Array.from(v.dataSync() as Float32Array) })),
    counters: [parts.counts.criticSteps, parts.counts.actorSteps, parts.counts.targetUpdates, ...parts.optimizers.map((o) => o.steps)],
    rng: parts.rng.getState(),
  };
}

/** Loads a state into a learner built with the same kind and network shapes; returns the restored step counts. */
export function importLearnerState(parts: LearnerStateParts, state: LearnerState): { criticSteps: number; actorSteps: number; targetUpdates: number } {
  if (state.format !== LEARNER_STATE_FORMAT) {
    throw new Error(`learner state: format must be "${LEARNER_STATE_FORMAT}", received "${String(state.format)}"`);
  }
  if (state.kind !== parts.kind) throw new Error(`learner state: kind must be "${parts.kind}", received "${state.kind}"`);
  if (state.tensors.length !== parts.variables.length || state.counters.length !== 3 + parts.optimizers.length) {
    throw new Error(
      `learner state: expected ${parts.variables.length} tensors and ${3 + parts.optimizers.length} counters, received ${state.tensors.length} and ${state.counters.length} (different numCritics, alpha mode or variant?)`,
    );
  }
  parts.variables.forEach((v, i) => {
    const t = state.tensors[i]!;
    if (t.shape.length !== v.shape.length || t.shape.some((d, k) => d !== v.shape[k])) {
      throw new Error(`learner state: tensor ${i} (${v.name}) must have shape [${v.shape.join(', ')}], received [${t.shape.join(', ')}]`);
    }
  });
  tf.tidy(() => parts.variables.forEach((v, i) => v.assign(tf.tensor(state.tensors[i]!.values, v.shape))));
  parts.optimizers.forEach((o, i) => {
    o.steps = state.counters[3 + i]!;
  });
  parts.rng.setState(state.rng);
  return { criticSteps: state.counters[0]!, actorSteps: state.counters[1]!, targetUpdates: state.counters[2]! };
}
