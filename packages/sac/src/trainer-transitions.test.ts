// What the trainer stores: terminated (not truncated) as the bootstrap mask, the true final observation on truncation,
// and nothing for a step flagged info.physics_error.
import { BaseEnv, Box, register, registeredIds, type EnvMetadata, type Info, type SceneDescription, type StepResult } from '@rapier-gym/envs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readCheckpoint } from './checkpoint-store.js';
import type { ReplayBufferState } from './replay-buffer-state.js';
import { train, type TrainerCheckpointState } from './trainer.js';

/** Observation [10·episode + t]. Episode 1 terminates at t = 4; episode 2 blows up at t = 2; later ones run into the time limit (5). */
class ScriptedEnv extends BaseEnv<Float32Array, Float32Array> {
  readonly observationSpace = new Box(-1000, 1000, [1]);
  readonly actionSpace = new Box(-2, 2, [1]);
  readonly metadata: EnvMetadata = { renderFps: 10, renderModes: ['scene'] };
  private episode = 0;
  private t = 0;
  protected resetState(): { obs: Float32Array; info: Info } {
    this.episode += 1;
    this.t = 0;
    return { obs: Float32Array.of(10 * this.episode), info: {} };
  }
  protected stepState(): StepResult {
    this.t += 1;
    const obs = Float32Array.of(10 * this.episode + this.t);
    if (this.episode === 2 && this.t === 2) return { obs, reward: 0, terminated: false, truncated: true, info: { physics_error: 'blown up' } };
    return { obs, reward: 1, terminated: this.episode === 1 && this.t === 4, truncated: false, info: {} };
  }
  scene(): SceneDescription {
    return { name: 'scripted', up: 'z', dt: 0.1, trackBody: 0, bodies: [{ name: 'world', parent: -1, geoms: [] }] };
  }
  poses(out = new Float32Array(7)): Float32Array {
    out.set([0, 0, 0, 0, 0, 0, 1]);
    return out;
  }
}

if (!registeredIds().includes('test/Scripted-v0')) register({ id: 'test/Scripted-v0', entryPoint: () => new ScriptedEnv(), defaultOptions: {}, maxEpisodeSteps: 5 });

const root = mkdtempSync(join(tmpdir(), 'sac-transitions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('stores terminated as the mask, the final observation on truncation, and drops physics errors', async () => {
  const dir = join(root, 'checkpoints');
  const result = await train(
    { env: 'test/Scripted-v0', totalSteps: 11, backend: 'cpu', evalEpisodes: 0, checkpointEvery: 0, logEvery: 11, sac: { actorHiddenSizes: [4], criticHiddenSizes: [4], randomSteps: 11, learningStarts: 1000, bufferSize: 64 } },
    { checkpointDir: dir },
  );
  expect(result.finalRow).toMatchObject({ step: 11, episodes: 3, physicsErrors: 1, gradientSteps: 0 });
  const replay = readCheckpoint<TrainerCheckpointState, ReplayBufferState>(join(dir, '11'), true).replay!;
  expect(replay.count).toBe(10);
  expect(Array.from(replay.observations)).toEqual([10, 11, 12, 13, 20, 30, 31, 32, 33, 34]);
  expect(Array.from(replay.nextObservations)).toEqual([11, 12, 13, 14, 21, 31, 32, 33, 34, 35]);
  expect(Array.from(replay.terminated)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  expect(Array.from(replay.rewards)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  for (const a of replay.actions) expect(Math.abs(a)).toBeLessThanOrEqual(1);
});
