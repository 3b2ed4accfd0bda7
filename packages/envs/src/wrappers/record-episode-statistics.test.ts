// Tests RecordEpisodeStatistics with a hand-driven clock: final-step info, rounding, queues and key clashes.
import { describe, expect, it } from 'vitest';
import { RecordEpisodeStatistics } from './record-episode-statistics.js';
import { CountingEnv } from '../testing/test-envs.js';

const act = Float32Array.of(0, 1);

/** A hand-driven clock in seconds. */
function manualClock(start = 100): { clock: () => number; now: number } {
  const c = { now: start, clock: () => c.now };
  return c;
}

describe('RecordEpisodeStatistics', () => {
  it('adds { r, l, t } to the info of the final step only, and keeps the other info keys', () => {
    const time = manualClock();
    const env = new RecordEpisodeStatistics(new CountingEnv({ rewards: [1.5, -0.5, 2], terminateAt: 3 }), { clock: time.clock });
    env.reset();
    const first = env.step(act);
    const second = env.step(act);
    expect('episode' in first.info).toBe(false);
    expect('episode' in second.info).toBe(false);
    time.now = 102.25;
    const last = env.step(act);
    expect(last.info).toEqual({ step: 3, reward_count: 2, episode: { r: 3, l: 3, t: 2.25 } });
    expect(last.reward).toBe(2);
    expect(env.episodeCount).toBe(1);
  });

  it('rounds t to 6 decimals, as Gymnasium', () => {
    const time = manualClock(10);
    const env = new RecordEpisodeStatistics(new CountingEnv({ terminateAt: 1 }), { clock: time.clock });
    env.reset();
    time.now = 11.2345674;
    expect((env.step(act).info.episode as { t: number }).t).toBe(1.234567);
    time.now = 20;
    env.reset();
    time.now = 21.0000006;
    expect((env.step(act).info.episode as { t: number }).t).toBe(1.000001);
  });

  it('times each episode from its reset', () => {
    const time = manualClock(0);
    const env = new RecordEpisodeStatistics(new CountingEnv({ terminateAt: 2 }), { clock: time.clock });
    env.reset();
    env.step(act);
    time.now = 5;
    env.step(act);
    time.now = 7; // idle time between the end of an episode and the next reset is not counted
    env.reset();
    time.now = 8;
    env.step(act);
    time.now = 9.5;
    expect(env.step(act).info.episode).toEqual({ r: 3, l: 2, t: 2.5 });
    expect(env.timeQueue).toEqual([5, 2.5]);
  });

  it('keeps the last bufferLength returns, lengths and times, oldest first', () => {
    const time = manualClock(0);
    const env = new RecordEpisodeStatistics(new CountingEnv({ terminateAt: 1 }), { bufferLength: 2, clock: time.clock });
    for (const [duration, length] of [
      [1, 1],
      [2, 1],
      [3, 1],
    ]) {
      env.reset();
      time.now += duration!;
      expect(env.step(act).info.episode).toEqual({ r: 1, l: length, t: duration });
    }
    expect(env.returnQueue).toEqual([1, 1]);
    expect(env.lengthQueue).toEqual([1, 1]);
    expect(env.timeQueue).toEqual([2, 3]);
    expect(env.episodeCount).toBe(3);
  });

  it('counts returns and lengths per episode, starting again at reset', () => {
    const env = new RecordEpisodeStatistics(new CountingEnv({ terminateAt: 3 }));
    env.reset();
    env.step(act);
    env.reset(); // abandon an episode: its partial return is dropped
    env.step(act);
    env.step(act);
    const end = env.step(act);
    const stats = end.info.episode as { r: number; l: number; t: number };
    expect([stats.r, stats.l]).toEqual([6, 3]);
    expect(Number.isFinite(stats.t) && stats.t >= 0).toBe(true);
    expect(env.returnQueue).toEqual([6]);
    expect(env.lengthQueue).toEqual([3]);
  });

  it('writes under statsKey, and refuses to overwrite a key the wrapped env already set', () => {
    const inner = new RecordEpisodeStatistics(new CountingEnv({ terminateAt: 1 }));
    const renamed = new RecordEpisodeStatistics(inner, { statsKey: 'stats' });
    renamed.reset();
    const info = renamed.step(act).info;
    expect(Object.keys(info).sort()).toEqual(['episode', 'reward_count', 'stats', 'step']);

    const clash = new RecordEpisodeStatistics(new RecordEpisodeStatistics(new CountingEnv({ terminateAt: 1 })));
    clash.reset();
    expect(() => clash.step(act)).toThrow(
      `RecordEpisodeStatistics(CountingEnv): the wrapped env's info already has the key "episode"; pass another statsKey`,
    );
  });

  it('rejects invalid options', () => {
    expect(() => new RecordEpisodeStatistics(new CountingEnv(), { bufferLength: 0 })).toThrow(
      'RecordEpisodeStatistics(CountingEnv): bufferLength must be a positive integer, got 0',
    );
    expect(() => new RecordEpisodeStatistics(new CountingEnv(), { statsKey: '' })).toThrow(
      'RecordEpisodeStatistics(CountingEnv): statsKey must be a non-empty string, got ""',
    );
    expect(() => new RecordEpisodeStatistics(new CountingEnv(), { clock: 5 as never })).toThrow(
      'RecordEpisodeStatistics(CountingEnv): clock must be a function returning seconds, got 5',
    );
  });
});
