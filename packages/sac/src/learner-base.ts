// What every SAC learner shares: critics and their targets, the three optimisers, α, the update schedule, metrics and checkpoint parts.
import * as tf from '@tensorflow/tfjs';
import { Rng } from '@rapier-gym/envs';
import type { SacConfig } from './config.js';
import { CriticEnsemble } from './critic-ensemble.js';
import { EntropyTemperature } from './entropy-temperature.js';
import { FlatAdam } from './flat-adam.js';
import { adamOptions, assertFiniteLosses, uploadBatch, type BatchTensors, type SacUpdateMetrics } from './learner-common.js';
import { exportLearnerState, importLearnerState, type LearnerState, type LearnerStateParts } from './learner-state.js';
import type { TransitionBatch } from './replay-buffer.js';
import { actorStepsDue, targetUpdateDue } from './update-schedule.js';

/** Loss scalars one update keeps until its metrics are read (each owned by the update, disposed after reading). */
export interface LossScalars {
  critic?: tf.Scalar;
  value?: tf.Scalar;
  actor?: tf.Scalar;
  alpha?: tf.Scalar;
  meanLogProb?: tf.Scalar;
}

/** A policy network as the shared machinery sees it: trainable variables and disposal. */
export interface PolicyNetwork {
  variables(): tf.Variable[];
  dispose(): void;
}

/** What a learner variant builds (with the learner's generator, before the critics draw their weights). */
export interface LearnerParts<P extends PolicyNetwork> {
  kind: LearnerState['kind'];
  policy: P;
  /** Critic input and output widths: [obs, action] → 1 (continuous) or obs → |A| (discrete). */
  criticInputSize: number;
  criticOutputSize: number;
  /** Names of the online and target critic variables. */
  criticNames: [string, string];
  /** Whether the critics have Polyak targets (sac-v1 bootstraps from a target value network instead). */
  targetCritics: boolean;
  targetEntropy: number;
  observationSize: number;
  /** Floats per stored action in a batch: |A| for Box, 1 (the index) for Discrete. */
  batchActionSize: number;
}

/**
 * The learner skeleton. Each `update(batch)` is one critic step; every `actorUpdateInterval`-th critic step runs that
 * many actor and α steps on the same batch (delayed updates with compensation), then a variant's auxiliary step, and
 * every `targetUpdateInterval`-th one a Polyak target update. Variants supply the critic target, the critic loss and
 * the actor loss.
 */
export abstract class SacLearnerBase<P extends PolicyNetwork> {
  readonly config: SacConfig;
  readonly policy: P;
  readonly critics: CriticEnsemble;
  readonly targetCritics: CriticEnsemble | undefined;
  readonly temperature: EntropyTemperature;
  protected readonly actorOptimizer: FlatAdam;
  protected readonly criticOptimizer: FlatAdam;
  protected readonly rng: Rng;
  protected counts = { criticSteps: 0, actorSteps: 0, targetUpdates: 0 };
  private readonly kind: LearnerState['kind'];
  private readonly observationSize: number;
  private readonly batchActionSize: number;

  /** `build` makes the policy with the learner's generator; the critics, optimisers and α follow in that order. */
  protected constructor(config: SacConfig, build: (rng: Rng) => LearnerParts<P>) {
    this.config = config;
    const c = config;
    this.rng = new Rng(c.seed);
    const parts = build(this.rng);
    this.kind = parts.kind;
    this.observationSize = parts.observationSize;
    this.batchActionSize = parts.batchActionSize;
    this.policy = parts.policy;
    const criticOptions = { members: c.numCritics, inputSize: parts.criticInputSize, hiddenSizes: c.criticHiddenSizes, outputSize: parts.criticOutputSize, activation: c.activation, init: c.init, rng: this.rng, mode: c.criticEnsemble };
    this.critics = new CriticEnsemble({ ...criticOptions, name: parts.criticNames[0] });
    if (parts.targetCritics) {
      this.targetCritics = new CriticEnsemble({ ...criticOptions, name: parts.criticNames[1], trainable: false });
      this.targetCritics.copyFrom(this.critics);
    } else {
      this.targetCritics = undefined;
    }
    this.actorOptimizer = new FlatAdam(this.policy.variables(), adamOptions(c, c.actorLr));
    this.criticOptimizer = new FlatAdam(this.critics.variables(), adamOptions(c, c.criticLr));
    this.temperature = new EntropyTemperature(c.alpha, c.initialAlpha, parts.targetEntropy, adamOptions(c, c.alphaLr));
  }

  /** Cumulative step counts. */
  get steps(): Readonly<{ criticSteps: number; actorSteps: number; targetUpdates: number }> {
    return { ...this.counts };
  }

  /** The critic regression target y for the batch (no gradients; call inside tf.tidy). */
  abstract criticTarget(batch: BatchTensors, alpha: tf.Scalar): tf.Tensor2D;

  /** The critics' loss against `target`, computed inside the critics' gradient scope. */
  protected abstract criticLoss(batch: BatchTensors, target: tf.Tensor2D): tf.Scalar;

  /** The policy loss and the batch mean of log π, computed inside the policy's gradient scope. */
  abstract actorLoss(observations: tf.Tensor2D, alpha: tf.Scalar, noise?: Float32Array): { loss: tf.Scalar; meanLogProb: tf.Scalar };

  /** One Adam step of all critics; returns the loss (kept; the caller disposes it). */
  criticStep(batch: BatchTensors): tf.Scalar {
    return tf.tidy(() => {
      const target = this.criticTarget(batch, this.temperature.value());
      const { value, grads } = tf.variableGrads(() => this.criticLoss(batch, target), this.critics.variables());
      this.criticOptimizer.apply(grads);
      this.counts.criticSteps += 1;
      return value;
    });
  }

  /** One Adam step of the policy (critics untouched), then one of α when tuned. Returned scalars are kept for the caller. */
  actorStep(observations: tf.Tensor2D, noise?: Float32Array): { actorLoss: tf.Scalar; meanLogProb: tf.Scalar; alphaLoss: tf.Scalar | undefined } {
    return tf.tidy(() => {
      const alpha = this.temperature.value();
      let meanLogProb: tf.Scalar | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const out = this.actorLoss(observations, alpha, noise);
        meanLogProb = tf.keep(out.meanLogProb);
        return out.loss;
      }, this.policy.variables());
      this.actorOptimizer.apply(grads);
      const alphaLoss = this.temperature.step(meanLogProb!);
      this.counts.actorSteps += 1;
      // meanLogProb escaped the gradient scope through tf.keep; returning a clone hands ownership to the caller's scope.
      const result = { actorLoss: value, meanLogProb: tf.clone(meanLogProb!), alphaLoss };
      meanLogProb!.dispose();
      return result;
    });
  }

  /** One gradient step of the critics, plus the actor/α/auxiliary/target steps the schedule asks for. Throws NonFiniteLossError. */
  update(batch: TransitionBatch): SacUpdateMetrics {
    const c = this.config;
    const scalars: LossScalars = {};
    tf.tidy(() => {
      const tensors = uploadBatch(batch, this.observationSize, this.batchActionSize);
      scalars.critic = tf.keep(this.criticStep(tensors));
      const actorSteps = actorStepsDue(this.counts.criticSteps, c.actorUpdateInterval);
      for (let k = 0; k < actorSteps; k++) {
        const step = this.actorStep(tensors.observations);
        for (const t of [scalars.actor, scalars.alpha, scalars.meanLogProb]) t?.dispose();
        scalars.actor = tf.keep(step.actorLoss);
        scalars.meanLogProb = tf.keep(step.meanLogProb);
        scalars.alpha = step.alphaLoss ? tf.keep(step.alphaLoss) : undefined;
      }
      scalars.value = this.auxiliaryStep(tensors);
      if (targetUpdateDue(this.counts.criticSteps, c.targetUpdateInterval)) {
        this.updateTargets();
        this.counts.targetUpdates += 1;
      }
    });
    return this.readMetrics(scalars);
  }

  /** Extra per-update step of a variant (sac-v1: the value network); returns its loss, kept. */
  protected auxiliaryStep(batch: BatchTensors): tf.Scalar | undefined {
    void batch;
    return undefined;
  }

  /** Polyak update of the target networks (arXiv 1812.05905 §4.2). */
  protected updateTargets(): void {
    this.targetCritics?.polyakFrom(this.critics, this.config.tau);
  }

  /** Reads the kept scalars in one download, disposes them, and checks every loss is finite. */
  protected readMetrics(scalars: LossScalars): SacUpdateMetrics {
    const list = [scalars.critic, scalars.actor, scalars.alpha, scalars.meanLogProb, scalars.value];
    const values = tf.tidy(() => tf.stack([...list.map((t) => t ?? tf.scalar(Number.NaN)), this.temperature.value()]));
    const data = values.dataSync();
    values.dispose();
    for (const t of list) t?.dispose();
    const metrics: SacUpdateMetrics = {
      criticLoss: data[0]!,
      actorLoss: scalars.actor ? data[1] : undefined,
      alphaLoss: scalars.alpha ? data[2] : undefined,
      valueLoss: scalars.value ? data[4] : undefined,
      entropy: scalars.meanLogProb ? -data[3]! : undefined,
      alpha: data[5]!,
      ...this.counts,
    };
    assertFiniteLosses(
      { 'critic loss': metrics.criticLoss, 'actor loss': metrics.actorLoss, 'alpha loss': metrics.alphaLoss, 'value loss': metrics.valueLoss },
      this.counts.criticSteps,
    );
    return metrics;
  }

  /** Variables and optimisers a checkpoint carries, in a fixed order (variants append theirs). */
  protected stateParts(): LearnerStateParts {
    return {
      kind: this.kind,
      config: this.config,
      variables: [
        ...this.policy.variables(),
        ...this.critics.variables(),
        ...(this.targetCritics?.variables() ?? []),
        ...this.actorOptimizer.momentVariables(),
        ...this.criticOptimizer.momentVariables(),
        ...this.temperature.stateVariables(),
      ],
      optimizers: [this.actorOptimizer, this.criticOptimizer, ...this.temperature.optimizers()],
      counts: this.counts,
      rng: this.rng,
    };
  }

  /** Full training state for checkpoints (weights, targets, Adam moments and steps, α, counters, RNG). */
  exportState(): LearnerState {
    return exportLearnerState(this.stateParts());
  }

  /** Restores a state exported by a learner of the same kind and shapes. */
  importState(state: LearnerState): void {
    this.counts = importLearnerState(this.stateParts(), state);
  }

  dispose(): void {
    this.policy.dispose();
    this.critics.dispose();
    this.targetCritics?.dispose();
    this.actorOptimizer.dispose();
    this.criticOptimizer.dispose();
    this.temperature.dispose();
  }
}
