// Playback clock shared by every rollout on screen: time, play/pause, speed, loop, frame stepping. Pure logic, no DOM.

/** Playback speeds offered by the speed control and the faster/slower keys, in ascending order. */
export const PLAYBACK_SPEEDS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 4, 8];

/**
 * The timeline runs from 0 to `duration` (the time of the last frame on screen). Each frame is shown for one
 * `frameDt`, so playback lasts `duration + frameDt` before it loops or stops.
 */
export class Timeline {
  /** Simulated seconds shown now, in [0, duration]. */
  time = 0;
  playing = false;
  /** Multiplier of simulated seconds per real second. */
  speed = 1;
  loop = true;
  private durationSeconds = 0;
  private frameSeconds = 0.01;

  get duration(): number {
    return this.durationSeconds;
  }

  get frameDt(): number {
    return this.frameSeconds;
  }

  /** Sets the playable range (time of the last frame) and the length of one frame; clamps the current time. */
  setRange(duration: number, frameDt: number): void {
    if (!Number.isFinite(duration) || duration < 0) {
      throw new Error(`timeline duration: expected a finite number >= 0, received ${duration}`);
    }
    if (!Number.isFinite(frameDt) || frameDt <= 0) {
      throw new Error(`timeline frameDt: expected a finite number > 0, received ${frameDt}`);
    }
    this.durationSeconds = duration;
    this.frameSeconds = frameDt;
    this.time = Math.min(this.time, duration);
  }

  /** Advances by `realSeconds` of wall-clock time when playing; returns true when the time changed. */
  advance(realSeconds: number): boolean {
    if (!this.playing || realSeconds <= 0) return false;
    const before = this.time;
    const period = this.durationSeconds + this.frameSeconds;
    let next = this.time + realSeconds * this.speed;
    if (next >= period) {
      if (this.loop) {
        next %= period;
      } else {
        next = this.durationSeconds;
        this.playing = false;
      }
    }
    this.time = Math.min(next, this.durationSeconds);
    return this.time !== before;
  }

  /** Moves to `time`, clamped to [0, duration]. */
  seek(time: number): void {
    if (!Number.isFinite(time)) throw new Error(`timeline seek: expected a finite time in seconds, received ${time}`);
    this.time = Math.min(Math.max(time, 0), this.durationSeconds);
  }

  /** Index of the frame slot the current time falls in (time / frameDt, rounded to the nearest slot). */
  get frameSlot(): number {
    return Math.round(this.time / this.frameSeconds);
  }

  /** Number of frame slots on the timeline (the last one starts at `duration`). */
  get slotCount(): number {
    return Math.round(this.durationSeconds / this.frameSeconds) + 1;
  }

  /** Pauses and moves by `frames` frame slots; wraps around the ends when looping, clamps otherwise. */
  stepFrames(frames: number): void {
    this.playing = false;
    const slots = this.slotCount;
    let slot = this.frameSlot + Math.trunc(frames);
    if (this.loop) slot = ((slot % slots) + slots) % slots;
    else slot = Math.min(Math.max(slot, 0), slots - 1);
    this.time = Math.min(slot * this.frameSeconds, this.durationSeconds);
  }

  /** Starts or pauses; starting at the end of a non-looping timeline restarts from 0. */
  togglePlay(): void {
    if (this.playing) {
      this.playing = false;
      return;
    }
    if (!this.loop && this.time >= this.durationSeconds) this.time = 0;
    this.playing = true;
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed <= 0) throw new Error(`timeline speed: expected a finite number > 0, received ${speed}`);
    this.speed = speed;
  }

  /** Moves to the next faster (+1) or slower (-1) entry of PLAYBACK_SPEEDS. */
  changeSpeed(direction: 1 | -1): void {
    const index = PLAYBACK_SPEEDS.findIndex((speed) => speed >= this.speed - 1e-9);
    const current = index === -1 ? PLAYBACK_SPEEDS.length - 1 : index;
    const exact = index !== -1 && Math.abs(PLAYBACK_SPEEDS[index]! - this.speed) < 1e-9;
    const target = direction > 0 ? (exact ? current + 1 : current) : current - 1;
    this.speed = PLAYBACK_SPEEDS[Math.min(Math.max(target, 0), PLAYBACK_SPEEDS.length - 1)]!;
  }
}
