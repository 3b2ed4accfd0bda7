// Tests of the playback clock: advancing at a speed, looping, stopping at the end, frame steps and speed changes.
import { describe, expect, it } from 'vitest';
import { PLAYBACK_SPEEDS, Timeline } from './timeline.js';

function timeline(duration: number, frameDt: number): Timeline {
  const clock = new Timeline();
  clock.setRange(duration, frameDt);
  return clock;
}

describe('Timeline', () => {
  it('does not move while paused and moves speed x real time while playing', () => {
    const clock = timeline(1, 0.1);
    expect(clock.advance(0.2)).toBe(false);
    expect(clock.time).toBe(0);
    clock.togglePlay();
    clock.setSpeed(2);
    clock.advance(0.2);
    expect(clock.time).toBeCloseTo(0.4, 12);
  });

  it('shows the last frame for one frame before looping back', () => {
    const clock = timeline(1, 0.1);
    clock.togglePlay();
    clock.advance(1.05); // 1.05 < period 1.1: still on the last frame
    expect(clock.time).toBe(1);
    clock.advance(0.1); // 1.0 + 0.1 reaches the period 1.1 and wraps to 0
    expect(clock.time).toBeCloseTo(0, 12);
    expect(clock.playing).toBe(true);
  });

  it('stops at the end when not looping and restarts from 0 on play', () => {
    const clock = timeline(1, 0.1);
    clock.loop = false;
    clock.togglePlay();
    clock.advance(5);
    expect(clock.time).toBe(1);
    expect(clock.playing).toBe(false);
    clock.togglePlay();
    expect(clock.time).toBe(0);
    expect(clock.playing).toBe(true);
  });

  it('steps whole frames, pausing playback, wrapping when looping and clamping otherwise', () => {
    const clock = timeline(0.5, 0.1); // 6 slots: 0, 0.1, ..., 0.5
    clock.togglePlay();
    clock.stepFrames(1);
    expect(clock.playing).toBe(false);
    expect(clock.time).toBeCloseTo(0.1, 12);
    clock.stepFrames(-2);
    expect(clock.time).toBeCloseTo(0.5, 12);
    clock.loop = false;
    clock.stepFrames(3);
    expect(clock.time).toBeCloseTo(0.5, 12);
    clock.stepFrames(-10);
    expect(clock.time).toBe(0);
  });

  it('clamps seeks to the range and rejects bad input with a message naming it', () => {
    const clock = timeline(2, 0.5);
    clock.seek(5);
    expect(clock.time).toBe(2);
    clock.seek(-1);
    expect(clock.time).toBe(0);
    expect(() => clock.seek(Number.NaN)).toThrow(/seek: expected a finite time.*received NaN/);
    expect(() => clock.setRange(1, 0)).toThrow(/frameDt: expected a finite number > 0, received 0/);
    expect(() => clock.setSpeed(-1)).toThrow(/speed: expected a finite number > 0, received -1/);
  });

  it('shrinking the range clamps the current time', () => {
    const clock = timeline(2, 0.5);
    clock.seek(1.5);
    clock.setRange(1, 0.5);
    expect(clock.time).toBe(1);
  });

  it('moves through the speed list and stops at its ends', () => {
    const clock = timeline(1, 0.1);
    clock.changeSpeed(1);
    expect(clock.speed).toBe(2);
    clock.changeSpeed(-1);
    clock.changeSpeed(-1);
    expect(clock.speed).toBe(0.5);
    clock.setSpeed(3); // between 2 and 4
    clock.changeSpeed(1);
    expect(clock.speed).toBe(4);
    for (let i = 0; i < 20; i++) clock.changeSpeed(-1);
    expect(clock.speed).toBe(PLAYBACK_SPEEDS[0]);
    for (let i = 0; i < 20; i++) clock.changeSpeed(1);
    expect(clock.speed).toBe(PLAYBACK_SPEEDS[PLAYBACK_SPEEDS.length - 1]);
  });
});
