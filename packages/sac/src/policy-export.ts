// Browser export of a policy: a tfjs LayersModel (model.json + weights.bin) computing the deterministic action, plus policy.json.
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from './load-policy.js';
import type { DenseWeights } from './mlp.js';
import type { PolicySnapshot } from './policy-snapshot.js';

/** What policy.json says next to the model: how to turn the model's output into an env action. */
export interface BrowserPolicyInfo {
  format: 'rapier-gym-browser-policy/1';
  envId: string;
  step: number;
  kind: PolicySnapshot['kind'];
  observationSize: number;
  /** gaussian: the model outputs tanh(μ) ∈ [−1, 1]^|A|; env action = low + (output + 1)·(high − low)/2. */
  actionLow: number[] | null;
  actionHigh: number[] | null;
  /** categorical: the model outputs π(·|s); env action = discreteStart + argmax. */
  discreteStart: number | null;
}

/** The first `columns` columns of a row-major [in, out] layer. */
function leadingColumns(layer: DenseWeights, columns: number): DenseWeights {
  if (columns === layer.outputSize) return layer;
  const weights = new Float32Array(layer.inputSize * columns);
  for (let i = 0; i < layer.inputSize; i++) weights.set(layer.weights.subarray(i * layer.outputSize, i * layer.outputSize + columns), i * columns);
  return { inputSize: layer.inputSize, outputSize: columns, weights, bias: layer.bias.slice(0, columns) };
}

/** Layers and activations of the deterministic policy: trunk, then tanh(mean head), or logits then softmax. */
function deterministicLayers(snapshot: PolicySnapshot): { layer: DenseWeights; activation: 'relu' | 'tanh' | 'linear' | 'softmax' }[] {
  if (snapshot.kind === 'categorical') {
    return snapshot.layers.map((layer, i) => ({ layer, activation: i === snapshot.layers.length - 1 ? 'softmax' : snapshot.activation }));
  }
  const w = snapshot.weights;
  return [...w.trunk.map((layer) => ({ layer, activation: w.activation })), { layer: leadingColumns(w.heads[0]!, w.actionSize), activation: 'tanh' as const }];
}

/** Builds the tfjs model (the caller disposes it). */
export function buildBrowserModel(snapshot: PolicySnapshot): tf.Sequential {
  const model = tf.sequential();
  const layers = deterministicLayers(snapshot);
  layers.forEach(({ layer, activation }, i) => {
    model.add(tf.layers.dense({ units: layer.outputSize, activation, ...(i === 0 ? { inputShape: [layer.inputSize] } : {}), name: `policy_dense_${i}` }));
  });
  tf.tidy(() => {
    const weights = layers.flatMap(({ layer }) => [tf.tensor2d(layer.weights, [layer.inputSize, layer.outputSize]), tf.tensor1d(layer.bias)]);
    model.setWeights(weights);
  });
  return model;
}

/**
 * Writes `<outDir>/model.json`, `weights.bin` (tf.loadLayersModel's format) and `policy.json`, replacing the folder
 * atomically. In a browser: `const model = await tf.loadLayersModel('policy/model.json'); model.predict(obs)`.
 */
export async function exportBrowserPolicy(snapshot: PolicySnapshot, info: Omit<BrowserPolicyInfo, 'format' | 'kind' | 'observationSize'>, outDir: string): Promise<void> {
  const model = buildBrowserModel(snapshot);
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const data = artifacts.weightData;
        const bytes = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
        writeFileSync(join(tmpDir, 'weights.bin'), new Uint8Array(bytes));
        const modelJson = {
          modelTopology: artifacts.modelTopology,
          format: 'layers-model',
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
          convertedBy: null,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
        };
        writeFileSync(join(tmpDir, 'model.json'), JSON.stringify(modelJson));
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
  } finally {
    model.dispose();
  }
  const policyInfo: BrowserPolicyInfo = { format: 'rapier-gym-browser-policy/1', kind: snapshot.kind, observationSize: snapshot.observationSize, ...info };
  writeFileSync(join(tmpDir, 'policy.json'), JSON.stringify(policyInfo, null, 2));
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmpDir, outDir);
}

/** Exports the policy of a checkpoint folder (or a run's latest checkpoint) to `outDir` for the browser. */
export async function exportCheckpointPolicy(checkpointOrRunDir: string, outDir: string): Promise<void> {
  const policy = await loadPolicy(checkpointOrRunDir);
  await exportBrowserPolicy(
    policy.snapshot,
    {
      envId: policy.envId,
      step: policy.step,
      actionLow: policy.actionLow ? Array.from(policy.actionLow) : null,
      actionHigh: policy.actionHigh ? Array.from(policy.actionHigh) : null,
      discreteStart: policy.discreteStart ?? null,
    },
    outDir,
  );
}
