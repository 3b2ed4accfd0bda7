// Public surface of @rapier-gym/sac: backend selection, configuration, replay, SAC learners and acting.
export * from './backend.js';
