// One episode held as packed typed arrays (times, rewards, returns, poses, actions, info, observations, contacts).
import { CONTACT_STRIDE, POSE_STRIDE, type EpisodeOutcome, type Frame } from '@rapier-gym/protocol';
import { GrowableFloat32 } from './growable-array.js';

/** The vector sizes every frame of an episode must have. */
export interface EpisodeShape {
  bodyCount: number;
  actionLength: number;
  infoLength: number;
  observationLength: number;
}

/** What is known about an episode before its frames: index in its rollout, and run details when given. */
export interface EpisodeInfo {
  episode: number;
  seed?: number;
  checkpointStep?: number;
  live: boolean;
}

export class EpisodeTrack {
  readonly times = new GrowableFloat32();
  readonly steps = new GrowableFloat32();
  readonly rewards = new GrowableFloat32();
  /** Return so far at each frame: the sum of rewards of frames 0..i. */
  readonly returns = new GrowableFloat32();
  readonly poses: GrowableFloat32;
  readonly actions: GrowableFloat32;
  readonly infos: GrowableFloat32;
  readonly observations: GrowableFloat32;
  /** Per frame: bit 0 terminated, bit 1 truncated. */
  readonly flags = new GrowableFloat32();
  /** Per frame: CONTACT_STRIDE floats per contact (empty when the frame has none). */
  readonly contacts: Float32Array[] = [];
  end?: EpisodeOutcome;
  private returnSoFar = 0;

  constructor(
    readonly shape: EpisodeShape,
    readonly info: EpisodeInfo,
  ) {
    this.poses = new GrowableFloat32(shape.bodyCount * POSE_STRIDE * 64);
    this.actions = new GrowableFloat32(Math.max(1, shape.actionLength) * 64);
    this.infos = new GrowableFloat32(Math.max(1, shape.infoLength) * 64);
    this.observations = new GrowableFloat32(Math.max(1, shape.observationLength) * 64);
  }

  get frameCount(): number {
    return this.times.length;
  }

  /** Time of the last frame (0 when empty). */
  get duration(): number {
    return this.frameCount === 0 ? 0 : this.times.get(this.frameCount - 1);
  }

  /** Appends a frame after checking its sizes and that its step follows the previous one. */
  push(frame: Frame): void {
    const { shape } = this;
    const what = `episode ${this.info.episode} frame step ${frame.step}`;
    if (frame.poses.length !== shape.bodyCount * POSE_STRIDE) {
      throw new Error(`${what}: expected ${shape.bodyCount * POSE_STRIDE} pose floats, received ${frame.poses.length}`);
    }
    if (frame.action.length !== shape.actionLength) {
      throw new Error(`${what}: expected ${shape.actionLength} action floats, received ${frame.action.length}`);
    }
    if (frame.info.length !== shape.infoLength) {
      throw new Error(`${what}: expected ${shape.infoLength} info floats, received ${frame.info.length}`);
    }
    const observationLength = frame.observation?.length ?? 0;
    if (observationLength !== 0 && observationLength !== shape.observationLength) {
      throw new Error(`${what}: expected ${shape.observationLength} observation floats or none, received ${observationLength}`);
    }
    const count = this.frameCount;
    if (count > 0 && frame.step <= this.steps.get(count - 1)) {
      throw new Error(`${what}: expected a step after ${this.steps.get(count - 1)}, received ${frame.step}`);
    }
    this.times.pushOne(frame.time);
    this.steps.pushOne(frame.step);
    this.rewards.pushOne(frame.reward);
    this.returnSoFar += frame.reward;
    this.returns.pushOne(this.returnSoFar);
    this.poses.push(frame.poses);
    this.actions.push(frame.action);
    this.infos.push(frame.info);
    if (shape.observationLength > 0) {
      this.observations.push(frame.observation ?? new Float32Array(shape.observationLength).fill(Number.NaN));
    }
    this.flags.pushOne((frame.terminated ? 1 : 0) | (frame.truncated ? 2 : 0));
    this.contacts.push(frame.contacts ? Float32Array.from(frame.contacts) : new Float32Array(0));
  }

  /** Index of the frame shown at `time`: the last frame whose time is <= time (0 when time precedes them all). */
  frameAt(time: number): number {
    let low = 0;
    let high = this.frameCount - 1;
    if (high < 0) return -1;
    const target = time + 1e-6;
    if (this.times.get(0) > target) return 0;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.times.get(middle) <= target) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Poses of frame `index`: POSE_STRIDE floats per body. */
  posesAt(index: number): Float32Array {
    const stride = this.shape.bodyCount * POSE_STRIDE;
    return this.poses.view(index * stride, (index + 1) * stride);
  }

  /** One column of a per-frame vector, e.g. action 2 of every frame, as a new array. */
  column(vector: 'actions' | 'infos' | 'observations', component: number): Float32Array {
    const width = vector === 'actions' ? this.shape.actionLength : vector === 'infos' ? this.shape.infoLength : this.shape.observationLength;
    if (!Number.isInteger(component) || component < 0 || component >= width) {
      throw new Error(`${vector} column: expected an index in [0, ${width}), received ${component}`);
    }
    const source = this[vector];
    const count = Math.floor(source.length / width);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = source.get(i * width + component);
    return out;
  }

  /** Number of contacts in frame `index`. */
  contactCountAt(index: number): number {
    return (this.contacts[index]?.length ?? 0) / CONTACT_STRIDE;
  }
}
