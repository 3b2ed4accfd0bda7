// Looks up the project's robot MJCF files by name (or by Gymnasium env id) and compiles them into MjcfModels.
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { ROBOT_FILES, type RobotFileName } from './robot-files.generated.js';

/** Every robot file name, sorted. */
export const ROBOT_NAMES = Object.keys(ROBOT_FILES).sort() as RobotFileName[];

/** Which robot file each Gymnasium v5 MuJoCo env uses (Gymnasium's `xml_file` default, renamed to ours). */
export const ROBOT_FOR_ENV: Readonly<Record<string, RobotFileName>> = {
  'Hopper-v5': 'hopper',
  'Walker2d-v5': 'walker2d',
  'HalfCheetah-v5': 'half_cheetah',
  'Ant-v5': 'ant',
  'Humanoid-v5': 'humanoid',
  'HumanoidStandup-v5': 'humanoidstandup',
  'Swimmer-v5': 'swimmer',
  'Reacher-v5': 'reacher',
  'Pusher-v5': 'pusher',
  'InvertedPendulum-v5': 'inverted_pendulum',
  'InvertedDoublePendulum-v5': 'inverted_double_pendulum',
};

function isRobotName(name: string): name is RobotFileName {
  return Object.prototype.hasOwnProperty.call(ROBOT_FILES, name);
}

/** The MJCF text of robot `name`; throws naming the known robots when there is no such file. */
export function robotXml(name: string): string {
  if (!isRobotName(name)) throw new Error(`unknown robot "${name}"; expected one of: ${ROBOT_NAMES.join(', ')}`);
  return ROBOT_FILES[name];
}

/** Compiles robot `name` (a fresh model on every call, so callers may mutate it). */
export function loadRobot(name: string): MjcfModel {
  return loadMjcf(robotXml(name));
}
