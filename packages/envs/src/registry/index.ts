// The registry: specs, register and make.
export * from './env-spec.js';
export * from './registry.js';
