// Tests that the hand-written dense gradients equal tfjs autodiff of the same layer, on the cpu and wasm backends.
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseBackend, cpuCandidate, wasmCandidate } from './backend.js';
import { columnSums, dense, matMulTransposed, stackedDense, type GradientNeed, type LayerActivation } from './dense.js';
import { Rng } from '@rapier-gym/envs';

afterAll(async () => {
  await tf.setBackend('cpu');
});

function data(rows: number, cols: number, seed: number): tf.Tensor2D {
  return tf.tensor2d(new Rng(seed).fillUniform(new Float32Array(rows * cols), -1, 1), [rows, cols]);
}

function close(a: tf.Tensor, b: tf.Tensor): void {
  const x = a.dataSync();
  const y = b.dataSync();
  expect(a.shape).toEqual(b.shape);
  x.forEach((v, i) => expect(v).toBeCloseTo(y[i]!, 4));
}

/** Reference: the same layer from stock tfjs ops, differentiated by tfjs autodiff. */
function reference(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor, activation: LayerActivation): tf.Tensor2D {
  const z = tf.add(tf.matMul(x, w as tf.Tensor2D), b);
  return (activation === 'relu' ? tf.relu(z) : activation === 'tanh' ? tf.tanh(z) : z) as tf.Tensor2D;
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`dense gradients on ${backend}`, () => {
    it('switch backend', async () => {
      await chooseBackend([wasmCandidate(), cpuCandidate()], backend);
      expect(tf.getBackend()).toBe(backend);
    });

    for (const activation of ['relu', 'tanh', 'linear'] as const) {
      for (const need of ['weights', 'input', 'both'] as GradientNeed[]) {
        it(`${activation}, ${need}`, () => {
          tf.tidy(() => {
            const x = data(7, 5, 1);
            const weights = tf.variable(data(5, 4, 2), true);
            const bias = tf.variable(tf.tensor1d([0.1, -0.2, 0.3, 0.05]), true);
            const upstream = data(7, 4, 3);
            const loss = (y: tf.Tensor) => tf.sum(tf.mul(y, upstream)) as tf.Scalar;
            const theirs = tf.grads((xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => loss(reference(xi as tf.Tensor2D, wi, bi, activation)));
            const [rx, rw, rb] = theirs([x, weights, bias]);
            close(dense(x, { weights, bias }, activation, 'none'), reference(x, weights, bias, activation));
            if (need === 'input') {
              // Weights are constants: only the input gradient exists.
              const [gx] = tf.grads((xi: tf.Tensor) => loss(dense(xi as tf.Tensor2D, { weights, bias }, activation, 'input')))([x]);
              close(gx!, rx!);
            } else if (need === 'weights') {
              // The input is data: only the parameter gradients exist.
              const [gw, gb] = tf.grads((wi: tf.Tensor, bi: tf.Tensor) =>
                loss(dense(x, { weights: wi as tf.Variable, bias: bi as tf.Variable }, activation, 'weights')),
              )([weights, bias]);
              close(gw!, rw!);
              close(gb!, rb!);
            } else {
              const [gx, gw, gb] = tf.grads((xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
                loss(dense(xi as tf.Tensor2D, { weights: wi as tf.Variable, bias: bi as tf.Variable }, activation, 'both')),
              )([x, weights, bias]);
              close(gx!, rx!);
              close(gw!, rw!);
              close(gb!, rb!);
            }
            weights.dispose();
            bias.dispose();
          });
        });
      }
    }

    it('stacked (batched) layers equal per-member autodiff, with a shared input', () => {
      tf.tidy(() => {
        const x = data(6, 3, 4);
        const w = [data(3, 5, 5), data(3, 5, 6)];
        const b = [tf.tensor1d([0.1, 0, -0.1, 0.2, 0]), tf.tensor1d([0, 0.3, 0, -0.2, 0.1])];
        const weights = tf.variable(tf.stack(w), true);
        const bias = tf.variable(tf.stack(b.map((t) => tf.expandDims(t, 0))), true);
        const upstream = tf.stack([data(6, 5, 7), data(6, 5, 8)]);
        const [gx, gw, gb] = tf.grads((xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
          tf.sum(tf.mul(stackedDense(xi as tf.Tensor2D, { weights: wi as tf.Variable, bias: bi as tf.Variable }, 'relu', 'both'), upstream)),
        )([x, weights, bias]);
        const reference = tf.grads((xi: tf.Tensor, w0: tf.Tensor, w1: tf.Tensor, b0: tf.Tensor, b1: tf.Tensor) =>
          tf.add(
            tf.sum(tf.mul(tf.relu(tf.add(tf.matMul(xi as tf.Tensor2D, w0 as tf.Tensor2D), b0)), tf.gather(upstream, 0))),
            tf.sum(tf.mul(tf.relu(tf.add(tf.matMul(xi as tf.Tensor2D, w1 as tf.Tensor2D), b1)), tf.gather(upstream, 1))),
          ),
        )([x, w[0]!, w[1]!, b[0]!, b[1]!]);
        close(gx!, reference[0]!);
        close(gw!, tf.stack([reference[1]!, reference[2]!]));
        close(gb!, tf.stack([tf.expandDims(reference[3]!, 0), tf.expandDims(reference[4]!, 0)]));
        weights.dispose();
        bias.dispose();
      });
    });

    it('matMulTransposed and columnSums', () => {
      tf.tidy(() => {
        const a = data(4, 3, 9);
        const b = data(4, 2, 10);
        close(matMulTransposed(a, b, true, false), tf.matMul(tf.transpose(a), b));
        close(matMulTransposed(b, data(5, 2, 11), false, true), tf.matMul(b, tf.transpose(data(5, 2, 11))));
        close(matMulTransposed(a, b, true, false, 'wasm'), matMulTransposed(a, b, true, false, 'cpu'));
        close(columnSums(a), tf.sum(a, 0));
      });
    });
  });
}
