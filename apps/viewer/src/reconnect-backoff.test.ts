// Tests of the reconnection backoff: doubling from the initial delay up to the ceiling.
import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './reconnect-backoff.js';

describe('reconnectDelayMs', () => {
  it('doubles from 500 ms and stops at 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((attempt) => reconnectDelayMs(attempt))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    expect(reconnectDelayMs(2, { initialMs: 100, maxMs: 300 })).toBe(300);
    expect(() => reconnectDelayMs(-1)).toThrow(/reconnect attempt: expected an integer >= 0, received -1/);
  });
});
