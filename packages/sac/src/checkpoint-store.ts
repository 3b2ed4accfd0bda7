// Checkpoint folders: checkpoints/<step>/ (manifest.json + state.bin [+ replay.bin]) written atomically, and `latest`.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packFloats, unpackFloats } from './float-packing.js';

export const CHECKPOINT_FORMAT = 'rapier-gym-checkpoint/1';
const MANIFEST = 'manifest.json';
const STATE_BIN = 'state.bin';
const REPLAY_JSON = 'replay.json';
const REPLAY_BIN = 'replay.bin';
const LATEST = 'latest';

/** What a checkpoint holds besides the replay buffer: any JSON-like data whose Float32Arrays go to state.bin. */
export interface CheckpointContents<State, Replay> {
  step: number;
  state: State;
  /** Saved only with the newest checkpoint; older checkpoints lose theirs when a newer one is written. */
  replay?: Replay;
}

function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * Writes `<dir>/<step>/` through a temporary folder renamed into place, then points `<dir>/latest` at it and removes
 * the replay buffer files of every other checkpoint. Returns the checkpoint's folder.
 */
export function writeCheckpoint<S, R>(checkpointsDir: string, contents: CheckpointContents<S, R>): string {
  mkdirSync(checkpointsDir, { recursive: true });
  const finalDir = join(checkpointsDir, String(contents.step));
  const tmpDir = join(checkpointsDir, `.tmp-${contents.step}-${process.pid}-${Date.now()}`);
  mkdirSync(tmpDir);
  const state = packFloats(contents.state);
  writeFileSync(join(tmpDir, STATE_BIN), state.blob);
  if (contents.replay !== undefined) {
    const replay = packFloats(contents.replay);
    writeFileSync(join(tmpDir, REPLAY_BIN), replay.blob);
    writeFileSync(join(tmpDir, REPLAY_JSON), replay.json);
  }
  // The manifest is written last: a folder without one is incomplete.
  writeFileSync(join(tmpDir, MANIFEST), JSON.stringify({ format: CHECKPOINT_FORMAT, step: contents.step, createdAt: new Date().toISOString(), hasReplay: contents.replay !== undefined, state: JSON.parse(state.json) as unknown }));
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(tmpDir, finalDir);
  writeFileAtomically(join(checkpointsDir, LATEST), `${contents.step}\n`);
  if (contents.replay !== undefined) {
    for (const step of listCheckpointSteps(checkpointsDir)) {
      if (step === contents.step) continue;
      rmSync(join(checkpointsDir, String(step), REPLAY_BIN), { force: true });
      rmSync(join(checkpointsDir, String(step), REPLAY_JSON), { force: true });
    }
  }
  return finalDir;
}

/** Steps of the complete checkpoints (folders named by an integer with a manifest), ascending. */
export function listCheckpointSteps(checkpointsDir: string): number[] {
  if (!existsSync(checkpointsDir)) return [];
  return readdirSync(checkpointsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+$/.test(e.name) && existsSync(join(checkpointsDir, e.name, MANIFEST)))
    .map((e) => Number(e.name))
    .sort((a, b) => a - b);
}

/** The step `<dir>/latest` names, or undefined when there is no checkpoint yet. */
export function latestCheckpointStep(checkpointsDir: string): number | undefined {
  const path = join(checkpointsDir, LATEST);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8').trim();
  const step = Number(text);
  if (!/^\d+$/.test(text) || !existsSync(join(checkpointsDir, text, MANIFEST))) {
    throw new Error(`checkpoint: ${path} must name an existing checkpoint step, received "${text}"`);
  }
  return step;
}

/** Reads a checkpoint folder; `withReplay` also loads the replay buffer (an Error if this checkpoint has none). */
export function readCheckpoint<S, R>(dir: string, withReplay: boolean): CheckpointContents<S, R> {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) throw new Error(`checkpoint: ${dir} has no ${MANIFEST} (not a checkpoint folder, or an incomplete one)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { format: string; step: number; hasReplay: boolean; state: unknown };
  if (manifest.format !== CHECKPOINT_FORMAT) throw new Error(`checkpoint: ${manifestPath} must have format "${CHECKPOINT_FORMAT}", received "${manifest.format}"`);
  const state = unpackFloats<S>(JSON.stringify(manifest.state), readFileSync(join(dir, STATE_BIN)), `checkpoint ${dir}`);
  const contents: CheckpointContents<S, R> = { step: manifest.step, state };
  if (withReplay) {
    if (!existsSync(join(dir, REPLAY_BIN))) {
      throw new Error(`checkpoint: ${dir} holds no replay buffer (only the latest checkpoint keeps it); resume from the latest checkpoint`);
    }
    contents.replay = unpackFloats<R>(readFileSync(join(dir, REPLAY_JSON), 'utf8'), readFileSync(join(dir, REPLAY_BIN)), `checkpoint ${dir} replay`);
  }
  return contents;
}
