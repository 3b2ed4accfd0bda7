// Tests for the configuration schema: documented defaults and validation errors.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAC_CONFIG, SAC_CONFIG_SCHEMA, resolveSacConfig } from './config.js';

describe('SacConfig schema', () => {
  it('documents every field with a default', () => {
    for (const [key, spec] of Object.entries(SAC_CONFIG_SCHEMA)) {
      expect(spec.doc.length, key).toBeGreaterThan(10);
      expect(DEFAULT_SAC_CONFIG[key as keyof typeof DEFAULT_SAC_CONFIG]).toEqual(spec.default);
    }
  });

  it('defaults are CleanRL sac_continuous_action.py', () => {
    expect(DEFAULT_SAC_CONFIG).toMatchObject({
      gamma: 0.99, tau: 0.005, batchSize: 256, bufferSize: 1e6, learningStarts: 5000, actorLr: 3e-4, criticLr: 1e-3,
      alphaLr: 1e-3, actorUpdateInterval: 2, targetUpdateInterval: 1, alpha: 'auto', numCritics: 2,
      logStdMode: 'tanh', logStdMin: -5, logStdMax: 2, actorHiddenSizes: [256, 256],
    });
  });

  it('merges overrides and accepts alpha as a number or "auto"', () => {
    expect(resolveSacConfig({ alpha: 0.2 }).alpha).toBe(0.2);
    expect(resolveSacConfig({ alpha: 'auto' }).alpha).toBe('auto');
    expect(resolveSacConfig({ numCritics: 10 }).numCritics).toBe(10);
  });

  it('rejects bad values naming the field, the expectation and the value', () => {
    expect(() => resolveSacConfig({ numCritics: 11 })).toThrow('sac config: numCritics must be an integer in [1, 10], received 11');
    expect(() => resolveSacConfig({ numCritics: 1.5 })).toThrow('numCritics must be an integer in [1, 10], received 1.5');
    expect(() => resolveSacConfig({ alpha: -1 })).toThrow('alpha must be "auto" or a finite number ≥ 0, received -1');
    expect(() => resolveSacConfig({ alpha: 'fixed' as never })).toThrow('alpha must be "auto" or a finite number ≥ 0, received "fixed"');
    expect(() => resolveSacConfig({ gamma: 1.5 })).toThrow('gamma must be a finite number in [0, 1], received 1.5');
    expect(() => resolveSacConfig({ tau: 0 })).toThrow('tau must be a finite number in (0, 1], received 0');
    expect(() => resolveSacConfig({ actorLr: Number.NaN })).toThrow('actorLr must be a finite number > 0, received null');
    expect(() => resolveSacConfig({ actorHiddenSizes: [] })).toThrow('actorHiddenSizes must be a non-empty array of positive integers, received []');
    expect(() => resolveSacConfig({ logStdMode: 'softplus' as never })).toThrow('logStdMode must be one of "clip", "clip-pass-gradient", "tanh", received "softplus"');
    expect(() => resolveSacConfig({ logStdMin: 3 })).toThrow('logStdMin must be < logStdMax, received logStdMin 3 and logStdMax 2');
  });

  it('rejects unknown fields', () => {
    expect(() => resolveSacConfig({ learning_rate: 1 } as never)).toThrow(/unknown field "learning_rate" \(expected one of variant, gamma/);
  });

  it('returns copies so callers cannot change the defaults', () => {
    const config = resolveSacConfig();
    config.actorHiddenSizes.push(7);
    expect(DEFAULT_SAC_CONFIG.actorHiddenSizes).toEqual([256, 256]);
  });
});
