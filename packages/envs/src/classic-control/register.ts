// Registers the classic-control envs under Gymnasium's ids, limits and thresholds (gymnasium/envs/__init__.py).
import type { EnvSpec } from '../registry/env-spec.js';
import { register } from '../registry/registry.js';
import { AcrobotEnv, type AcrobotOptions } from './acrobot.js';
import { CartPoleEnv, CART_POLE_DEFAULTS, type CartPoleOptions } from './cart-pole.js';
import {
  MountainCarContinuousEnv,
  MOUNTAIN_CAR_CONTINUOUS_DEFAULTS,
  type MountainCarContinuousOptions,
} from './mountain-car-continuous.js';
import { PendulumEnv, PENDULUM_DEFAULTS, type PendulumOptions } from './pendulum.js';

const pendulumSpec: EnvSpec<PendulumOptions> = {
  id: 'Pendulum-v1',
  entryPoint: (options) => new PendulumEnv(options),
  defaultOptions: { ...PENDULUM_DEFAULTS },
  optionDocs: { g: 'gravitational acceleration in m/s² used by the dynamics (default 10.0)' },
  maxEpisodeSteps: 200,
  description: 'Swing a torque-limited pendulum upright and keep it there (gymnasium/envs/classic_control/pendulum.py).',
};

const mountainCarContinuousSpec: EnvSpec<MountainCarContinuousOptions> = {
  id: 'MountainCarContinuous-v0',
  entryPoint: (options) => new MountainCarContinuousEnv(options),
  defaultOptions: { ...MOUNTAIN_CAR_CONTINUOUS_DEFAULTS },
  optionDocs: { goal_velocity: 'minimum velocity at the goal position for the episode to terminate (default 0)' },
  maxEpisodeSteps: 999,
  rewardThreshold: 90.0,
  description: 'Drive an underpowered car up the right hill (gymnasium/envs/classic_control/continuous_mountain_car.py).',
};

const cartPoleSpec: EnvSpec<CartPoleOptions> = {
  id: 'CartPole-v1',
  entryPoint: (options) => new CartPoleEnv(options),
  defaultOptions: { ...CART_POLE_DEFAULTS },
  optionDocs: {
    sutton_barto_reward: 'reward 0 per step and -1 on termination instead of +1 per step (default false)',
  },
  maxEpisodeSteps: 500,
  rewardThreshold: 475.0,
  description: 'Balance a pole on a cart pushed left or right (gymnasium/envs/classic_control/cartpole.py).',
};

const acrobotSpec: EnvSpec<AcrobotOptions> = {
  id: 'Acrobot-v1',
  entryPoint: () => new AcrobotEnv(),
  defaultOptions: {},
  optionDocs: {},
  maxEpisodeSteps: 500,
  rewardThreshold: -100.0,
  description: 'Swing the tip of a two-link arm above a line with elbow torque (gymnasium/envs/classic_control/acrobot.py).',
};

/** The ids `registerClassicControl` registers. */
export const CLASSIC_CONTROL_IDS = ['Pendulum-v1', 'MountainCarContinuous-v0', 'CartPole-v1', 'Acrobot-v1'] as const;

/** Registers the four classic-control envs; throws if one is already registered unless `override` is set. */
export function registerClassicControl({ override = false }: { override?: boolean } = {}): void {
  register(pendulumSpec, { override });
  register(mountainCarContinuousSpec, { override });
  register(cartPoleSpec, { override });
  register(acrobotSpec, { override });
}
