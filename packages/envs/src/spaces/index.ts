// Spaces: Box, Discrete, MultiDiscrete and batching for vector envs.
export * from './space.js';
export { Box, type BoxBound } from './box.js';
export { Discrete } from './discrete.js';
export { MultiDiscrete } from './multi-discrete.js';
export { batchSpace, spaceFromJSON } from './batch-space.js';
