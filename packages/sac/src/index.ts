// Public surface of @rapier-gym/sac: backend selection, configuration, replay, SAC learners and acting.
export * from './backend.js';
export * from './config.js';
export * from './presets.js';
export * from './rng.js';
export * from './replay-buffer.js';
