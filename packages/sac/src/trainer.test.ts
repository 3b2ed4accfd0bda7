// Trainer: exact resume (periodic, final and abort checkpoints), atomic checkpoint folders, NaN stops with the last checkpoint named.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { readCheckpoint } from './checkpoint-store.js';
import { createSacLearner } from './create-learner.js';
import { resolveTrainConfig, type TrainConfig } from './train-config.js';
import { train, TrainingDivergedError, type TrainerCheckpointState } from './trainer.js';
import type { MetricsRow } from './training-metrics.js';

const root = mkdtempSync(join(tmpdir(), 'sac-trainer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base: Partial<TrainConfig> & { env: string } = {
  env: 'Pendulum-v1',
  totalSteps: 240,
  seed: 3,
  backend: 'cpu',
  logEvery: 40,
  evalEvery: 120,
  evalEpisodes: 1,
  checkpointEvery: 80,
  sac: { actorHiddenSizes: [16, 16], criticHiddenSizes: [16, 16], batchSize: 16, learningStarts: 50, randomSteps: 60, bufferSize: 1000 },
};

/** Rows without wall-clock fields. */
function reproducible(rows: MetricsRow[]): Omit<MetricsRow, 'sps' | 'updateMs' | 'timeSeconds'>[] {
  return rows.map(({ sps, updateMs, timeSeconds, ...rest }) => (void sps, void updateMs, void timeSeconds, rest));
}

function files(dir: string, step: number): { state: Buffer; replay: Buffer } {
  const d = join(dir, String(step));
  return { state: readFileSync(join(d, 'state.bin')), replay: readFileSync(join(d, 'replay.bin')) };
}

describe('train', () => {
  const fullDir = join(root, 'full', 'checkpoints');
  const fullRows: MetricsRow[] = [];
  it('runs, logs every interval, evaluates and checkpoints', async () => {
    await tf.setBackend('cpu');
    // The trainer itself must leave no tensors behind; a bare learner's create + dispose is the baseline it is held to.
    let before = tf.memory().numTensors;
    createSacLearner(3, { kind: 'box', size: 1 }, resolveTrainConfig(base).sac).dispose();
    const learnerLeak = tf.memory().numTensors - before;
    before = tf.memory().numTensors;
    const result = await train(base, { checkpointDir: fullDir, onMetrics: (r) => void fullRows.push(r) });
    expect(tf.memory().numTensors - before).toBe(learnerLeak);
    expect(result.step).toBe(240);
    expect(fullRows.map((r) => r.step)).toEqual([40, 80, 120, 160, 200, 240]);
    // learningStarts 50 with one gradient step per env step: 240 − 50 + 1 updates.
    expect(fullRows.at(-1)!.gradientSteps).toBe(191);
    expect(fullRows[0]!.criticLoss).toBeNull();
    expect(fullRows[2]!.evalReturnMean).not.toBeNull();
    expect(fullRows[1]!.evalReturnMean).toBeNull();
    // Pendulum episodes last 200 steps: one finished by step 200.
    expect(fullRows[4]!.episodes).toBe(1);
    expect(fullRows[4]!.episodeReturn).toBeLessThan(0);
    expect(readdirSync(fullDir).sort()).toEqual(['160', '240', '80', 'latest']);
    expect(readFileSync(join(fullDir, 'latest'), 'utf8').trim()).toBe('240');
    // Only the latest checkpoint keeps the replay buffer.
    expect(existsSync(join(fullDir, '80', 'replay.bin'))).toBe(false);
    expect(existsSync(join(fullDir, '240', 'replay.bin'))).toBe(true);
    const saved = readCheckpoint<TrainerCheckpointState, never>(join(fullDir, '240'), false).state;
    expect(saved.step).toBe(240);
    expect(saved.learner.counters[0]).toBe(191);
  });

  it('resumed from a mid-episode final checkpoint equals the uninterrupted run bit for bit', async () => {
    const dir = join(root, 'split', 'checkpoints');
    const rows: MetricsRow[] = [];
    await train({ ...base, totalSteps: 130 }, { checkpointDir: dir, onMetrics: (r) => void rows.push(r) });
    const resumedRows: MetricsRow[] = [];
    const result = await train(base, { checkpointDir: dir, resumeFrom: join(dir, '130'), onMetrics: (r) => void resumedRows.push(r) });
    expect(result.step).toBe(240);
    expect(reproducible(resumedRows)).toEqual(reproducible(fullRows.filter((r) => r.step > 130)));
    const a = files(fullDir, 240);
    const b = files(dir, 240);
    expect(b.replay.equals(a.replay)).toBe(true);
    expect(b.state.equals(a.state)).toBe(true);
    const stateA = readCheckpoint<TrainerCheckpointState, never>(join(fullDir, '240'), false).state;
    const stateB = readCheckpoint<TrainerCheckpointState, never>(join(dir, '240'), false).state;
    expect(stateB).toEqual(stateA);
  });

  it('on the wasm backend too, a run resumed mid-episode ends in the same state as an uninterrupted one', async () => {
    const wasm = { ...base, backend: 'wasm' as const };
    const fullWasm = join(root, 'wasm-full', 'checkpoints');
    const splitWasm = join(root, 'wasm-split', 'checkpoints');
    await train(wasm, { checkpointDir: fullWasm });
    await train({ ...wasm, totalSteps: 170 }, { checkpointDir: splitWasm });
    await train(wasm, { checkpointDir: splitWasm, resumeFrom: join(splitWasm, '170') });
    expect(files(splitWasm, 240).state.equals(files(fullWasm, 240).state)).toBe(true);
    expect(files(splitWasm, 240).replay.equals(files(fullWasm, 240).replay)).toBe(true);
    // The two backends round differently, so the wasm run is not the cpu run.
    expect(files(fullWasm, 240).state.equals(files(fullDir, 240).state)).toBe(false);
  });

  it('an aborted run saves a checkpoint at the current step and resumes exactly', async () => {
    const dir = join(root, 'abort', 'checkpoints');
    const controller = new AbortController();
    const first = await train(base, { checkpointDir: dir, signal: controller.signal, onMetrics: (r) => { if (r.step === 120) controller.abort(); } });
    expect(first.stopped).toBe(true);
    expect(first.step).toBe(120);
    expect(first.lastCheckpoint).toMatchObject({ step: 120, reason: 'abort' });
    await train(base, { checkpointDir: dir, resumeFrom: join(dir, '120') });
    expect(files(dir, 240).state.equals(files(fullDir, 240).state)).toBe(true);
  });

  it('refuses to resume with a different SAC configuration, naming the field', async () => {
    await expect(train({ ...base, sac: { ...base.sac, batchSize: 8 } }, { resumeFrom: join(fullDir, '240') })).rejects.toThrow(/config field "sac" differs/);
  });

  it('refuses to resume from a checkpoint without the replay buffer', async () => {
    await expect(train(base, { resumeFrom: join(fullDir, '80') })).rejects.toThrow(/holds no replay buffer/);
  });

  it('stops on a non-finite loss and names the last good checkpoint', async () => {
    const dir = join(root, 'nan', 'checkpoints');
    // Pendulum rewards are ≤ −0 and up to −16.3; scaled by 1e38 they overflow float32 to −∞ in the critic target.
    const config = { ...base, checkpointEvery: 20, sac: { ...base.sac, rewardScale: 1e38 } };
    const error = await train(config, { checkpointDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect((error as TrainingDivergedError).step).toBe(50);
    expect((error as Error).message).toContain(`Last good checkpoint: ${join(dir, '40')}`);
  });
});
