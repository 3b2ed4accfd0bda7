// Registers the locomotion tasks under Gymnasium's ids, limits and thresholds (gymnasium/envs/__init__.py).
import type { EnvSpec } from '../registry/env-spec.js';
import { register } from '../registry/registry.js';
import { AntEnv, ANT_DEFAULTS, type AntOptions } from './ant.js';
import { HalfCheetahEnv, HALF_CHEETAH_DEFAULTS, type HalfCheetahOptions } from './half-cheetah.js';
import { HopperEnv, HOPPER_DEFAULTS, type HopperOptions } from './hopper.js';
import { Walker2dEnv, WALKER2D_DEFAULTS, type Walker2dOptions } from './walker2d.js';
import { InvertedPendulumEnv, INVERTED_PENDULUM_DEFAULTS, type InvertedPendulumOptions } from './inverted-pendulum.js';
import { SwimmerEnv, SWIMMER_DEFAULTS, type SwimmerOptions } from './swimmer.js';
import { ReacherEnv, REACHER_DEFAULTS, type ReacherOptions } from './reacher.js';
import { PusherEnv, PUSHER_DEFAULTS, type PusherOptions } from './pusher.js';
import { HumanoidEnv, HUMANOID_DEFAULTS, type HumanoidOptions } from './humanoid.js';
import { HumanoidStandupEnv, HUMANOID_STANDUP_DEFAULTS, type HumanoidStandupOptions } from './humanoid-standup.js';
import {
  InvertedDoublePendulumEnv, INVERTED_DOUBLE_PENDULUM_DEFAULTS, type InvertedDoublePendulumOptions,
} from './inverted-double-pendulum.js';

const COMMON_DOCS = {
  xml_file: 'robot name from src/robots (e.g. "hopper") or MJCF text starting with "<"',
  frame_skip: 'physics steps per env step; dt = timestep · frame_skip',
  forward_reward_weight: 'weight of the forward velocity reward',
  ctrl_cost_weight: 'weight of the control cost ‖a‖²',
  reset_noise_scale: 'scale of the reset noise added to qpos and qvel',
  exclude_current_positions_from_observation: 'leave the x (and for the Ant y) position out of the observation',
};

const hopperSpec: EnvSpec<HopperOptions> = {
  id: 'Hopper-v5',
  entryPoint: (options) => new HopperEnv(options),
  defaultOptions: { ...HOPPER_DEFAULTS },
  optionDocs: {
    ...COMMON_DOCS,
    healthy_reward: 'reward per step while healthy',
    terminate_when_unhealthy: 'end the episode when the hopper becomes unhealthy',
    healthy_state_range: 'open range every entry of state_vector()[2:] must stay in',
    healthy_z_range: 'open range of the torso height',
    healthy_angle_range: 'open range of the torso angle',
  },
  maxEpisodeSteps: 1000,
  rewardThreshold: 3800.0,
  description: 'Hop forward on one leg without falling (gymnasium/envs/mujoco/hopper_v5.py).',
};

const walker2dSpec: EnvSpec<Walker2dOptions> = {
  id: 'Walker2d-v5',
  entryPoint: (options) => new Walker2dEnv(options),
  defaultOptions: { ...WALKER2D_DEFAULTS },
  optionDocs: {
    ...COMMON_DOCS,
    healthy_reward: 'reward per step while healthy',
    terminate_when_unhealthy: 'end the episode when the walker becomes unhealthy',
    healthy_z_range: 'open range of the torso height',
    healthy_angle_range: 'open range of the torso angle',
  },
  maxEpisodeSteps: 1000,
  description: 'Walk forward on two legs without falling (gymnasium/envs/mujoco/walker2d_v5.py).',
};

const halfCheetahSpec: EnvSpec<HalfCheetahOptions> = {
  id: 'HalfCheetah-v5',
  entryPoint: (options) => new HalfCheetahEnv(options),
  defaultOptions: { ...HALF_CHEETAH_DEFAULTS },
  optionDocs: { ...COMMON_DOCS },
  maxEpisodeSteps: 1000,
  rewardThreshold: 4800.0,
  description: 'Run forward as fast as possible (gymnasium/envs/mujoco/half_cheetah_v5.py).',
};

const antSpec: EnvSpec<AntOptions> = {
  id: 'Ant-v5',
  entryPoint: (options) => new AntEnv(options),
  defaultOptions: { ...ANT_DEFAULTS },
  optionDocs: {
    ...COMMON_DOCS,
    contact_cost_weight: 'weight of the contact cost ‖clip(cfrc_ext)‖²',
    healthy_reward: 'reward per step while healthy',
    main_body: 'body id whose x-y velocity is rewarded (1 = torso)',
    terminate_when_unhealthy: 'end the episode when the torso leaves healthy_z_range',
    healthy_z_range: 'closed range of the torso height',
    contact_force_range: 'range cfrc_ext is clipped to, in the observation and the contact cost',
    include_cfrc_ext_in_observation: 'append clip(cfrc_ext[1:]) (78 values) to the observation',
  },
  maxEpisodeSteps: 1000,
  rewardThreshold: 6000.0,
  description: 'Walk a four-legged robot forward (gymnasium/envs/mujoco/ant_v5.py).',
};

const invertedPendulumSpec: EnvSpec<InvertedPendulumOptions> = {
  id: 'InvertedPendulum-v5',
  entryPoint: (options) => new InvertedPendulumEnv(options),
  defaultOptions: { ...INVERTED_PENDULUM_DEFAULTS },
  optionDocs: { xml_file: COMMON_DOCS.xml_file, frame_skip: COMMON_DOCS.frame_skip, reset_noise_scale: COMMON_DOCS.reset_noise_scale },
  maxEpisodeSteps: 1000,
  rewardThreshold: 950.0,
  description: 'Keep a pole upright on a cart (gymnasium/envs/mujoco/inverted_pendulum_v5.py).',
};

const invertedDoublePendulumSpec: EnvSpec<InvertedDoublePendulumOptions> = {
  id: 'InvertedDoublePendulum-v5',
  entryPoint: (options) => new InvertedDoublePendulumEnv(options),
  defaultOptions: { ...INVERTED_DOUBLE_PENDULUM_DEFAULTS },
  optionDocs: {
    xml_file: COMMON_DOCS.xml_file, frame_skip: COMMON_DOCS.frame_skip, reset_noise_scale: COMMON_DOCS.reset_noise_scale,
    healthy_reward: 'reward per step while the tip is above z = 1',
  },
  maxEpisodeSteps: 1000,
  rewardThreshold: 9100.0,
  description: 'Balance two poles on a cart (gymnasium/envs/mujoco/inverted_double_pendulum_v5.py).',
};

const swimmerSpec: EnvSpec<SwimmerOptions> = {
  id: 'Swimmer-v5',
  entryPoint: (options) => new SwimmerEnv(options),
  defaultOptions: { ...SWIMMER_DEFAULTS },
  optionDocs: {
    xml_file: COMMON_DOCS.xml_file, frame_skip: COMMON_DOCS.frame_skip, forward_reward_weight: COMMON_DOCS.forward_reward_weight,
    ctrl_cost_weight: COMMON_DOCS.ctrl_cost_weight, reset_noise_scale: COMMON_DOCS.reset_noise_scale,
    exclude_current_positions_from_observation: 'leave the x and y position out of the observation',
  },
  maxEpisodeSteps: 1000,
  rewardThreshold: 360.0,
  description: 'Swim forward through a viscous fluid (gymnasium/envs/mujoco/swimmer_v5.py).',
};

const reacherSpec: EnvSpec<ReacherOptions> = {
  id: 'Reacher-v5',
  entryPoint: (options) => new ReacherEnv(options),
  defaultOptions: { ...REACHER_DEFAULTS },
  optionDocs: {
    xml_file: COMMON_DOCS.xml_file, frame_skip: COMMON_DOCS.frame_skip,
    reward_dist_weight: 'weight of the fingertip-to-target distance penalty',
    reward_control_weight: 'weight of the control cost ‖a‖²',
  },
  maxEpisodeSteps: 50,
  rewardThreshold: -3.75,
  description: 'Move a two-link arm\'s fingertip to a random target (gymnasium/envs/mujoco/reacher_v5.py).',
};

const pusherSpec: EnvSpec<PusherOptions> = {
  id: 'Pusher-v5',
  entryPoint: (options) => new PusherEnv(options),
  defaultOptions: { ...PUSHER_DEFAULTS },
  optionDocs: {
    xml_file: COMMON_DOCS.xml_file, frame_skip: COMMON_DOCS.frame_skip,
    reward_near_weight: 'weight of the arm-tip-to-object distance penalty',
    reward_dist_weight: 'weight of the object-to-goal distance penalty',
    reward_control_weight: 'weight of the control cost ‖a‖²',
  },
  maxEpisodeSteps: 100,
  rewardThreshold: 0.0,
  description: 'Push a cylinder to a goal with a 7-joint arm (gymnasium/envs/mujoco/pusher_v5.py).',
};

const HUMANOID_OBSERVATION_DOCS = {
  exclude_current_positions_from_observation: 'leave the x and y position out of the observation',
  include_cinert_in_observation: 'append cinert[1:] (13 bodies × 10)',
  include_cvel_in_observation: 'append cvel[1:] (13 bodies × 6)',
  include_qfrc_actuator_in_observation: 'append qfrc_actuator[6:] (17 hinges)',
  include_cfrc_ext_in_observation: 'append cfrc_ext[1:] (13 bodies × 6)',
};

const humanoidSpec: EnvSpec<HumanoidOptions> = {
  id: 'Humanoid-v5',
  entryPoint: (options) => new HumanoidEnv(options),
  defaultOptions: { ...HUMANOID_DEFAULTS },
  optionDocs: {
    xml_file: COMMON_DOCS.xml_file, frame_skip: COMMON_DOCS.frame_skip, forward_reward_weight: COMMON_DOCS.forward_reward_weight,
    ctrl_cost_weight: COMMON_DOCS.ctrl_cost_weight, reset_noise_scale: COMMON_DOCS.reset_noise_scale,
    contact_cost_weight: 'weight of the contact cost ‖cfrc_ext‖²',
    contact_cost_range: 'range the contact cost is clipped to',
    healthy_reward: 'reward per step while healthy',
    terminate_when_unhealthy: 'end the episode when the torso leaves healthy_z_range',
    healthy_z_range: 'open range of the torso height',
    ...HUMANOID_OBSERVATION_DOCS,
  },
  maxEpisodeSteps: 1000,
  description: 'Walk a 3D biped forward without falling (gymnasium/envs/mujoco/humanoid_v5.py).',
};

const humanoidStandupSpec: EnvSpec<HumanoidStandupOptions> = {
  id: 'HumanoidStandup-v5',
  entryPoint: (options) => new HumanoidStandupEnv(options),
  defaultOptions: { ...HUMANOID_STANDUP_DEFAULTS },
  optionDocs: {
    xml_file: COMMON_DOCS.xml_file, frame_skip: COMMON_DOCS.frame_skip,
    ctrl_cost_weight: COMMON_DOCS.ctrl_cost_weight, reset_noise_scale: COMMON_DOCS.reset_noise_scale,
    uph_cost_weight: 'weight of the height reward z / timestep',
    impact_cost_weight: 'weight of the impact cost ‖cfrc_ext‖²',
    impact_cost_range: 'range the impact cost is clipped to',
    ...HUMANOID_OBSERVATION_DOCS,
  },
  maxEpisodeSteps: 1000,
  description: 'Stand a 3D biped up from lying on its back (gymnasium/envs/mujoco/humanoidstandup_v5.py).',
};

/** The ids `registerLocomotion` registers. */
export const LOCOMOTION_IDS = [
  'Hopper-v5', 'Walker2d-v5', 'HalfCheetah-v5', 'Ant-v5', 'InvertedPendulum-v5', 'InvertedDoublePendulum-v5',
  'Swimmer-v5', 'Reacher-v5', 'Pusher-v5',
  'Humanoid-v5', 'HumanoidStandup-v5',
] as const;

/** Registers the locomotion tasks; throws if one is already registered unless `override` is set. */
export function registerLocomotion({ override = false }: { override?: boolean } = {}): void {
  register(hopperSpec, { override });
  register(walker2dSpec, { override });
  register(halfCheetahSpec, { override });
  register(antSpec, { override });
  register(invertedPendulumSpec, { override });
  register(invertedDoublePendulumSpec, { override });
  register(swimmerSpec, { override });
  register(reacherSpec, { override });
  register(pusherSpec, { override });
  register(humanoidSpec, { override });
  register(humanoidStandupSpec, { override });
}
