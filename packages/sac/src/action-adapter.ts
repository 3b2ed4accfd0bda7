// Connects an env's action space to the learner's: Box ↔ normalised [−1, 1]^|A|, Discrete ↔ an index; random actions.
import { Box, Discrete, type Env, type Rng } from '@rapier-gym/envs';
import { ActionScaler } from './action-scaling.js';
import type { LearnerActionSpace } from './create-learner.js';

/** The learner's view of an env's spaces and the maps between learner actions and env actions. */
export interface ActionAdapter {
  readonly observationSize: number;
  readonly space: LearnerActionSpace;
  /** Floats per stored action (|A| or 1). */
  readonly storedSize: number;
  /** A uniformly random learner action written into `out` (uniform in [−1, 1]^|A|, or a uniform index). */
  randomAction(rng: Rng, out: Float32Array): Float32Array;
  /** The env action for a learner action (scaled Box action, or the discrete index plus the space's start). */
  toEnv(learnerAction: Float32Array): Float32Array | number;
  /** Box bounds for the viewer (undefined for Discrete). */
  readonly low: Float32Array | undefined;
  readonly high: Float32Array | undefined;
  /** Discrete only: the space's first action value (env action = start + index). */
  readonly discreteStart: number | undefined;
}

/** Builds the adapter for an env with a flat Box observation and a Box or Discrete action space. */
export function createActionAdapter(env: Env<unknown, unknown>, what = 'trainer'): ActionAdapter {
  const obsSpace = env.observationSpace;
  if (!(obsSpace instanceof Box) || obsSpace.shape.length !== 1) {
    throw new Error(`${what}: the observation space must be a 1-D Box, received ${obsSpace.constructor.name} of shape [${obsSpace.shape.join(", ")}]`);
  }
  const observationSize = obsSpace.size;
  const actionSpace = env.actionSpace;
  if (actionSpace instanceof Discrete) {
    const count = actionSpace.n;
    const start = actionSpace.start;
    return {
      observationSize,
      space: { kind: 'discrete', count },
      storedSize: 1,
      randomAction: (rng, out) => {
        out[0] = rng.integer(count);
        return out;
      },
      toEnv: (a) => start + a[0]!,
      low: undefined,
      high: undefined,
      discreteStart: start,
    };
  }
  if (actionSpace instanceof Box && actionSpace.shape.length === 1) {
    const scaler = new ActionScaler(actionSpace.low, actionSpace.high);
    const size = actionSpace.size;
    return {
      observationSize,
      space: { kind: 'box', size },
      storedSize: size,
      randomAction: (rng, out) => rng.fillUniform(out, -1, 1),
      toEnv: (a) => scaler.toEnv(a),
      low: Float32Array.from(actionSpace.low),
      high: Float32Array.from(actionSpace.high),
      discreteStart: undefined,
    };
  }
  throw new Error(`${what}: the action space must be a 1-D Box or a Discrete, received ${actionSpace.constructor.name} of shape [${actionSpace.shape.join(", ")}]`);
}
