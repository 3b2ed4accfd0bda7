// Named presets reproducing the reference SAC implementations' hyperparameters (seed write-up's table, plus CleanRL).
import { DEFAULT_SAC_CONFIG, resolveSacConfig, type SacConfig } from './config.js';

export type PresetName = 'haarnoja' | 'stable-baselines' | 'spinningup' | 'yarats' | 'cleanrl';

/** A preset: a full configuration, where it comes from, and why ambiguous values were chosen. */
export interface SacPreset {
  name: PresetName;
  source: string;
  config: SacConfig;
  /** Field → reason, for every value decided from the implementation's source rather than read off the table. */
  decisions: Partial<Record<keyof SacConfig, string>>;
}

const presets: Record<PresetName, SacPreset> = {
  haarnoja: {
    name: 'haarnoja',
    source: 'github.com/haarnoja/sac (examples/variants.py, sac/algos/sac.py, sac/distributions/normal.py)',
    config: resolveSacConfig({
      variant: 'sac-v1',
      gamma: 0.99,
      tau: 0.005,
      targetUpdateInterval: 1,
      batchSize: 256,
      bufferSize: 1_000_000,
      learningStarts: 1000,
      randomSteps: 1000,
      updateEvery: 1,
      gradientSteps: 1,
      actorUpdateInterval: 1,
      numCritics: 2,
      actorLr: 3e-4,
      criticLr: 3e-4,
      valueLr: 3e-4,
      alphaLr: 3e-4,
      alpha: 1,
      rewardScale: 5,
      actorHiddenSizes: [256, 256],
      criticHiddenSizes: [256, 256],
      activation: 'relu',
      init: 'xavier',
      policyHead: 'joint',
      logStdMode: 'clip',
      logStdMin: -20,
      logStdMax: 2,
      policyRegularization: 1e-3,
      policyRegularizationTarget: 'outputs',
      seed: 1,
    }),
    decisions: {
      alpha:
        'The table\'s "entropy coefficient 0.0" has no counterpart in the code: sac.py weighs log π with coefficient 1 in the value target and the KL surrogate, and multiplies rewards by scale_reward; so α = 1 with reward scaling (effective temperature 1/scale_reward).',
      rewardScale:
        'variants.py: scale_reward 5 for hopper, half-cheetah, walker and ant (20 humanoid-gym, 10 humanoid-rllab, 25 swimmer); 5 is the value for the 3–8 DoF locomotion tasks.',
      variant:
        'sac.py trains a state-value function V with a Polyak-averaged target V (the SAC v1 algorithm of arXiv 1801.01290); variants.py sets REPARAMETERIZE = True, so the policy loss is the reparameterised one SacV1Learner uses.',
      numCritics: 'arXiv 1801.01290 uses two Q-functions (min over both) in its experiments.',
      policyRegularization:
        'normal.py: reg = 1e-3 applied as reg·½·mean(log σ²) + reg·½·mean(μ²), i.e. on the Gaussian outputs, not on the weights.',
      randomSteps: 'variants.py base_kwargs n_initial_exploration_steps = 1000 (10000 for half-cheetah and ant).',
      learningStarts: 'variants.py SAMPLER_PARAMS min_pool_size = 1000.',
    },
  },
  'stable-baselines': {
    name: 'stable-baselines',
    source: 'github.com/hill-a/stable-baselines (stable_baselines/sac/sac.py, policies.py)',
    config: resolveSacConfig({
      variant: 'sac',
      gamma: 0.99,
      tau: 0.005,
      targetUpdateInterval: 1,
      batchSize: 64,
      bufferSize: 500_000,
      learningStarts: 100,
      randomSteps: 100,
      updateEvery: 1,
      gradientSteps: 1,
      actorUpdateInterval: 1,
      numCritics: 2,
      actorLr: 3e-4,
      criticLr: 3e-4,
      alphaLr: 3e-4,
      alpha: 'auto',
      initialAlpha: 1,
      rewardScale: 1,
      actorHiddenSizes: [64, 64],
      criticHiddenSizes: [64, 64],
      activation: 'relu',
      init: 'xavier',
      policyHead: 'separate',
      logStdMode: 'clip-pass-gradient',
      logStdMin: -20,
      logStdMax: 2,
      seed: 1,
    }),
    decisions: {
      randomSteps:
        'The table\'s "initial exploration 0" is random_exploration, a per-step probability of a random action (default 0); sac.py also samples the action space while num_timesteps < learning_starts, i.e. for the first 100 steps.',
      initialAlpha: 'ent_coef "auto" starts log α at log(1.0).',
      seed: 'The table says "random by default"; presets need a fixed seed, 1 is used.',
      bufferSize: 'Kept as the table says (5e5); note that stable_baselines/sac/sac.py\'s default is buffer_size=50000.',
    },
  },
  spinningup: {
    name: 'spinningup',
    source: 'github.com/openai/spinningup (spinup/algos/pytorch/sac/sac.py, core.py)',
    config: resolveSacConfig({
      variant: 'sac',
      gamma: 0.99,
      tau: 0.005,
      targetUpdateInterval: 1,
      batchSize: 100,
      bufferSize: 1_000_000,
      learningStarts: 1000,
      randomSteps: 10_000,
      updateEvery: 50,
      gradientSteps: 1,
      actorUpdateInterval: 1,
      numCritics: 2,
      actorLr: 1e-3,
      criticLr: 1e-3,
      alphaLr: 1e-3,
      alpha: 0.2,
      rewardScale: 1,
      actorHiddenSizes: [256, 256],
      criticHiddenSizes: [256, 256],
      activation: 'relu',
      init: 'torch-default',
      policyHead: 'separate',
      logStdMode: 'clip',
      logStdMin: -20,
      logStdMax: 2,
      seed: 0,
    }),
    decisions: {
      updateEvery:
        'sac.py: `if t >= update_after and t % update_every == 0: for j in range(update_every): update(...)` — every 50 env steps, 50 gradient steps, so one gradient step per env step on average (updateEvery 50, gradientSteps 1).',
      tau: 'polyak = 0.995, i.e. τ = 1 − 0.995.',
    },
  },
  yarats: {
    name: 'yarats',
    source: 'github.com/denisyarats/pytorch_sac (config/agent/sac.yaml, agent/sac.py, agent/actor.py)',
    config: resolveSacConfig({
      variant: 'sac',
      gamma: 0.99,
      tau: 0.005,
      targetUpdateInterval: 2,
      batchSize: 1024,
      bufferSize: 1_000_000,
      learningStarts: 5000,
      randomSteps: 5000,
      updateEvery: 1,
      gradientSteps: 1,
      actorUpdateInterval: 1,
      numCritics: 2,
      actorLr: 1e-4,
      criticLr: 1e-4,
      alphaLr: 1e-4,
      alpha: 'auto',
      initialAlpha: 0.1,
      rewardScale: 1,
      actorHiddenSizes: [1024, 1024],
      criticHiddenSizes: [1024, 1024],
      activation: 'relu',
      init: 'torch-default',
      policyHead: 'joint',
      logStdMode: 'tanh',
      logStdMin: -5,
      logStdMax: 2,
      seed: 1,
    }),
    decisions: {
      targetUpdateInterval:
        'The table\'s "critic update frequency 2" is sac.yaml\'s critic_target_update_frequency: 2; the critic itself is updated every step (agent/sac.py calls update_critic on every update), and actor_update_frequency is 1.',
      initialAlpha: 'The table\'s "entropy coefficient 0.1" is init_temperature 0.1; learnable_temperature is true.',
      alphaLr: 'sac.yaml alpha_lr 1e-4.',
      init: 'Kept as the table says (torch default); note that pytorch_sac\'s utils.weight_init actually applies orthogonal initialisation.',
    },
  },
  cleanrl: {
    name: 'cleanrl',
    source: 'github.com/vwxyzjn/cleanrl (cleanrl/sac_continuous_action.py)',
    config: resolveSacConfig({ ...DEFAULT_SAC_CONFIG }),
    decisions: {
      alphaLr: 'sac_continuous_action.py uses q_lr (1e-3) for the alpha optimiser.',
      actorUpdateInterval: 'policy_frequency 2: the actor (and alpha) are updated twice every second critic step.',
    },
  },
};

/** The names of all presets. */
export const PRESET_NAMES: readonly PresetName[] = Object.keys(presets) as PresetName[];

/** A preset by name (a fresh copy), or an Error listing the valid names. */
export function getPreset(name: string): SacPreset {
  const preset = presets[name as PresetName];
  if (!preset) throw new Error(`sac preset: expected one of ${PRESET_NAMES.join(', ')}, received "${name}"`);
  return { ...preset, config: resolveSacConfig({}, preset.config), decisions: { ...preset.decisions } };
}

/** A preset's configuration with overrides applied and validated. */
export function presetConfig(name: string, overrides: Partial<SacConfig> = {}): SacConfig {
  return resolveSacConfig(overrides, getPreset(name).config);
}
