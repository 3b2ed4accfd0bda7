// A small synthetic Hopper-shaped rollout (geometry of Gymnasium's hopper.xml), for demos and consumers' tests.
import type { RolloutHeader } from './rollout-header.js';
import type { FramePayload, RolloutInput } from './rollout.js';
import type { WireScene } from './wire-scene.js';

const IDENTITY: [number, number, number, number] = [0, 0, 0, 1];
/** Rotates the local Z axis onto X (a half-turn about Y halved): the foot capsule lies along x. */
const Z_TO_X: [number, number, number, number] = [0, Math.SQRT1_2, 0, Math.SQRT1_2];
const BROWN: [number, number, number, number] = [0.8, 0.6, 0.4, 1];

/** Hopper's bodies at qpos0: world (floor), torso, thigh, leg, foot; capsule sizes from hopper.xml. */
export function sampleHopperScene(): WireScene {
  return {
    name: 'Hopper-v5',
    up: 'z',
    dt: 0.008,
    trackBody: 1,
    bodies: [
      {
        name: 'world',
        parent: -1,
        geoms: [{ name: 'floor', type: 'plane', size: [20, 20, 0.125], pos: [0, 0, 0], quat: IDENTITY, rgba: [0.8, 0.9, 0.8, 1] }],
      },
      {
        name: 'torso',
        parent: 0,
        mass: 3.665,
        com: [0, 0, 0],
        geoms: [{ name: 'torso_geom', type: 'capsule', size: [0.05, 0.2], pos: [0, 0, 0], quat: IDENTITY, rgba: BROWN }],
      },
      {
        name: 'thigh',
        parent: 1,
        geoms: [{ name: 'thigh_geom', type: 'capsule', size: [0.05, 0.225], pos: [0, 0, -0.225], quat: IDENTITY, rgba: BROWN }],
      },
      {
        name: 'leg',
        parent: 2,
        geoms: [{ name: 'leg_geom', type: 'capsule', size: [0.04, 0.25], pos: [0, 0, -0.25], quat: IDENTITY, rgba: BROWN }],
      },
      {
        name: 'foot',
        parent: 3,
        geoms: [{ name: 'foot_geom', type: 'capsule', size: [0.06, 0.195], pos: [0.065, 0, 0], quat: Z_TO_X, rgba: BROWN }],
      },
    ],
  };
}

/** Info terms of Gymnasium's Hopper-v5, in the order its step() fills `info`. */
export const HOPPER_INFO_TERMS: readonly string[] = [
  'x_position',
  'z_distance_from_origin',
  'x_velocity',
  'reward_forward',
  'reward_ctrl',
  'reward_survive',
];

/** The header of the sample rollout. */
export function sampleHopperHeader(): RolloutHeader {
  return {
    rolloutId: 'sample-hopper',
    envId: 'Hopper-v5',
    seed: 0,
    deterministic: true,
    software: 'rapier-gym protocol sample',
    scene: sampleHopperScene(),
    observationLabels: Array.from({ length: 11 }, (_, i) => `obs[${i}]`),
    actionLabels: ['thigh_joint', 'leg_joint', 'foot_joint'],
    infoTerms: [...HOPPER_INFO_TERMS],
    actionLow: [-1, -1, -1],
    actionHigh: [1, 1, 1],
  };
}

/**
 * A deterministic synthetic rollout: the Hopper glides forward at 1 m/s while bobbing, with sinusoidal actions and
 * rewards computed like Hopper-v5's (forward velocity + 1 healthy - 0.001 * |a|^2). Not physics: a test pattern.
 * Each episode has `frames` frames: frame 0 is the state after reset (zero action and reward), then one frame per
 * env step, so the episode length is `frames - 1` steps.
 */
export function sampleHopperRollout(options: { episodes?: number; frames?: number; withObservation?: boolean } = {}): RolloutInput {
  const { episodes = 2, frames: frameCount = 50, withObservation = true } = options;
  const header = sampleHopperHeader();
  const dt = header.scene.dt;
  const bodyHeights = [0, 1.25, 1.05, 0.6, 0.1];
  return {
    header,
    episodes: Array.from({ length: episodes }, (_, episode) => {
      const frames: FramePayload[] = [];
      let episodeReturn = 0;
      for (let step = 0; step < frameCount; step++) {
        // Values are rounded to float32 here so that decoding a file gives back exactly these numbers.
        const time = Math.fround(step * dt);
        const x = time;
        const bob = 0.05 * Math.sin(2 * Math.PI * 2 * time + episode);
        const poses = new Float32Array(5 * 7);
        bodyHeights.forEach((z, body) => {
          poses.set([body === 0 ? 0 : x, 0, body === 0 ? 0 : z + bob, 0, 0, 0, 1], body * 7);
        });
        const afterReset = step === 0;
        const action = afterReset ? new Float32Array(3) : new Float32Array([Math.sin(time * 5), Math.cos(time * 5), Math.sin(time * 3)]);
        const ctrlCost = 0.001 * action.reduce((sum, a) => sum + a * a, 0);
        const forward = afterReset ? 0 : 1;
        const survive = afterReset ? 0 : 1;
        const reward = Math.fround(forward + survive - ctrlCost);
        episodeReturn += reward;
        const frame: FramePayload = {
          step,
          time,
          reward,
          terminated: false,
          truncated: step === frameCount - 1,
          poses,
          action,
          // x_position, z_distance_from_origin, x_velocity, reward_forward, reward_ctrl, reward_survive
          info: new Float32Array([x, bob, forward, forward, -ctrlCost, survive]),
        };
        if (withObservation) frame.observation = new Float32Array(11).map((_, i) => Math.sin(time + i));
        frames.push(frame);
      }
      return {
        frames,
        end: {
          terminated: false,
          truncated: true,
          reason: 'time_limit',
          episodeReturn: Math.fround(episodeReturn),
          length: Math.max(0, frameCount - 1),
        },
      };
    }),
  };
}
