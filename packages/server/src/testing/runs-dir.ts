// Builds a runs directory for tests: a run with config, metrics, checkpoints and a rollout written by RolloutWriter.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RolloutWriter, sampleHopperRollout, type RolloutInput } from '@rapier-gym/protocol';

/** Writes `rollout` chunk by chunk with the protocol's incremental writer, as the CLI does; `finish: false` leaves it cut. */
export function writeRolloutFile(path: string, rollout: RolloutInput, options: { finish?: boolean } = {}): Uint8Array {
  const writer = new RolloutWriter(rollout.header);
  const chunks: Uint8Array[] = [writer.start()];
  for (const episode of rollout.episodes) {
    for (const frame of episode.frames) chunks.push(writer.appendFrame(frame));
    chunks.push(writer.endEpisode(episode.end));
  }
  if (options.finish !== false) chunks.push(writer.finish());
  const bytes = Buffer.concat(chunks);
  writeFileSync(path, bytes);
  return new Uint8Array(bytes);
}

/**
 * `<runsDir>/hopper-run`: config.json, metrics.jsonl (with a cut last line), checkpoints 1000 and 2000, and
 * rollouts/eval-000100.rgr (2 episodes of 12 frames). `<runsDir>/bare-run`: only an empty checkpoints/ folder.
 */
export function makeRunsDir(runsDir: string): { rollout: RolloutInput } {
  const run = join(runsDir, 'hopper-run');
  mkdirSync(join(run, 'rollouts'), { recursive: true });
  mkdirSync(join(run, 'checkpoints', '1000'), { recursive: true });
  mkdirSync(join(run, 'checkpoints', '2000'), { recursive: true });
  writeFileSync(join(run, 'config.json'), JSON.stringify({ envId: 'Hopper-v5', algorithm: 'sac', startedAt: '2026-11-22T03:00:00Z', status: 'finished' }));
  writeFileSync(join(run, 'metrics.jsonl'), '{"step":1000,"episodeReturn":12.5}\n{"step":2000,"episodeReturn":30}\n{"step":30');
  const rollout = sampleHopperRollout({ episodes: 2, frames: 12 });
  rollout.header.runId = 'hopper-run';
  rollout.header.checkpointStep = 100;
  writeRolloutFile(join(run, 'rollouts', 'eval-000100.rgr'), rollout);
  mkdirSync(join(runsDir, 'bare-run', 'checkpoints'), { recursive: true });
  return { rollout };
}
