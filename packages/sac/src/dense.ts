// Dense layers for tfjs training with hand-written gradients (non-transposed matmuls on wasm, where only those use XNNPACK).
import * as tf from '@tensorflow/tfjs';
import type { Activation } from './config.js';

/** A dense layer's parameters: weights [in, out] and bias [out]. */
export interface DenseParams {
  weights: tf.Variable;
  bias: tf.Variable;
}

/** Hidden activations plus "linear" for output layers. */
export type LayerActivation = Activation | 'linear';

/**
 * Which gradients a layer must produce: "none" (inference), "weights" (the input is data),
 * "input" (weights are constants, e.g. critics inside the actor loss), "both" (hidden layers being trained).
 */
export type GradientNeed = 'none' | 'weights' | 'input' | 'both';

function affine(x: tf.Tensor2D, layer: DenseParams, activation: LayerActivation): tf.Tensor2D {
  if (activation === 'tanh') {
    return tf.tanh(tf.fused.matMul({ a: x, b: layer.weights as tf.Tensor2D, bias: layer.bias })) as tf.Tensor2D;
  }
  return tf.fused.matMul({ a: x, b: layer.weights as tf.Tensor2D, bias: layer.bias, activation }) as tf.Tensor2D;
}

/** dL/dz from dL/dy and the layer output y = act(z). */
function activationGradient(dy: tf.Tensor2D, y: tf.Tensor2D, activation: LayerActivation): tf.Tensor2D {
  if (activation === 'relu') return tf.mul(dy, tf.step(y));
  if (activation === 'tanh') return tf.mul(dy, tf.sub(1, tf.square(y)));
  return dy;
}

/**
 * Σ over rows of a [B, out] matrix as the product 1ᵀ·dz: on tfjs-wasm a [1, 256]·[256, 256] matmul took 12 µs where
 * tf.sum(dz, 0) took 250 µs (measured here), and the bias gradient is needed for every trained layer.
 */
export function columnSums(m: tf.Tensor2D): tf.Tensor1D {
  return tf.reshape(tf.matMul(tf.ones([1, m.shape[0]]), m), [m.shape[1]]);
}

/**
 * a·b with a and/or b transposed (the last two axes). On wasm the operands are transposed explicitly, because
 * tfjs-wasm's matMul with transposeA/B leaves XNNPACK for a scalar loop (17 ms against 0.9 ms for 256³, measured here;
 * tfjs-notes pitfall 2); other backends (tensorflow/CUDA, cpu) take the transpose flags, saving a kernel each.
 */
export function matMulTransposed<T extends tf.Tensor2D | tf.Tensor3D>(a: T, b: T, transposeA: boolean, transposeB: boolean, backend: string = tf.getBackend()): T {
  if (backend !== 'wasm') return tf.matMul(a, b, transposeA, transposeB) as T;
  const swap = (t: T): T => tf.transpose(t, t.rank === 3 ? [0, 2, 1] : [1, 0]) as T;
  return tf.matMul(transposeA ? swap(a) : a, transposeB ? swap(b) : b) as T;
}

/**
 * y = act(x·W + b). Backward: dz = dy ⊙ act'(z); dW = xᵀ·dz; db = 1ᵀ·dz; dx = dz·Wᵀ, with the transposes done as
 * `matMulTransposed` says.
 * Only the gradients named by `need` are computed; constants are closed over rather than passed as inputs.
 */
export function dense(x: tf.Tensor2D, layer: DenseParams, activation: LayerActivation, need: GradientNeed): tf.Tensor2D {
  if (need === 'none') return affine(x, layer, activation);
  const needInput = need === 'input' || need === 'both';
  const needWeights = need === 'weights' || need === 'both';
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const input = (needInput ? args[0] : x) as tf.Tensor2D;
    const weights = (needWeights ? args[needInput ? 1 : 0] : layer.weights) as tf.Tensor2D;
    const bias = needWeights ? (args[needInput ? 2 : 1] as tf.Tensor) : layer.bias;
    const value = affine(input, { weights, bias } as DenseParams, activation);
    // The engine disposes forward intermediates before gradFunc runs (tfjs-notes pitfall 3): keep them via save().
    save(needWeights ? [value, input] : [value]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const dz = activationGradient(dy as tf.Tensor2D, saved[0] as tf.Tensor2D, activation);
        const grads: tf.Tensor[] = [];
        if (needInput) grads.push(matMulTransposed(dz, weights, false, true));
        if (needWeights) {
          grads.push(matMulTransposed(saved[1] as tf.Tensor2D, dz, true, false));
          grads.push(columnSums(dz));
        }
        return grads;
      },
    };
  });
  const inputs: tf.Tensor[] = [];
  if (needInput) inputs.push(x);
  if (needWeights) inputs.push(layer.weights, layer.bias);
  return (op as (...t: tf.Tensor[]) => tf.Tensor2D)(...inputs);
}

/** Parameters of N same-shaped dense layers stacked on a leading ensemble axis: weights [N, in, out], bias [N, 1, out]. */
export interface StackedDenseParams {
  weights: tf.Variable;
  bias: tf.Variable;
}

/**
 * N dense layers as one batched matmul: y[n] = act(x[n]·W[n] + b[n]). `x` is [N, B, in], or [B, in] shared by all
 * members (then its gradient is the sum over members). Same math as N calls of `dense`; meant for backends where one
 * big batched kernel beats N small ones (tfjs-node / CUDA). Backward transposes as `matMulTransposed` says.
 */
export function stackedDense(
  x: tf.Tensor2D | tf.Tensor3D,
  layer: StackedDenseParams,
  activation: LayerActivation,
  need: GradientNeed,
): tf.Tensor3D {
  const members = layer.weights.shape[0]!;
  const shared = x.rank === 2;
  const expand = (input: tf.Tensor): tf.Tensor3D =>
    shared ? (tf.tile(tf.expandDims(input, 0), [members, 1, 1]) as tf.Tensor3D) : (input as tf.Tensor3D);
  // Unfused on purpose: per-member biases are rank 3, and tfjs-wasm's _FusedMatMul accepts only rank-1 biases.
  const forward = (input3: tf.Tensor3D, weights: tf.Tensor3D, bias: tf.Tensor = layer.bias): tf.Tensor3D => {
    const z = tf.add(tf.matMul(input3, weights), bias);
    return (activation === 'relu' ? tf.relu(z) : activation === 'tanh' ? tf.tanh(z) : z) as tf.Tensor3D;
  };
  if (need === 'none') return forward(expand(x), layer.weights as tf.Tensor3D);
  const needInput = need === 'input' || need === 'both';
  const needWeights = need === 'weights' || need === 'both';
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const input3 = expand((needInput ? args[0] : x) as tf.Tensor);
    const weights = (needWeights ? args[needInput ? 1 : 0] : layer.weights) as tf.Tensor3D;
    const value = forward(input3, weights, needWeights ? (args[needInput ? 2 : 1] as tf.Tensor) : layer.bias);
    save(needWeights ? [value, input3] : [value]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const y = saved[0] as tf.Tensor3D;
        const dz = (activation === 'relu' ? tf.mul(dy, tf.step(y)) : activation === 'tanh' ? tf.mul(dy, tf.sub(1, tf.square(y))) : dy) as tf.Tensor3D;
        const grads: tf.Tensor[] = [];
        if (needInput) {
          const dx = matMulTransposed(dz, weights, false, true);
          grads.push(shared ? tf.sum(dx, 0) : dx);
        }
        if (needWeights) {
          grads.push(matMulTransposed(saved[1] as tf.Tensor3D, dz, true, false));
          grads.push(tf.sum(dz, 1, true));
        }
        return grads;
      },
    };
  });
  const inputs: tf.Tensor[] = [];
  if (needInput) inputs.push(x);
  if (needWeights) inputs.push(layer.weights, layer.bias);
  return (op as (...t: tf.Tensor[]) => tf.Tensor3D)(...inputs);
}
