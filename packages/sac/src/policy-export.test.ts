// Checkpoint round trip (learner state, loadPolicy) and the browser export loaded back with tf.loadLayersModel.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCheckpoint } from './checkpoint-store.js';
import { createSacLearner } from './create-learner.js';
import { loadPolicy } from './load-policy.js';
import { exportBrowserPolicy } from './policy-export.js';
import { SnapshotActor } from './policy-snapshot.js';
import type { TrainConfig } from './train-config.js';
import { train, type TrainerCheckpointState } from './trainer.js';

const root = mkdtempSync(join(tmpdir(), 'sac-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tiny = { actorHiddenSizes: [8, 8], criticHiddenSizes: [8, 8], batchSize: 8, learningStarts: 20, randomSteps: 20, bufferSize: 200 };
const observations = [Float32Array.of(1, 0, 0), Float32Array.of(0.6, -0.8, 3.5), Float32Array.of(-1, 0, -7)];

async function trainedRun(name: string, config: Partial<TrainConfig> & { env: string }): Promise<string> {
  const runDir = join(root, name);
  await train({ totalSteps: 60, backend: 'cpu', evalEpisodes: 0, checkpointEvery: 0, logEvery: 60, ...config }, { checkpointDir: join(runDir, 'checkpoints') });
  return runDir;
}

/** A tfjs IOHandler reading an exported folder from disk, as a browser would fetch it. */
function folderHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
      const bytes = readFileSync(join(dir, modelJson.weightsManifest[0]!.paths[0]!));
      return { modelTopology: modelJson.modelTopology, weightSpecs: modelJson.weightsManifest[0]!.weights, weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    },
  };
}

describe('continuous policy', () => {
  let runDir: string;
  beforeAll(async () => {
    runDir = await trainedRun('pendulum', { env: 'Pendulum-v1', sac: tiny });
  });

  it('a learner restored from the checkpoint exports the same state and acts as loadPolicy does', async () => {
    const { state } = readCheckpoint<TrainerCheckpointState, never>(join(runDir, 'checkpoints', '60'), false);
    const learner = createSacLearner(3, { kind: 'box', size: 1 }, state.config.sac);
    try {
      learner.importState(state.learner);
      expect(learner.exportState()).toEqual(state.learner);
      const policy = await loadPolicy(runDir);
      expect(policy).toMatchObject({ envId: 'Pendulum-v1', step: 60, observationSize: 3 });
      for (const obs of observations) {
        const mean = learner.act(obs, true)[0]!;
        // Pendulum's torque is in [−2, 2]: env action = 2·tanh(μ).
        expect((policy.act(obs, { deterministic: true }) as Float32Array)[0]).toBeCloseTo(2 * mean, 5);
      }
    } finally {
      learner.dispose();
    }
  });

  it('stochastic actions stay in the Box and are reproducible for a seed', async () => {
    const a = await loadPolicy(runDir, { seed: 7 });
    const b = await loadPolicy(runDir, { seed: 7 });
    const xs = observations.map((o) => (a.act(o, { deterministic: false }) as Float32Array)[0]!);
    const ys = observations.map((o) => (b.act(o, { deterministic: false }) as Float32Array)[0]!);
    expect(xs).toEqual(ys);
    for (const x of xs) expect(Math.abs(x)).toBeLessThanOrEqual(2);
  });

  it('the browser export loads with tf.loadLayersModel and outputs the plain actor\'s mean action', async () => {
    const policy = await loadPolicy(runDir);
    const out = join(runDir, 'policy');
    await exportBrowserPolicy(policy.snapshot, { envId: policy.envId, step: policy.step, actionLow: [-2], actionHigh: [2], discreteStart: null }, out);
    const model = await tf.loadLayersModel(folderHandler(out));
    const actor = new SnapshotActor(policy.snapshot);
    for (const obs of observations) {
      const y = tf.tidy(() => (model.predict(tf.tensor2d(obs, [1, 3])) as tf.Tensor).dataSync()[0]!);
      expect(y).toBeCloseTo(actor.act(obs, true, undefined)[0]!, 5);
    }
    model.dispose();
    expect(JSON.parse(readFileSync(join(out, 'policy.json'), 'utf8'))).toMatchObject({ kind: 'gaussian', observationSize: 3, actionLow: [-2] });
  });
});

describe('discrete policy', () => {
  it('CartPole: loadPolicy returns the argmax action and the export outputs π(·|s)', async () => {
    const runDir = await trainedRun('cartpole', { env: 'CartPole-v1', sac: tiny });
    const policy = await loadPolicy(runDir);
    const actor = new SnapshotActor(policy.snapshot);
    const out = join(runDir, 'policy');
    await exportBrowserPolicy(policy.snapshot, { envId: policy.envId, step: policy.step, actionLow: null, actionHigh: null, discreteStart: 0 }, out);
    const model = await tf.loadLayersModel(folderHandler(out));
    const states = [Float32Array.of(0, 0, 0.05, 0), Float32Array.of(0.1, -0.5, -0.1, 1)];
    for (const obs of states) {
      const action = policy.act(obs, { deterministic: true });
      expect([0, 1]).toContain(action);
      const probs = tf.tidy(() => Array.from((model.predict(tf.tensor2d(obs, [1, 4])) as tf.Tensor).dataSync()));
      expect(probs[0]! + probs[1]!).toBeCloseTo(1, 6);
      expect(action).toBe(probs[1]! > probs[0]! ? 1 : 0);
      expect(actor.act(obs, true, undefined)[0]).toBe(action);
    }
    model.dispose();
  });
});
