// Tests of the rollout store: files become entries with packed episodes, live streams route frames, lookups by time.
import {
  decodeRolloutFile,
  encodeRolloutFile,
  episodeStartFromHeader,
  sampleHopperRollout,
  unwrap,
  type Frame,
} from '@rapier-gym/protocol';
import { describe, expect, it } from 'vitest';
import { RolloutStore } from './rollout-store.js';

const dt = 0.008;

function decodedSample(episodes = 2, frames = 5) {
  return unwrap(decodeRolloutFile(encodeRolloutFile(sampleHopperRollout({ episodes, frames }))));
}

describe('RolloutStore', () => {
  it('turns a rollout file into one entry whose episodes hold every frame', () => {
    const store = new RolloutStore();
    const entry = store.addRollout(decodedSample(2, 5));
    expect(entry.key).toBe('sample-hopper');
    expect(entry.episodes).toHaveLength(2);
    const track = entry.episodes[1]!;
    expect(track.frameCount).toBe(5);
    expect(track.duration).toBeCloseTo(4 * dt, 6);
    expect(track.end?.reason).toBe('time_limit');
    // Torso (body 1) x equals the time in the sample: frame 3 is at 3 * dt.
    expect(track.posesAt(3)[7]).toBeCloseTo(3 * dt, 6);
    // Return so far: frame 0 has reward 0, each later frame reward = 2 - 0.001 |a|^2, so returns increase.
    expect(track.returns.get(0)).toBe(0);
    expect(track.returns.get(2)).toBeCloseTo(track.rewards.get(1) + track.rewards.get(2), 6);
  });

  it('gives a second copy of the same rollout id a distinct key', () => {
    const store = new RolloutStore();
    store.addRollout(decodedSample());
    expect(store.addRollout(decodedSample()).key).toBe('sample-hopper#2');
  });

  it('finds the frame shown at a time: the last frame at or before it', () => {
    const store = new RolloutStore();
    const track = store.addRollout(decodedSample(1, 5)).episodes[0]!;
    expect(track.frameAt(0)).toBe(0);
    expect(track.frameAt(-1)).toBe(0);
    expect(track.frameAt(2 * dt)).toBe(2);
    expect(track.frameAt(2.5 * dt)).toBe(2);
    expect(track.frameAt(100)).toBe(4);
  });

  it('extracts a column of a per-frame vector and rejects an index out of range', () => {
    const store = new RolloutStore();
    const track = store.addRollout(decodedSample(1, 4)).episodes[0]!;
    const xPosition = track.column('infos', 0);
    expect(Array.from(xPosition)).toEqual([0, Math.fround(dt), Math.fround(2 * dt), Math.fround(3 * dt)]);
    expect(() => track.column('actions', 3)).toThrow(/actions column: expected an index in \[0, 3\), received 3/);
  });

  it('routes live frames by stream id and records the episode end', () => {
    const store = new RolloutStore();
    const sample = sampleHopperRollout({ episodes: 1, frames: 3 });
    const start = { ...episodeStartFromHeader(sample.header, 7, 0), live: true, rolloutId: 'eval' };
    const entry = store.beginEpisode(start);
    expect(entry.source).toBe('live');
    for (const payload of sample.episodes[0]!.frames) {
      expect(store.appendFrame({ ...payload, streamId: 7 } as Frame)).toBe(entry);
    }
    expect(store.appendFrame({ ...sample.episodes[0]!.frames[0]!, streamId: 8 } as Frame)).toBeUndefined();
    store.endEpisode({ type: 'episodeEnd', streamId: 7, rolloutId: 'eval', terminated: true, truncated: false, reason: 'terminated', episodeReturn: 3, length: 2 });
    expect(entry.episodes[0]!.frameCount).toBe(3);
    expect(entry.episodes[0]!.end?.terminated).toBe(true);
    // The stream is closed: further frames on it are not accepted.
    expect(store.appendFrame({ ...sample.episodes[0]!.frames[0]!, streamId: 7 } as Frame)).toBeUndefined();
  });

  it('keeps at most maxLiveEpisodes live episodes, dropping the oldest', () => {
    const store = new RolloutStore({ maxLiveEpisodes: 2 });
    const header = sampleHopperRollout({ episodes: 1, frames: 1 }).header;
    for (let episode = 0; episode < 3; episode++) store.beginEpisode({ ...episodeStartFromHeader(header, episode, episode), live: true });
    const entry = store.entries[0]!;
    expect(entry.episodes.map((track) => track.info.episode)).toEqual([1, 2]);
    expect(() => new RolloutStore({ maxLiveEpisodes: 0 })).toThrow(/maxLiveEpisodes: expected an integer >= 1, received 0/);
  });

  it('rejects a frame whose sizes contradict the declaration or whose step does not increase', () => {
    const store = new RolloutStore();
    const sample = sampleHopperRollout({ episodes: 1, frames: 2 });
    store.beginEpisode({ ...episodeStartFromHeader(sample.header, 1, 0), live: true });
    const first = { ...sample.episodes[0]!.frames[0]!, streamId: 1 } as Frame;
    expect(() => store.appendFrame({ ...first, action: new Float32Array(2) })).toThrow(/expected 3 action floats, received 2/);
    store.appendFrame(first);
    expect(() => store.appendFrame(first)).toThrow(/expected a step after 0, received 0/);
  });
});
