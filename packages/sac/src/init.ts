// Weight initialisers: Xavier/Glorot uniform with zero bias (TF1 implementations) and PyTorch nn.Linear's default.
import type { WeightInit } from './config.js';
import type { Rng } from '@rapier-gym/envs';

/** Initial weights (row-major [fanIn, fanOut]) and bias ([fanOut]) of one dense layer. */
export function initDenseLayer(
  scheme: WeightInit,
  fanIn: number,
  fanOut: number,
  rng: Rng,
): { weights: Float32Array; bias: Float32Array } {
  const weights = new Float32Array(fanIn * fanOut);
  const bias = new Float32Array(fanOut);
  if (scheme === 'xavier') {
    // Glorot & Bengio (2010) eq. 16: U(−√(6/(fan_in+fan_out)), +√(6/(fan_in+fan_out))); biases zero.
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    rng.fillUniform(weights, -limit, limit);
  } else {
    // torch.nn.Linear.reset_parameters: kaiming_uniform_(a=√5) gives U(±1/√fan_in) for weights; bias U(±1/√fan_in).
    const bound = 1 / Math.sqrt(fanIn);
    rng.fillUniform(weights, -bound, bound);
    rng.fillUniform(bias, -bound, bound);
  }
  return { weights, bias };
}
