// Tests that the synthetic Hopper sample keeps the conventions it documents (reset frame, Hopper-v5 reward terms).
import { describe, expect, it } from 'vitest';
import { checkFrameMatchesDeclaration } from './frame-declaration.js';
import { HOPPER_INFO_TERMS, sampleHopperRollout } from './sample-rollout.js';

describe('sampleHopperRollout', () => {
  const rollout = sampleHopperRollout({ episodes: 2, frames: 30 });

  it('starts each episode with the reset state: zero action and reward', () => {
    for (const episode of rollout.episodes) {
      expect(episode.frames[0]!.step).toBe(0);
      expect([...episode.frames[0]!.action]).toEqual([0, 0, 0]);
      expect(episode.frames[0]!.reward).toBe(0);
      expect(episode.end.length).toBe(29);
    }
  });

  it('rewards as Hopper-v5 does: reward = reward_forward + reward_ctrl + reward_survive, ctrl = -0.001 |a|^2', () => {
    const forward = HOPPER_INFO_TERMS.indexOf('reward_forward');
    const ctrl = HOPPER_INFO_TERMS.indexOf('reward_ctrl');
    const survive = HOPPER_INFO_TERMS.indexOf('reward_survive');
    for (const frame of rollout.episodes[1]!.frames) {
      const [a0, a1, a2] = frame.action;
      expect(frame.info[ctrl]).toBeCloseTo(-0.001 * (a0! ** 2 + a1! ** 2 + a2! ** 2), 7);
      expect(frame.reward).toBeCloseTo(frame.info[forward]! + frame.info[ctrl]! + frame.info[survive]!, 6);
    }
  });

  it('ends each episode with its return and only the last frame truncated', () => {
    for (const episode of rollout.episodes) {
      const sum = episode.frames.reduce((total, frame) => total + frame.reward, 0);
      expect(episode.end.episodeReturn).toBeCloseTo(sum, 4);
      expect(episode.frames.map((frame) => frame.truncated).lastIndexOf(true)).toBe(29);
      expect(episode.frames.filter((frame) => frame.truncated)).toHaveLength(1);
    }
  });

  it('matches its own header declaration and can omit observations', () => {
    const withoutObservation = sampleHopperRollout({ episodes: 1, frames: 2, withObservation: false });
    for (const frame of [...rollout.episodes[0]!.frames, ...withoutObservation.episodes[0]!.frames]) {
      expect(checkFrameMatchesDeclaration({ ...frame, streamId: 0 }, rollout.header).ok).toBe(true);
    }
    expect(withoutObservation.episodes[0]!.frames[1]!.observation).toBeUndefined();
  });
});
