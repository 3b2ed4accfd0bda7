// The per-step frame and its binary layout: a 32-byte header followed by float32 runs (README "Frame").
import { POSE_STRIDE } from './wire-scene.js';

/** One env step as the viewer draws and plots it. */
export interface Frame {
  /** The stream opened by episodeStart (live / on demand), or the episode index inside a rollout file. */
  streamId: number;
  /** Step index within the episode, from 0 (uint32). */
  step: number;
  /** Simulated seconds since the episode's reset. */
  time: number;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  /** POSE_STRIDE floats per body in scene order: position xyz then quaternion xyzw, Z-up. */
  poses: Float32Array;
  action: Float32Array;
  /** Info terms in the order declared by episodeStart.infoTerms. */
  info: Float32Array;
  /** Observation, when the stream carries it (absent when empty). */
  observation?: Float32Array;
  /** CONTACT_STRIDE floats per contact: world point xyz then normal force vector xyz (newtons); absent when none. */
  contacts?: Float32Array;
}

/** Floats per contact: point (x, y, z) then force (x, y, z). */
export const CONTACT_STRIDE = 6;

/** Bytes before the float runs of a frame. */
export const FRAME_HEADER_BYTES = 32;

/** Byte offsets of the frame header fields (all little-endian). */
export const FrameOffset = {
  magic: 0,
  version: 2,
  kind: 3,
  streamId: 4,
  step: 8,
  time: 12,
  reward: 16,
  flags: 20,
  reserved: 21,
  bodyCount: 22,
  actionLength: 24,
  infoLength: 26,
  observationLength: 28,
  contactCount: 30,
} as const;

/** Bits of the flags byte; the others must be zero. */
export const FrameFlag = { terminated: 1, truncated: 2 } as const;

/** Counts that determine a frame's size. */
export interface FrameShape {
  bodyCount: number;
  actionLength: number;
  infoLength: number;
  observationLength: number;
  contactCount: number;
}

/** Total bytes of a frame: 32 + 4 * (7 * bodies + action + info + observation + 6 * contacts). */
export function frameByteLength(shape: FrameShape): number {
  return (
    FRAME_HEADER_BYTES +
    4 *
      (POSE_STRIDE * shape.bodyCount +
        shape.actionLength +
        shape.infoLength +
        shape.observationLength +
        CONTACT_STRIDE * shape.contactCount)
  );
}

/** The shape of an in-memory frame. */
export function frameShapeOf(frame: Frame): FrameShape {
  return {
    bodyCount: frame.poses.length / POSE_STRIDE,
    actionLength: frame.action.length,
    infoLength: frame.info.length,
    observationLength: frame.observation?.length ?? 0,
    contactCount: (frame.contacts?.length ?? 0) / CONTACT_STRIDE,
  };
}
