// N Q-networks (or value networks) of identical shape, evaluated together; the minimum over members is the SAC target.
import * as tf from '@tensorflow/tfjs';
import type { Activation, CriticEnsembleMode, WeightInit } from './config.js';
import { stackedDense, type GradientNeed, type StackedDenseParams } from './dense.js';
import { initDenseLayer } from './init.js';
import { Mlp, uniqueVariableName } from './mlp.js';
import type { Rng } from '@rapier-gym/envs';

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
  /** "unrolled" (default), "batched", or "auto" (see resolveEnsembleMode). */
  mode?: CriticEnsembleMode;
}

/**
 * "auto" picks "batched" (one batched matmul per layer for all members, leading ensemble axis) on backends with real
 * batched kernels (tensorflow, webgl, webgpu), and "unrolled" (one 2-D matmul chain per member) on wasm and cpu: there a
 * batched matMul of 2×256×256×256 took 28.9 ms against 2.4 ms for two 2-D matmuls, because tfjs-wasm's BatchMatMul uses
 * XNNPACK only for batch 1 (measured here, Node 20, tfjs 4.22); a whole update with batched critics on wasm took
 * ~320 ms against ~40 ms unrolled (tools/bench sac-update --ensemble batched).
 */
export function resolveEnsembleMode(mode: CriticEnsembleMode, backend: string = tf.getBackend()): 'batched' | 'unrolled' {
  if (mode !== 'auto') return mode;
  return backend === 'wasm' || backend === 'cpu' ? 'unrolled' : 'batched';
}

/** Both modes hold the same parameters (drawn from the rng in the same order) and compute the same function. */
export class CriticEnsemble {
  readonly mode: 'batched' | 'unrolled';
  /** Per-member networks ("unrolled" mode; empty when batched). */
  readonly members: Mlp[];
  /** Per-layer stacked parameters ("batched" mode; empty when unrolled). */
  readonly stacked: StackedDenseParams[];
  private readonly count: number;
  private readonly activation: Activation;

  constructor(options: CriticEnsembleOptions) {
    const { members, inputSize, hiddenSizes, outputSize, activation, init, rng, name, trainable = true, mode = 'unrolled' } = options;
    if (!Number.isInteger(members) || members < 1 || members > 10) {
      throw new Error(`critic ensemble ${name}: members must be an integer in [1, 10], received ${members}`);
    }
    this.count = members;
    this.activation = activation;
    this.mode = resolveEnsembleMode(mode);
    const sizes = [inputSize, ...hiddenSizes, outputSize];
    if (this.mode === 'unrolled') {
      this.members = Array.from({ length: members }, (_, i) => new Mlp({ sizes, activation, init, rng, name: `${name}${i}`, trainable }));
      this.stacked = [];
      return;
    }
    this.members = [];
    // Same draw order as the unrolled mode: member by member, layer by layer.
    const drawn = Array.from({ length: members }, () => sizes.slice(1).map((fanOut, l) => initDenseLayer(init, sizes[l]!, fanOut, rng)));
    this.stacked = tf.tidy(() =>
      sizes.slice(1).map((fanOut, l) => {
        const fanIn = sizes[l]!;
        const weights = new Float32Array(members * fanIn * fanOut);
        const bias = new Float32Array(members * fanOut);
        drawn.forEach((layers, n) => {
          weights.set(layers[l]!.weights, n * fanIn * fanOut);
          bias.set(layers[l]!.bias, n * fanOut);
        });
        return {
          weights: tf.variable(tf.tensor3d(weights, [members, fanIn, fanOut]), trainable, uniqueVariableName(`${name}_w${l}`)),
          bias: tf.variable(tf.tensor3d(bias, [members, 1, fanOut]), trainable, uniqueVariableName(`${name}_b${l}`)),
        };
      }),
    );
  }

  get size(): number {
    return this.count;
  }

  /** Batched mode: all members' outputs as [N, B, outputSize]. */
  private forwardBatched(x: tf.Tensor2D, train: GradientNeed): tf.Tensor3D {
    let h: tf.Tensor2D | tf.Tensor3D = x;
    this.stacked.forEach((layer, i) => {
      const last = i === this.stacked.length - 1;
      let need: GradientNeed = train;
      if (train === 'weights' && i > 0) need = 'both';
      h = stackedDense(h, layer, last ? 'linear' : this.activation, need);
    });
    return h as unknown as tf.Tensor3D;
  }

  /** Each member's output, [B, outputSize] each. */
  forwardEach(x: tf.Tensor2D, train: GradientNeed = 'none'): tf.Tensor2D[] {
    if (this.mode === 'unrolled') return this.members.map((m) => m.forward(x, train));
    return tf.unstack(this.forwardBatched(x, train), 0) as tf.Tensor2D[];
  }

  /** Members side by side, [B, N] (for outputSize 1). */
  forwardStacked(x: tf.Tensor2D, train: GradientNeed = 'none'): tf.Tensor2D {
    if (this.mode === 'batched') {
      const y = this.forwardBatched(x, train);
      return tf.transpose(tf.reshape(y, [this.count, -1])) as tf.Tensor2D;
    }
    const outputs = this.forwardEach(x, train);
    return outputs.length === 1 ? outputs[0]! : tf.concat(outputs, 1);
  }

  /** Elementwise minimum over members, [B, outputSize] (clipped double-Q, Fujimoto et al. 2018; SAC arXiv 1812.05905 §4.2). */
  minimum(x: tf.Tensor2D, train: GradientNeed = 'none'): tf.Tensor2D {
    if (this.mode === 'batched') return tf.min(this.forwardBatched(x, train), 0) as tf.Tensor2D;
    return minimumOf(this.forwardEach(x, train));
  }

  variables(): tf.Variable[] {
    if (this.mode === 'batched') return this.stacked.flatMap((l) => [l.weights, l.bias]);
    return this.members.flatMap((m) => m.variables());
  }

  copyFrom(source: CriticEnsemble): void {
    this.polyakFrom(source, 1);
  }

  /** target ← τ·source + (1 − τ)·target for every parameter. */
  polyakFrom(source: CriticEnsemble, tau: number): void {
    if (source.mode !== this.mode || source.size !== this.size) {
      throw new Error(`critic ensemble: cannot average a ${source.mode} ensemble of ${source.size} into a ${this.mode} one of ${this.size}`);
    }
    tf.tidy(() => {
      const own = this.variables();
      source.variables().forEach((v, i) => {
        const target = own[i]!;
        target.assign(tau === 1 ? v : tf.add(target, tf.mul(tf.sub(v, target), tau)));
      });
    });
  }

  dispose(): void {
    for (const v of this.variables()) v.dispose();
  }
}

/** Elementwise minimum of same-shaped tensors. */
export function minimumOf(tensors: tf.Tensor2D[]): tf.Tensor2D {
  return tensors.reduce((a, b) => tf.minimum(a, b));
}
