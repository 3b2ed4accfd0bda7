// N Q-networks (or value networks) of identical shape, evaluated together; the minimum over members is the SAC target.
import * as tf from '@tensorflow/tfjs';
import type { Activation, WeightInit } from './config.js';
import type { GradientNeed } from './dense.js';
import { Mlp } from './mlp.js';
import type { Rng } from './rng.js';

export interface CriticEnsembleOptions {
  members: number;
  inputSize: number;
  hiddenSizes: number[];
  /** 1 for Q(s, a); |A| for discrete Q(s, ·). */
  outputSize: number;
  activation: Activation;
  init: WeightInit;
  rng: Rng;
  name: string;
  trainable?: boolean;
}

/**
 * The members are evaluated one 2-D matmul chain each. A single batched matmul with a leading ensemble dimension was
 * measured 12× slower than two 2-D matmuls on tfjs-wasm (256×256×256: 28.9 ms vs 2.4 ms), because the wasm BatchMatMul
 * kernel uses XNNPACK only for batch 1; so the ensemble dimension stays in the loop here.
 */
export class CriticEnsemble {
  readonly members: Mlp[];

  constructor(options: CriticEnsembleOptions) {
    const { members, inputSize, hiddenSizes, outputSize, activation, init, rng, name, trainable = true } = options;
    if (!Number.isInteger(members) || members < 1 || members > 10) {
      throw new Error(`critic ensemble ${name}: members must be an integer in [1, 10], received ${members}`);
    }
    this.members = Array.from(
      { length: members },
      (_, i) => new Mlp({ sizes: [inputSize, ...hiddenSizes, outputSize], activation, init, rng, name: `${name}${i}`, trainable }),
    );
  }

  get size(): number {
    return this.members.length;
  }

  /** Each member's output, [B, outputSize] each. */
  forwardEach(x: tf.Tensor2D, train: GradientNeed = 'none'): tf.Tensor2D[] {
    return this.members.map((m) => m.forward(x, train));
  }

  /** Members side by side, [B, N] (for outputSize 1). */
  forwardStacked(x: tf.Tensor2D, train: GradientNeed = 'none'): tf.Tensor2D {
    const outputs = this.forwardEach(x, train);
    return outputs.length === 1 ? outputs[0]! : tf.concat(outputs, 1);
  }

  /** Elementwise minimum over members, [B, outputSize] (clipped double-Q, Fujimoto et al. 2018; SAC arXiv 1812.05905 §4.2). */
  minimum(x: tf.Tensor2D, train: GradientNeed = 'none'): tf.Tensor2D {
    return minimumOf(this.forwardEach(x, train));
  }

  variables(): tf.Variable[] {
    return this.members.flatMap((m) => m.variables());
  }

  copyFrom(source: CriticEnsemble): void {
    this.members.forEach((m, i) => m.copyFrom(source.members[i]!));
  }

  polyakFrom(source: CriticEnsemble, tau: number): void {
    this.members.forEach((m, i) => m.polyakFrom(source.members[i]!, tau));
  }

  dispose(): void {
    for (const m of this.members) m.dispose();
  }
}

/** Elementwise minimum of same-shaped tensors. */
export function minimumOf(tensors: tf.Tensor2D[]): tf.Tensor2D {
  return tensors.reduce((a, b) => tf.minimum(a, b));
}
