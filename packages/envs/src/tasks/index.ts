// Locomotion tasks on Rapier (Gymnasium MuJoCo v5 mirrors), registered with the registry when this module loads.
import { registeredIds } from '../registry/registry.js';
import { LOCOMOTION_IDS, registerLocomotion } from './register.js';

export { MujocoEnv, loadTaskModel } from './mujoco-env.js';
export { PlanarWalkerEnv, type PlanarWalkerOptions } from './planar-walker-env.js';
export { HopperEnv, HOPPER_DEFAULTS, type HopperOptions } from './hopper.js';
export { Walker2dEnv, WALKER2D_DEFAULTS, type Walker2dOptions } from './walker2d.js';
export { HalfCheetahEnv, HALF_CHEETAH_DEFAULTS, type HalfCheetahOptions } from './half-cheetah.js';
export { AntEnv, ANT_DEFAULTS, type AntOptions } from './ant.js';
export { InvertedPendulumEnv, INVERTED_PENDULUM_DEFAULTS, type InvertedPendulumOptions } from './inverted-pendulum.js';
export {
  InvertedDoublePendulumEnv, INVERTED_DOUBLE_PENDULUM_DEFAULTS, type InvertedDoublePendulumOptions,
} from './inverted-double-pendulum.js';
export { SwimmerEnv, SWIMMER_DEFAULTS, type SwimmerOptions } from './swimmer.js';
export { ReacherEnv, REACHER_DEFAULTS, type ReacherOptions } from './reacher.js';
export { PusherEnv, PUSHER_DEFAULTS, type PusherOptions } from './pusher.js';
export { HumanoidEnv, HumanoidModelEnv, HUMANOID_DEFAULTS, HUMANOID_CHAIN, type HumanoidOptions, type HumanoidObservationOptions } from './humanoid.js';
export { HumanoidStandupEnv, HUMANOID_STANDUP_DEFAULTS, type HumanoidStandupOptions } from './humanoid-standup.js';
export { TASK_OVERLAYS } from './overlays.js';
export { DEFAULT_OVERLAY, type TaskOverlay } from './task-overlay.js';
export { LOCOMOTION_IDS, registerLocomotion } from './register.js';

// Guarded so that loading this module twice against the same registry does not throw on duplicate ids.
if (!LOCOMOTION_IDS.some((id) => registeredIds().includes(id))) registerLocomotion();
