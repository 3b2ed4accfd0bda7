// Public surface of @rapier-gym/envs: the Env API, spaces, registry, wrappers, vector envs, envs and rendering types.
export * from './core/env.js';
export * from './core/scene.js';
export { Rng, randomSeed } from './core/rng.js';
export { BaseEnv } from './core/base-env.js';
export { Wrapper } from './core/wrapper.js';
export { validateAction } from './core/validate-action.js';
export * from './spaces/index.js';
export * from './registry/index.js';
export * from './wrappers/index.js';
export * from './checker/index.js';
export * from './vector/index.js';
export * from './classic-control/index.js';
export * from './mjcf/index.js';
export * from './robots/index.js';
export * from './physics/index.js';
export * from './tasks/index.js';
