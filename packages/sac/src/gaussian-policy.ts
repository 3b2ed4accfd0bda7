// The continuous actor: an MLP trunk with joint or separate mean/log-std heads, bounded log σ, squashed Gaussian output.
import * as tf from '@tensorflow/tfjs';
import type { Activation, LogStdMode, PolicyHead, SacConfig } from './config.js';
import type { GradientNeed } from './dense.js';
import { Mlp, type DenseWeights } from './mlp.js';
import type { Rng } from '@rapier-gym/envs';
import { boundLogStd } from './squashed-gaussian.js';

/** The policy's sizes and generator, plus the SAC settings that shape it (documented in SAC_CONFIG_SCHEMA). */
export interface GaussianPolicyOptions extends Pick<SacConfig, 'activation' | 'init' | 'policyHead' | 'logStdMode' | 'logStdMin' | 'logStdMax'> {
  observationSize: number;
  actionSize: number;
  hiddenSizes: number[];
  rng: Rng;
  name?: string;
}

/** Everything the plain-JS actor needs: layer weights and the head / log-std settings. */
export interface GaussianPolicyWeights {
  trunk: DenseWeights[];
  /** One layer of width 2|A| (joint: first |A| columns mean, last |A| log-std) or [mean layer, log-std layer]. */
  heads: DenseWeights[];
  policyHead: PolicyHead;
  activation: Activation;
  logStdMode: LogStdMode;
  logStdMin: number;
  logStdMax: number;
  actionSize: number;
}

export class GaussianPolicy {
  readonly trunk: Mlp;
  readonly heads: Mlp[];
  readonly options: Omit<GaussianPolicyOptions, 'rng'>;

  constructor(options: GaussianPolicyOptions) {
    const { observationSize, actionSize, hiddenSizes, activation, init, policyHead, rng, name = 'policy' } = options;
    const { rng: _rng, ...rest } = options;
    void _rng;
    this.options = rest;
    this.trunk = new Mlp({ sizes: [observationSize, ...hiddenSizes], activation, init, rng, name: `${name}_trunk`, activateOutput: true });
    const width = hiddenSizes[hiddenSizes.length - 1]!;
    this.heads =
      policyHead === 'joint'
        ? [new Mlp({ sizes: [width, 2 * actionSize], activation, init, rng, name: `${name}_head` })]
        : [
            new Mlp({ sizes: [width, actionSize], activation, init, rng, name: `${name}_mean` }),
            new Mlp({ sizes: [width, actionSize], activation, init, rng, name: `${name}_logstd` }),
          ];
  }

  get actionSize(): number {
    return this.options.actionSize;
  }

  /** Mean and bounded log σ of the pre-squash Gaussian, [B, |A|] each. `train` "weights" when training the policy. */
  distribution(observations: tf.Tensor2D, train: 'none' | 'weights' = 'none'): { mean: tf.Tensor2D; logStd: tf.Tensor2D } {
    const headNeed: GradientNeed = train === 'weights' ? 'both' : 'none';
    const features = this.trunk.forward(observations, train);
    const { actionSize, logStdMode, logStdMin, logStdMax } = this.options;
    let mean: tf.Tensor2D;
    let rawLogStd: tf.Tensor2D;
    if (this.heads.length === 1) {
      const joint = this.heads[0]!.forward(features, headNeed);
      [mean, rawLogStd] = tf.split(joint, [actionSize, actionSize], 1) as [tf.Tensor2D, tf.Tensor2D];
    } else {
      mean = this.heads[0]!.forward(features, headNeed);
      rawLogStd = this.heads[1]!.forward(features, headNeed);
    }
    return { mean, logStd: boundLogStd(rawLogStd, logStdMode, logStdMin, logStdMax) };
  }

  variables(): tf.Variable[] {
    return [...this.trunk.variables(), ...this.heads.flatMap((h) => h.variables())];
  }

  weightMatrices(): tf.Variable[] {
    return [...this.trunk.weightMatrices(), ...this.heads.flatMap((h) => h.weightMatrices())];
  }

  exportWeights(): GaussianPolicyWeights {
    const { policyHead, activation, logStdMode, logStdMin, logStdMax, actionSize } = this.options;
    return {
      trunk: this.trunk.exportWeights(),
      heads: this.heads.map((h) => h.exportWeights()[0]!),
      policyHead,
      activation,
      logStdMode,
      logStdMin,
      logStdMax,
      actionSize,
    };
  }

  dispose(): void {
    this.trunk.dispose();
    for (const h of this.heads) h.dispose();
  }
}
