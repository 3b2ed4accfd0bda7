// Training configuration: defaults, the preset + overrides + seed, and errors naming the field and the value.
import { describe, expect, it } from 'vitest';
import { getPreset } from './presets.js';
import { applySetting, resolveTrainConfig, type TrainConfig } from './train-config.js';

describe('resolveTrainConfig', () => {
  it('applies the preset, the overrides and the run seed to the SAC part', () => {
    const c = resolveTrainConfig({ env: 'Pendulum-v1', preset: 'spinningup', seed: 9, sac: { batchSize: 64 } });
    expect(c.sac.batchSize).toBe(64);
    expect(c.sac.updateEvery).toBe(getPreset('spinningup').config.updateEvery);
    expect(c.sac.seed).toBe(9);
    expect(c.evalSeed).toBe(1_000_009);
    expect(c.totalSteps).toBe(100_000);
  });

  it.each([
    [{ totalSteps: 0 }, /totalSteps must be an integer ≥ 1, received 0/],
    [{ backend: 'gpu' }, /backend must be "auto" or one of tensorflow, wasm, cpu, received "gpu"/],
    [{ preset: 'nope' }, /preset must be one of haarnoja, .*received "nope"/],
    [{ batchSize: 64 }, /unknown field "batchSize".*SAC settings go under "sac"/],
    [{ sac: { batchSize: -1 } }, /batchSize must be an integer in \[1, ∞\], received -1/],
    [{ env: '' }, /env must be a non-empty env id/],
  ])('rejects %j', (override, message) => {
    expect(() => resolveTrainConfig({ env: 'Pendulum-v1', ...(override as Partial<TrainConfig>) })).toThrow(message);
  });
});

describe('applySetting', () => {
  it('routes trainer fields, SAC fields (bare or sac.) and env options, parsing JSON values', () => {
    const c: Partial<TrainConfig> = {};
    applySetting(c, 'totalSteps=5000');
    applySetting(c, 'batchSize=64');
    applySetting(c, 'sac.actorHiddenSizes=[32,32]');
    applySetting(c, 'alpha=auto');
    applySetting(c, 'envOptions.g=9.81');
    expect(c).toEqual({ totalSteps: 5000, sac: { batchSize: 64, actorHiddenSizes: [32, 32], alpha: 'auto' }, envOptions: { g: 9.81 } });
  });

  it('rejects unknown keys and missing "="', () => {
    expect(() => applySetting({}, 'bogus=1')).toThrow(/unknown key "bogus"/);
    expect(() => applySetting({}, 'totalSteps')).toThrow(/expected key=value, received "totalSteps"/);
  });
});
