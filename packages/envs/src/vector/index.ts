// Vector envs: the contract, the synchronous vector env, makeVec and the pieces the worker vector env reuses.
export * from './vector-env.js';
export { SyncVectorEnv, type SubEnv } from './sync-vector-env.js';
export { makeVec, type MakeVecOptions } from './make-vec.js';
export { addInfo } from './vector-info.js';
export { SubEnvError } from './sub-env-batch.js';
export { combineScenes } from './vector-scene.js';
export { DEFAULT_SCENE_SPACING } from './vector-args.js';
