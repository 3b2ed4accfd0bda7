// The env checker users run on their own envs.
export { checkEnv, EnvCheckError, type CheckEnvOptions } from './check-env.js';
