// Tests for backend selection: order of preference, fallback reasons, forced choices and the real wasm/cpu backends.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  chooseBackend,
  cpuCandidate,
  describeTensorflowDevice,
  formatBackendChoice,
  parseBackendName,
  tensorflowCandidate,
  wasmCandidate,
  type BackendCandidate,
  type BackendName,
} from './backend.js';

function fake(name: BackendName, works: boolean, log: string[]): BackendCandidate {
  return {
    name,
    async start() {
      log.push(name);
      if (!works) throw new Error(`${name} broken`);
      return { device: `${name}-device`, packageName: `${name}-pkg` };
    },
  };
}

const missingModule = async (specifier: string): Promise<unknown> => {
  throw new Error(`Cannot find package '${specifier}'`);
};

describe('chooseBackend', () => {
  it('takes the first candidate that starts and records why earlier ones were skipped', async () => {
    const log: string[] = [];
    const choice = await chooseBackend([fake('tensorflow', false, log), fake('wasm', true, log), fake('cpu', true, log)]);
    expect(choice.backend).toBe('wasm');
    expect(choice.device).toBe('wasm-device');
    expect(choice.skipped).toEqual([{ backend: 'tensorflow', reason: 'tensorflow broken' }]);
    expect(log).toEqual(['tensorflow', 'wasm']);
  });

  it('falls through to cpu when tensorflow and wasm both fail', async () => {
    const log: string[] = [];
    const choice = await chooseBackend([fake('tensorflow', false, log), fake('wasm', false, log), fake('cpu', true, log)]);
    expect(choice.backend).toBe('cpu');
    expect(choice.skipped.map((s) => s.backend)).toEqual(['tensorflow', 'wasm']);
  });

  it('starts only the forced backend, without trying the others', async () => {
    const log: string[] = [];
    const choice = await chooseBackend([fake('tensorflow', true, log), fake('wasm', true, log), fake('cpu', true, log)], 'cpu');
    expect(choice.backend).toBe('cpu');
    expect(log).toEqual(['cpu']);
  });

  it('fails clearly when a forced backend cannot start, instead of falling back', async () => {
    const log: string[] = [];
    await expect(chooseBackend([fake('tensorflow', false, log), fake('cpu', true, log)], 'tensorflow')).rejects.toThrow(
      'backend: "tensorflow" was requested but could not be started: tensorflow broken',
    );
    expect(log).toEqual(['tensorflow']);
  });

  it('fails clearly when nothing starts', async () => {
    await expect(chooseBackend([fake('wasm', false, []), fake('cpu', false, [])])).rejects.toThrow(
      'no tfjs backend could be started (wasm: wasm broken; cpu: cpu broken)',
    );
  });
});

describe('the real candidates', () => {
  it('tensorflow reports both packages it tried when neither is installed', async () => {
    await expect(tensorflowCandidate(missingModule).start()).rejects.toThrow(
      /@tensorflow\/tfjs-node-gpu did not load .*; @tensorflow\/tfjs-node did not load/,
    );
  });

  it('tensorflow refuses a package that loads but registers no backend on this tfjs-core', async () => {
    await expect(tensorflowCandidate(async () => ({})).start()).rejects.toThrow(/registered no "tensorflow" backend/);
  });

  it('a forced tensorflow backend on this machine is a clear error', async () => {
    await expect(chooseBackend([tensorflowCandidate(missingModule), cpuCandidate()], 'tensorflow')).rejects.toThrow(
      /"tensorflow" was requested but could not be started: @tensorflow\/tfjs-node-gpu did not load/,
    );
  });

  it('falls back from a missing tensorflow to wasm, which runs with SIMD', async () => {
    const choice = await chooseBackend([tensorflowCandidate(missingModule), wasmCandidate(), cpuCandidate()]);
    expect(choice.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.device).toBe('wasm-simd, 1 thread');
    expect(tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0]).toBe(5);
    expect(formatBackendChoice(choice)).toMatch(/^backend wasm \(wasm-simd, 1 thread\) from @tensorflow\/tfjs-backend-wasm \[skipped tensorflow: /);
  });

  it('cpu starts when forced', async () => {
    const choice = await chooseBackend([tensorflowCandidate(missingModule), wasmCandidate(), cpuCandidate()], 'cpu');
    expect(choice).toMatchObject({ backend: 'cpu', device: 'js', skipped: [] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('describes the tfjs-node device from the backend flags', () => {
    expect(describeTensorflowDevice({ isUsingGpuDevice: true, isGPUPackage: true })).toBe('cuda');
    expect(describeTensorflowDevice({ isUsingGpuDevice: false, isGPUPackage: true })).toMatch(/^cpu/);
    expect(describeTensorflowDevice({})).toBe('cpu (libtensorflow)');
  });
});

describe('parseBackendName', () => {
  it('accepts the three names and rejects others with the expected list', () => {
    expect(parseBackendName('wasm')).toBe('wasm');
    expect(() => parseBackendName('webgpu')).toThrow('backend: expected one of tensorflow, wasm, cpu, received "webgpu"');
  });
});
