// Evaluation episodes out of the trainer: as .rgr rollout files (protocol RolloutWriter) and to the server's live hub.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RolloutWriter, toWireScene, type FramePayload, type RolloutHeader } from '@rapier-gym/protocol';
import type { EvalEpisode } from '@rapier-gym/sac';
import type { LiveHub } from '@rapier-gym/server';

export const SOFTWARE = 'rapier-gym-cli 0.1.0';

const labels = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}[${i}]`);

/** The protocol header of an evaluation episode (scene, labels, info terms, seed, checkpoint step). */
export function rolloutHeader(episode: EvalEpisode, rolloutId: string, runId: string | undefined): RolloutHeader {
  if (!episode.scene) throw new Error('rollout: the evaluation episode carries no scene (record frames to write rollouts)');
  return {
    rolloutId,
    envId: episode.envId,
    ...(runId ? { runId } : {}),
    checkpointStep: episode.checkpointStep,
    seed: episode.seed,
    deterministic: episode.deterministic,
    createdAt: new Date().toISOString(),
    software: SOFTWARE,
    scene: toWireScene(episode.scene),
    observationLabels: labels('obs', episode.observationSize),
    actionLabels: episode.actionLow ? labels('action', episode.actionSize) : ['action'],
    infoTerms: episode.infoTerms,
    ...(episode.actionLow && episode.actionHigh ? { actionLow: Array.from(episode.actionLow), actionHigh: Array.from(episode.actionHigh) } : {}),
  };
}

/** The frames of an episode in the protocol's shape (time = step · dt). */
export function framePayloads(episode: EvalEpisode): FramePayload[] {
  const dt = episode.scene?.dt ?? 0;
  return episode.frames.map((f) => ({
    step: f.step,
    time: f.step * dt,
    reward: Number.isFinite(f.reward) ? f.reward : 0,
    terminated: f.terminated,
    truncated: f.truncated,
    poses: f.poses,
    action: f.action,
    info: f.info,
    observation: f.observation.map((v) => (Number.isFinite(v) ? v : 0)),
  }));
}

/** The stem of an evaluation episode's file: `eval-<step>-<det|sto>-s<seed>`. */
export function rolloutStem(episode: EvalEpisode): string {
  return `eval-${episode.checkpointStep}-${episode.deterministic ? 'det' : 'sto'}-s${episode.seed}`;
}

/** Writes one episode as `<dir>/<stem>.rgr` (through a temporary file renamed into place); returns the path. */
export function writeRolloutFile(dir: string, episode: EvalEpisode, runId: string | undefined): string {
  mkdirSync(dir, { recursive: true });
  const stem = rolloutStem(episode);
  const writer = new RolloutWriter(rolloutHeader(episode, runId ? `${runId}/${stem}` : stem, runId));
  const chunks = [writer.start(), ...framePayloads(episode).map((f) => writer.appendFrame(f))];
  chunks.push(writer.endEpisode({ terminated: episode.terminated, truncated: episode.truncated, reason: episode.reason, episodeReturn: episode.episodeReturn, length: episode.length }));
  chunks.push(writer.finish());
  const path = join(dir, `${stem}.rgr`);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat(chunks));
  renameSync(tmp, path);
  return path;
}

/** Streams a finished episode to the live hub, yielding to the event loop so frames leave the process. */
export async function publishEpisode(hub: LiveHub, runId: string, episode: EvalEpisode): Promise<void> {
  const header = rolloutHeader(episode, `${runId}/${rolloutStem(episode)}`, runId);
  const { createdAt, software, ...start } = header;
  void createdAt;
  void software;
  const streamId = hub.beginEpisode({ ...start, runId, episode: episode.episode });
  let count = 0;
  for (const frame of framePayloads(episode)) {
    hub.publishFrame({ streamId, ...frame });
    if (++count % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  hub.endEpisode({ streamId, terminated: episode.terminated, truncated: episode.truncated, reason: episode.reason, episodeReturn: episode.episodeReturn, length: episode.length });
}
