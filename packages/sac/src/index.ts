// Public surface of @rapier-gym/sac: backend selection, configuration, replay, SAC learners and acting.
export * from './backend.js';
export * from './config.js';
export * from './presets.js';
export * from './rng.js';
export * from './replay-buffer.js';
export * from './action-scaling.js';
export * from './update-schedule.js';
export * from './learner-common.js';
export * from './squashed-gaussian.js';
export * from './flat-adam.js';
export * from './dense.js';
export * from './mlp.js';
export * from './critic-ensemble.js';
export * from './gaussian-policy.js';
export * from './entropy-temperature.js';
export * from './sac-learner.js';
export * from './init.js';
