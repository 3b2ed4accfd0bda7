// Tests for the MLP holder: unique variable names, Polyak averaging, weight export/import round trip.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Mlp, uniqueVariableName } from './mlp.js';
import { Rng } from '@rapier-gym/envs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('uniqueVariableName', () => {
  it('skips names already registered with the engine (e.g. by another copy of this module)', () => {
    const first = uniqueVariableName('clash');
    const k = Number(first.split('_').pop());
    const taken = [tf.variable(tf.scalar(0), true, `clash_${k + 1}`), tf.variable(tf.scalar(0), true, `clash_${k + 2}`)];
    expect(uniqueVariableName('clash')).toBe(`clash_${k + 3}`);
    for (const v of taken) v.dispose();
  });
});

describe('Mlp', () => {
  const make = (seed: number) => new Mlp({ sizes: [3, 4, 2], activation: 'relu', init: 'xavier', rng: new Rng(seed), name: 'm' });

  it('computes relu(x·W1 + b1)·W2 + b2', () => {
    const net = make(1);
    const [l1, l2] = net.exportWeights();
    const x = [0.5, -1, 2];
    const h = Array.from({ length: 4 }, (_, j) => Math.max(0, l1!.bias[j]! + x.reduce((s, xi, i) => s + xi * l1!.weights[i * 4 + j]!, 0)));
    const y = Array.from({ length: 2 }, (_, j) => l2!.bias[j]! + h.reduce((s, hi, i) => s + hi * l2!.weights[i * 2 + j]!, 0));
    const got = tf.tidy(() => Array.from(net.forward(tf.tensor2d([x])).dataSync()));
    got.forEach((v, j) => expect(v).toBeCloseTo(y[j]!, 5));
    net.dispose();
  });

  it('Polyak-averages and copies, and round-trips exported weights', () => {
    const a = make(1);
    const b = make(2);
    const wa = a.exportWeights();
    const wb = b.exportWeights();
    b.polyakFrom(a, 0.1);
    b.exportWeights().forEach((layer, l) =>
      layer.weights.forEach((v, k) => expect(v).toBeCloseTo(0.1 * wa[l]!.weights[k]! + 0.9 * wb[l]!.weights[k]!, 6)),
    );
    b.copyFrom(a);
    expect(b.exportWeights()).toEqual(wa);
    b.importWeights(wb);
    expect(b.exportWeights()).toEqual(wb);
    expect(() => b.importWeights(wb.slice(1))).toThrow('mlp: expected 2 layers, received 1');
    a.dispose();
    b.dispose();
  });

  it('rejects bad sizes', () => {
    expect(() => new Mlp({ sizes: [3], activation: 'relu', init: 'xavier', rng: new Rng(1), name: 'bad' })).toThrow(
      'mlp bad: sizes must be at least two positive integers, received [3]',
    );
  });
});
