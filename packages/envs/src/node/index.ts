// Node-only entry of @rapier-gym/envs (`@rapier-gym/envs/node`): the worker-thread vector env.
export { WorkerVectorEnv, type WorkerVectorEnvOptions } from './worker-vector-env.js';
export { SubEnvError } from '../vector/sub-env-batch.js';
export type {
  AsyncVectorEnv,
  VectorActions,
  VectorEnvMetadata,
  VectorEnvOptions,
  VectorInfo,
  VectorResetOptions,
  VectorResetResult,
  VectorStepResult,
} from '../vector/vector-env.js';
