// Tests ClipAction: clipping into the bounds, the unbounded action space, non-mutation and errors.
import { describe, expect, it } from 'vitest';
import { Box } from '../spaces/box.js';
import { ClipAction } from './clip-action.js';
import { CountingEnv, DiscreteEnv } from '../testing/test-envs.js';
import type { Action, Env } from '../core/env.js';

// CountingEnv's action space is Box([-1, 0], [1, 2]).
describe('ClipAction', () => {
  it('clips each component into [low, high] and leaves the caller array untouched', () => {
    const inner = new CountingEnv();
    const env = new ClipAction(inner);
    env.reset();
    const action = Float32Array.of(5, -3);
    env.step(action);
    expect(Array.from(inner.received[0]!)).toEqual([1, 0]);
    expect(Array.from(action)).toEqual([5, -3]);
    expect(inner.received[0]).not.toBe(action);

    env.step(Float32Array.of(-1.5, 2.25));
    expect(Array.from(inner.received[1]!)).toEqual([-1, 2]);
  });

  it('passes actions inside the bounds unchanged, and clips infinities to the bounds', () => {
    const inner = new CountingEnv();
    const env = new ClipAction(inner);
    env.reset();
    env.step(Float32Array.of(0.25, 1.5));
    env.step(Float32Array.of(-Infinity, Infinity));
    expect(Array.from(inner.received[0]!)).toEqual([0.25, 1.5]);
    expect(Array.from(inner.received[1]!)).toEqual([-1, 2]);
  });

  it('exposes the unbounded Box of the same shape, as Gymnasium >= 1.0', () => {
    const inner = new CountingEnv();
    const env = new ClipAction(inner);
    expect(env.actionSpace).toBeInstanceOf(Box);
    expect(env.actionSpace.shape).toEqual([2]);
    expect(Array.from(env.actionSpace.low)).toEqual([-Infinity, -Infinity]);
    expect(Array.from(env.actionSpace.high)).toEqual([Infinity, Infinity]);
    expect(Array.from(inner.actionSpace.low)).toEqual([-1, 0]);
  });

  it('lets the wrapped env report NaN, and rejects arrays of the wrong type or length', () => {
    const env = new ClipAction(new CountingEnv());
    env.reset();
    expect(() => env.step(Float32Array.of(NaN, 0))).toThrow(/CountingEnv: action\[0\] must be a finite number, got NaN/);
    expect(() => env.step(Float32Array.of(0))).toThrow(
      'ClipAction(CountingEnv): action must be a Float32Array of length 2 (Box(-Infinity, Infinity, (2), float32)), got Float32Array(1) [0]',
    );
    expect(() => env.step([0, 0] as unknown as Float32Array)).toThrow(/got Array\(2\) \[0, 0\]/);
  });

  it('requires a Box action space', () => {
    expect(() => new ClipAction(new DiscreteEnv() as unknown as Env<number, Action>)).toThrow(
      'ClipAction(DiscreteEnv): the action space must be a Box, got Discrete(3)',
    );
  });
});
