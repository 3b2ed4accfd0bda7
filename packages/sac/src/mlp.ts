// Multi-layer perceptron held in tf.Variables: forward passes with chosen gradients, copies, Polyak averaging, export.
import * as tf from '@tensorflow/tfjs';
import type { Activation, WeightInit } from './config.js';
import { dense, type DenseParams, type GradientNeed } from './dense.js';
import { initDenseLayer } from './init.js';
import type { Rng } from '@rapier-gym/envs';

let variableCounter = 0;
/**
 * tf.variableGrads keys gradients by variable name, so every variable gets a name not yet registered with the engine
 * (checked against the engine, so two copies of this module in one process cannot collide).
 */
export function uniqueVariableName(prefix: string): string {
  const registered = tf.engine().registeredVariables;
  let name: string;
  do {
    variableCounter += 1;
    name = `${prefix}_${variableCounter}`;
  } while (name in registered);
  return name;
}

/** Plain-array copy of one layer (row-major weights [in, out]). */
export interface DenseWeights {
  inputSize: number;
  outputSize: number;
  weights: Float32Array;
  bias: Float32Array;
}

export interface MlpOptions {
  /** Layer widths including input and output, e.g. [17, 256, 256, 1]. */
  sizes: number[];
  activation: Activation;
  init: WeightInit;
  rng: Rng;
  name: string;
  /** Apply the activation to the output layer too (a trunk feeding heads); default false (linear output). */
  activateOutput?: boolean;
  /** Target networks are not trainable. */
  trainable?: boolean;
}

export class Mlp {
  readonly layers: DenseParams[];
  readonly sizes: number[];
  readonly activation: Activation;
  readonly activateOutput: boolean;

  constructor(options: MlpOptions) {
    const { sizes, activation, init, rng, name, activateOutput = false, trainable = true } = options;
    if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
      throw new Error(`mlp ${name}: sizes must be at least two positive integers, received [${sizes.join(', ')}]`);
    }
    this.sizes = [...sizes];
    this.activation = activation;
    this.activateOutput = activateOutput;
    this.layers = tf.tidy(() =>
      sizes.slice(1).map((fanOut, i) => {
        const fanIn = sizes[i]!;
        const { weights, bias } = initDenseLayer(init, fanIn, fanOut, rng);
        return {
          weights: tf.variable(tf.tensor2d(weights, [fanIn, fanOut]), trainable, uniqueVariableName(`${name}_w${i}`)),
          bias: tf.variable(tf.tensor1d(bias), trainable, uniqueVariableName(`${name}_b${i}`)),
        };
      }),
    );
  }

  get inputSize(): number {
    return this.sizes[0]!;
  }

  get outputSize(): number {
    return this.sizes[this.sizes.length - 1]!;
  }

  /**
   * Forward pass. `train`: "none" (no gradients), "weights" (train this network on data input), "input" (this network is
   * a constant and the gradient flows into its input), "both" (train it and pass the gradient to its input).
   */
  forward(x: tf.Tensor2D, train: GradientNeed = 'none'): tf.Tensor2D {
    let h = x;
    this.layers.forEach((layer, i) => {
      const last = i === this.layers.length - 1;
      const activation = last && !this.activateOutput ? 'linear' : this.activation;
      let need: GradientNeed = train;
      if (train === 'weights' && i > 0) need = 'both';
      if (train === 'both') need = 'both';
      h = dense(h, layer, activation, need);
    });
    return h;
  }

  variables(): tf.Variable[] {
    return this.layers.flatMap((l) => [l.weights, l.bias]);
  }

  /** Weight matrices only (for L2 on weights). */
  weightMatrices(): tf.Variable[] {
    return this.layers.map((l) => l.weights);
  }

  /** Hard copy of another network with the same sizes. */
  copyFrom(source: Mlp): void {
    this.polyakFrom(source, 1);
  }

  /** target ← τ·source + (1 − τ)·target for every parameter (Polyak averaging, arXiv 1812.05905 §4.2). */
  polyakFrom(source: Mlp, tau: number): void {
    tf.tidy(() => {
      const own = this.variables();
      source.variables().forEach((v, i) => {
        const target = own[i]!;
        if (tau === 1) target.assign(v);
        else target.assign(tf.add(target, tf.mul(tf.sub(v, target), tau)));
      });
    });
  }

  /** Copies every layer out of tfjs (used by the plain-JS actor and checkpoints). */
  exportWeights(): DenseWeights[] {
    return this.layers.map((l) => ({
      inputSize: l.weights.shape[0]!,
      outputSize: l.weights.shape[1]!,
      weights: Float32Array.from(l.weights.dataSync() as Float32Array),
      bias: Float32Array.from(l.bias.dataSync() as Float32Array),
    }));
  }

  /** Loads weights exported by `exportWeights` from a network of the same sizes. */
  importWeights(layers: DenseWeights[]): void {
    if (layers.length !== this.layers.length) {
      throw new Error(`mlp: expected ${this.layers.length} layers, received ${layers.length}`);
    }
    tf.tidy(() =>
      layers.forEach((l, i) => {
        const own = this.layers[i]!;
        if (l.inputSize !== own.weights.shape[0] || l.outputSize !== own.weights.shape[1]) {
          throw new Error(`mlp: layer ${i} must be ${own.weights.shape[0]}×${own.weights.shape[1]}, received ${l.inputSize}×${l.outputSize}`);
        }
        own.weights.assign(tf.tensor2d(l.weights, [l.inputSize, l.outputSize]));
        own.bias.assign(tf.tensor1d(l.bias));
      }),
    );
  }

  dispose(): void {
    for (const v of this.variables()) v.dispose();
  }
}
