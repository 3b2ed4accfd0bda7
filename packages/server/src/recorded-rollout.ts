// Streams a decoded rollout file into a sink, episode by episode; a last episode cut by its writer ends "incomplete".
import type { Rollout } from '@rapier-gym/protocol';
import type { RolloutSink } from './rollout-runner.js';

/** Sends every episode of `rollout`; stops early when the sink's signal is aborted. */
export async function streamRecordedRollout(rollout: Rollout, sink: RolloutSink): Promise<void> {
  for (const [index, episode] of rollout.episodes.entries()) {
    if (sink.signal.aborted) return;
    await sink.startEpisode(rollout.header, index);
    let episodeReturn = 0;
    for (const frame of episode.frames) {
      if (sink.signal.aborted) return;
      episodeReturn += frame.reward;
      await sink.frame(frame);
    }
    const last = episode.frames[episode.frames.length - 1];
    await sink.endEpisode(
      episode.end ?? {
        terminated: false,
        truncated: true,
        reason: 'incomplete',
        episodeReturn,
        length: last === undefined ? 0 : last.step,
      },
    );
  }
}
