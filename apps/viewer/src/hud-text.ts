// The episode HUD as text lines: rollout, episode, step, time, return so far, how the episode ended, seed, checkpoint.
import type { EpisodeTrack } from './episode-track.js';
import type { RolloutEntry } from './rollout-store.js';

/** HUD lines for frame `index` of `track` (an empty list when nothing is loaded). */
export function hudLines(entry: RolloutEntry | undefined, track: EpisodeTrack | undefined, index: number): string[] {
  if (!entry || !track) return [];
  const lines = [`${entry.label}${entry.source === 'live' ? '  ● LIVE' : ''}`];
  lines.push(`episode ${entry.episodeIndex + 1}/${entry.episodes.length} (#${track.info.episode})`);
  if (index < 0 || track.frameCount === 0) {
    lines.push('waiting for frames');
    return lines;
  }
  const step = track.steps.get(index);
  const lastStep = track.end?.length ?? (track.frameCount > 0 ? track.steps.get(track.frameCount - 1) : 0);
  lines.push(`step ${step}/${lastStep}   t ${track.times.get(index).toFixed(3)} s`);
  lines.push(`reward ${track.rewards.get(index).toFixed(3)}   return ${track.returns.get(index).toFixed(2)}`);
  lines.push(statusLine(track, index));
  const details: string[] = [];
  const seed = track.info.seed ?? entry.meta.seed;
  if (seed !== undefined) details.push(`seed ${seed}`);
  const checkpoint = track.info.checkpointStep ?? entry.meta.checkpointStep;
  if (checkpoint !== undefined) details.push(`checkpoint ${checkpoint}`);
  if (entry.meta.runId !== undefined) details.push(`run ${entry.meta.runId}`);
  if (details.length > 0) lines.push(details.join('   '));
  return lines;
}

/** "running", or how the episode ended once the shown frame is its last: terminated / truncated and the reason. */
function statusLine(track: EpisodeTrack, index: number): string {
  const flags = track.flags.get(index);
  const isLast = index === track.frameCount - 1;
  if (isLast && track.end) {
    const kind = track.end.terminated ? 'terminated' : track.end.truncated ? 'truncated' : 'ended';
    return `${kind} (${track.end.reason}) · return ${track.end.episodeReturn.toFixed(2)} over ${track.end.length} steps`;
  }
  if (flags & 1) return 'terminated';
  if (flags & 2) return 'truncated';
  return isLast && !track.end && track.info.live ? 'running (live)' : 'running';
}
