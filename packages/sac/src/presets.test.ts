// Tests that each preset equals the seed write-up's hyperparameter table (and CleanRL's defaults), cell by cell.
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, getPreset, presetConfig } from './presets.js';

// The seed's table (000_*.txt "Hyper-parameters"), transcribed by hand; comments give the cell as printed where a
// cell needed interpretation.
const table = {
  haarnoja: {
    gamma: 0.99, randomSteps: 1000, tau: 0.005, bufferSize: 1e6, batchSize: 256, seed: 1, learningStarts: 1000,
    actorHiddenSizes: [256, 256], logStdMode: 'clip', logStdMin: -20, logStdMax: 2, actorLr: 3e-4, activation: 'relu',
    init: 'xavier', criticHiddenSizes: [256, 256], criticLr: 3e-4, updateEvery: 1, targetUpdateInterval: 1,
    // "Reward scaling: Yes (b)", "Entropy coefficient 0.0", "auto-tuning No": α = 1 fixed with scale_reward 5.
    alpha: 1, rewardScale: 5,
  },
  'stable-baselines': {
    gamma: 0.99, tau: 0.005, bufferSize: 5e5, batchSize: 64, learningStarts: 100, actorHiddenSizes: [64, 64],
    logStdMode: 'clip-pass-gradient', logStdMin: -20, logStdMax: 2, actorLr: 3e-4, activation: 'relu', init: 'xavier',
    criticHiddenSizes: [64, 64], criticLr: 3e-4, updateEvery: 1, alpha: 'auto', rewardScale: 1,
  },
  spinningup: {
    gamma: 0.99, randomSteps: 10000, tau: 0.005, bufferSize: 1e6, batchSize: 100, seed: 0, alpha: 0.2,
    learningStarts: 1000, actorHiddenSizes: [256, 256], logStdMode: 'clip', logStdMin: -20, logStdMax: 2,
    actorLr: 1e-3, activation: 'relu', init: 'torch-default', criticHiddenSizes: [256, 256], criticLr: 1e-3,
    rewardScale: 1,
    // "Update frequency 50 (f)": 50 gradient steps every 50 env steps.
    updateEvery: 50, gradientSteps: 1,
  },
  yarats: {
    gamma: 0.99, randomSteps: 5000, tau: 0.005, bufferSize: 1e6, batchSize: 1024, seed: 1, learningStarts: 5000,
    actorHiddenSizes: [1024, 1024], logStdMode: 'tanh', logStdMin: -5, logStdMax: 2, actorLr: 1e-4,
    activation: 'relu', init: 'torch-default', criticHiddenSizes: [1024, 1024], criticLr: 1e-4, rewardScale: 1,
    // "Entropy coefficient 0.1, auto-tuning Yes": learnable, starting at 0.1.
    alpha: 'auto', initialAlpha: 0.1,
    // Policy "update frequency 1", Q "update frequency 2": actor every step, critic target every 2 steps.
    actorUpdateInterval: 1, updateEvery: 1, targetUpdateInterval: 2,
  },
} as const;

describe('presets', () => {
  it('has the four implementations of the seed table plus cleanrl', () => {
    expect([...PRESET_NAMES].sort()).toEqual(['cleanrl', 'haarnoja', 'spinningup', 'stable-baselines', 'yarats']);
  });

  for (const [name, cells] of Object.entries(table)) {
    it(`${name} equals the seed table`, () => {
      expect(getPreset(name).config).toMatchObject(cells);
    });
  }

  it('policy parameterisation follows the seed\'s pseudo-code (joint heads for Haarnoja and Yarats)', () => {
    expect(getPreset('haarnoja').config.policyHead).toBe('joint');
    expect(getPreset('yarats').config.policyHead).toBe('joint');
    expect(getPreset('stable-baselines').config.policyHead).toBe('separate');
    expect(getPreset('spinningup').config.policyHead).toBe('separate');
  });

  it('haarnoja is SAC v1 with output L2 regularisation 1e-3', () => {
    expect(getPreset('haarnoja').config).toMatchObject({ variant: 'sac-v1', policyRegularization: 1e-3, policyRegularizationTarget: 'outputs' });
  });

  it('cleanrl matches sac_continuous_action.py', () => {
    expect(getPreset('cleanrl').config).toMatchObject({
      batchSize: 256, learningStarts: 5000, actorLr: 3e-4, criticLr: 1e-3, alphaLr: 1e-3, actorUpdateInterval: 2,
      targetUpdateInterval: 1, alpha: 'auto', initialAlpha: 1, logStdMode: 'tanh', logStdMin: -5, logStdMax: 2,
      policyHead: 'separate', init: 'torch-default',
    });
  });

  it('writes down a reason for every ambiguous cell', () => {
    expect(getPreset('haarnoja').decisions.alpha).toMatch(/scale_reward/);
    expect(getPreset('spinningup').decisions.updateEvery).toMatch(/update_every/);
    expect(getPreset('yarats').decisions.targetUpdateInterval).toMatch(/critic_target_update_frequency/);
  });

  it('applies validated overrides and rejects unknown names', () => {
    expect(presetConfig('spinningup', { numCritics: 3 }).numCritics).toBe(3);
    expect(() => presetConfig('spinningup', { numCritics: 0 })).toThrow('numCritics must be an integer in [1, 10], received 0');
    expect(() => getPreset('td3')).toThrow('sac preset: expected one of haarnoja, stable-baselines, spinningup, yarats, cleanrl, received "td3"');
  });

  it('hands out copies', () => {
    getPreset('yarats').config.actorHiddenSizes[0] = 1;
    expect(getPreset('yarats').config.actorHiddenSizes).toEqual([1024, 1024]);
  });
});
