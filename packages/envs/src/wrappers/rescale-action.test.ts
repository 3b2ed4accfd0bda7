// Tests RescaleAction: the affine map at endpoints and midpoint, half-unbounded components and construction errors.
import { describe, expect, it } from 'vitest';
import { RescaleAction } from './rescale-action.js';
import { CountingEnv, DiscreteEnv } from '../testing/test-envs.js';
import type { Action, Env } from '../core/env.js';

// CountingEnv's action space is Box([-1, 0], [1, 2]): env = low + (a − min)(high − low)/(max − min).
function received(env: RescaleAction, inner: CountingEnv, action: number[]): number[] {
  env.step(Float32Array.from(action));
  return Array.from(inner.received.at(-1)!);
}

describe('RescaleAction', () => {
  it('maps the endpoints and the midpoint of [min, max] to low, high and their midpoint (scalar bounds)', () => {
    const inner = new CountingEnv();
    const env = new RescaleAction(inner, 0, 1);
    env.reset();
    expect(received(env, inner, [0, 0])).toEqual([-1, 0]);
    expect(received(env, inner, [1, 1])).toEqual([1, 2]);
    expect(received(env, inner, [0.5, 0.5])).toEqual([0, 1]);
    expect(received(env, inner, [0.25, 0.75])).toEqual([-0.5, 1.5]);
  });

  it('accepts per-component bounds', () => {
    const inner = new CountingEnv();
    const env = new RescaleAction(inner, [-2, 10], [2, 20]);
    env.reset();
    expect(received(env, inner, [-2, 10])).toEqual([-1, 0]);
    expect(received(env, inner, [2, 20])).toEqual([1, 2]);
    expect(received(env, inner, [0, 15])).toEqual([0, 1]);
  });

  it('extends the map linearly outside [min, max] (nothing is clipped) and never mutates the caller array', () => {
    const inner = new CountingEnv();
    const env = new RescaleAction(inner, 0, 1);
    env.reset();
    const action = Float32Array.of(2, -1);
    env.step(action);
    expect(Array.from(inner.received[0]!)).toEqual([3, -2]);
    expect(Array.from(action)).toEqual([2, -1]);
  });

  it('its action space is Box(min, max) with the env shape', () => {
    const env = new RescaleAction(new CountingEnv(), [-2, 10], [2, 20]);
    expect(env.actionSpace.shape).toEqual([2]);
    expect(Array.from(env.actionSpace.low)).toEqual([-2, 10]);
    expect(Array.from(env.actionSpace.high)).toEqual([2, 20]);
  });

  it('shifts components that are unbounded on one side when the target has the same infinity (Gymnasium rescale_box)', () => {
    const lowOnly = new CountingEnv({ actionLow: [0, -Infinity], actionHigh: [Infinity, Infinity] });
    const a = new RescaleAction(lowOnly, [5, -Infinity], [Infinity, Infinity]);
    a.reset();
    expect(received(a, lowOnly, [7, 3])).toEqual([2, 3]);

    const highOnly = new CountingEnv({ actionLow: [-Infinity, -1], actionHigh: [4, 1] });
    const b = new RescaleAction(highOnly, [-Infinity, 0], [1, 1]);
    b.reset();
    // Component 0: a − max + high = 0 − 1 + 4; component 1: −1 + (0.5 − 0)·2/1.
    expect(received(b, highOnly, [0, 0.5])).toEqual([3, 0]);
  });

  it('maps every action onto low where the env bound is a single point (low = high)', () => {
    const inner = new CountingEnv({ actionLow: [-1, 0.5], actionHigh: [1, 0.5] });
    const env = new RescaleAction(inner, 0, 1);
    env.reset();
    expect(received(env, inner, [0.5, 0.75])).toEqual([0, 0.5]);
  });

  it('rejects a non-Box space, min >= max, mismatched lengths, NaN and finite targets for unbounded components', () => {
    expect(() => new RescaleAction(new DiscreteEnv() as unknown as Env<number, Action>, 0, 1)).toThrow(
      'RescaleAction(DiscreteEnv): the action space must be a Box, got Discrete(3)',
    );
    expect(() => new RescaleAction(new CountingEnv(), 1, 1)).toThrow(
      'RescaleAction(CountingEnv): minAction[0] must be strictly smaller than maxAction[0] (the rescaling has no inverse where they are equal), got 1 and 1',
    );
    expect(() => new RescaleAction(new CountingEnv(), [0, 2], [1, 1])).toThrow(/minAction\[1\] must be strictly smaller than maxAction\[1\].*got 2 and 1/);
    expect(() => new RescaleAction(new CountingEnv(), [0, 0, 0], 1)).toThrow(
      'RescaleAction(CountingEnv): minAction must have 2 values to match the action space Box([-1, 0], [1, 2], (2), float32), got 3: Array(3) [0, 0, 0]',
    );
    expect(() => new RescaleAction(new CountingEnv(), 0, [1, NaN])).toThrow('RescaleAction(CountingEnv): maxAction[1] must be a number, got NaN');
    expect(() => new RescaleAction(new CountingEnv(), -Infinity, 1)).toThrow(
      "RescaleAction(CountingEnv): minAction[0] = -Infinity cannot be mapped onto the env's low[0] = -1; an unbounded component needs the same infinite bound on both sides",
    );
    const unbounded = new CountingEnv({ actionLow: [-Infinity, 0], actionHigh: [1, 1] });
    expect(() => new RescaleAction(unbounded, 0, 1)).toThrow(/minAction\[0\] = 0 cannot be mapped onto the env's low\[0\] = -Infinity/);
  });

  it('rejects actions of the wrong length', () => {
    const env = new RescaleAction(new CountingEnv(), 0, 1);
    env.reset();
    expect(() => env.step(Float32Array.of(0, 0, 0))).toThrow(
      'RescaleAction(CountingEnv): action must be a Float32Array of length 2 (Box(0, 1, (2), float32)), got Float32Array(3) [0, 0, 0]',
    );
  });
});
