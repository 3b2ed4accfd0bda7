// Pieces shared by the SAC learners: metrics, non-finite loss detection, entropy targets, batch upload.
import * as tf from '@tensorflow/tfjs';
import type { SacConfig } from './config.js';
import type { AdamOptions } from './flat-adam.js';
import type { TransitionBatch } from './replay-buffer.js';

/** What one `update` reports. Losses of parts that did not run in this update are undefined. */
export interface SacUpdateMetrics {
  criticLoss: number;
  actorLoss: number | undefined;
  alphaLoss: number | undefined;
  /** State-value loss (sac-v1 only). */
  valueLoss: number | undefined;
  /** α after this update. */
  alpha: number;
  /** −mean log π over the batch from the last actor step (undefined when no actor step ran). */
  entropy: number | undefined;
  /** Cumulative counts. */
  criticSteps: number;
  actorSteps: number;
  targetUpdates: number;
}

/** Thrown by `update` when a loss is NaN or infinite; the learner's weights should be considered corrupt. */
export class NonFiniteLossError extends Error {
  readonly loss: string;
  readonly value: number;
  readonly criticStep: number;
  constructor(loss: string, value: number, criticStep: number) {
    super(`sac update ${criticStep}: ${loss} is ${value} (expected a finite number); training diverged — lower the learning rates or check rewards/observations`);
    this.name = 'NonFiniteLossError';
    this.loss = loss;
    this.value = value;
    this.criticStep = criticStep;
  }
}

/** Throws NonFiniteLossError for the first non-finite entry. */
export function assertFiniteLosses(losses: Record<string, number | undefined>, criticStep: number): void {
  for (const [name, value] of Object.entries(losses)) {
    if (value !== undefined && !Number.isFinite(value)) throw new NonFiniteLossError(name, value, criticStep);
  }
}

/** Adam settings of one optimiser: the configured β1, β2, ε with its own learning rate. */
export function adamOptions(config: Pick<SacConfig, 'adamBeta1' | 'adamBeta2' | 'adamEpsilon'>, learningRate: number): AdamOptions {
  return { learningRate, beta1: config.adamBeta1, beta2: config.adamBeta2, epsilon: config.adamEpsilon };
}

/** Target entropy for continuous actions: the configured number, or −|A| (arXiv 1812.05905 §5). */
export function continuousTargetEntropy(config: Pick<SacConfig, 'targetEntropy'>, actionSize: number): number {
  return config.targetEntropy === 'auto' ? -actionSize : config.targetEntropy;
}

/** Target entropy for discrete actions: the configured number, or scale·log|A| (Christodoulou 2019, arXiv 1910.07207 §4). */
export function discreteTargetEntropy(config: Pick<SacConfig, 'targetEntropy' | 'targetEntropyScale'>, actionCount: number): number {
  return config.targetEntropy === 'auto' ? config.targetEntropyScale * Math.log(actionCount) : config.targetEntropy;
}

/** Batch tensors on the backend. `notTerminated` = 1 − terminated, the bootstrap mask. */
export interface BatchTensors {
  observations: tf.Tensor2D;
  actions: tf.Tensor2D;
  rewards: tf.Tensor2D;
  nextObservations: tf.Tensor2D;
  notTerminated: tf.Tensor2D;
}

/** Uploads a sampled batch (call inside tf.tidy). */
export function uploadBatch(batch: TransitionBatch, observationSize: number, actionSize: number): BatchTensors {
  const n = batch.size;
  if (batch.observations.length !== n * observationSize || batch.actions.length !== n * actionSize) {
    throw new Error(
      `sac update: batch of ${n} must have ${n * observationSize} observation and ${n * actionSize} action values, received ${batch.observations.length} and ${batch.actions.length}`,
    );
  }
  const notTerminated = new Float32Array(n);
  for (let i = 0; i < n; i++) notTerminated[i] = 1 - batch.terminated[i]!;
  return {
    observations: tf.tensor2d(batch.observations, [n, observationSize]),
    actions: tf.tensor2d(batch.actions, [n, actionSize]),
    rewards: tf.tensor2d(batch.rewards, [n, 1]),
    nextObservations: tf.tensor2d(batch.nextObservations, [n, observationSize]),
    notTerminated: tf.tensor2d(notTerminated, [n, 1]),
  };
}

/**
 * Soft Bellman target y = rewardScale·r + γ·(1 − terminated)·V(s′) (arXiv 1812.05905 eq. 2–3); V(s′) is given
 * (min over target critics minus α log π, or the target value network in sac-v1).
 */
export function softBellmanTarget(
  rewards: tf.Tensor2D,
  notTerminated: tf.Tensor2D,
  nextValue: tf.Tensor2D,
  gamma: number,
  rewardScale: number,
): tf.Tensor2D {
  const scaled = rewardScale === 1 ? rewards : tf.mul(rewards, rewardScale);
  return tf.add(scaled, tf.mul(tf.mul(notTerminated, nextValue), gamma));
}

/** Σ_i ½·mean((Q_i − y)²) over ensemble members given side by side as [B, N] (arXiv 1812.05905 eq. 5). */
export function ensembleTdLoss(q: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
  const members = q.shape[1]!;
  return tf.mul(tf.mean(tf.square(tf.sub(q, target))), 0.5 * members) as tf.Scalar;
}
