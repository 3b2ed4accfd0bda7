// Classic control envs (Gymnasium 1.x dynamics), registered with the registry when this module loads.
import { registeredIds } from '../registry/registry.js';
import { CLASSIC_CONTROL_IDS, registerClassicControl } from './register.js';

export { PendulumEnv, PENDULUM_DEFAULTS, angleNormalize, type PendulumOptions } from './pendulum.js';
export {
  MountainCarContinuousEnv,
  MOUNTAIN_CAR_CONTINUOUS_DEFAULTS,
  mountainCarHeight,
  type MountainCarContinuousOptions,
} from './mountain-car-continuous.js';
export { CartPoleEnv, CART_POLE_DEFAULTS, type CartPoleOptions } from './cart-pole.js';
export { AcrobotEnv, type AcrobotOptions } from './acrobot.js';
export { ACROBOT, acrobotDerivatives, rk4Step, type AcrobotEquations } from './acrobot-dynamics.js';
export { CLASSIC_CONTROL_IDS, registerClassicControl } from './register.js';

// Guarded so that loading this module twice against the same registry does not throw on duplicate ids.
if (!CLASSIC_CONTROL_IDS.some((id) => registeredIds().includes(id))) registerClassicControl();
