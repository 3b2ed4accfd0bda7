// Public surface of @rapier-gym/protocol: wire messages, frame codec and rollout files shared by server and viewer.
export { ok, fail, unwrap, type ProtocolError, type ProtocolErrorCode, type Result } from './result.js';
export * from './limits.js';
export {
  PROTOCOL_NAME,
  PROTOCOL_VERSION,
  ROLLOUT_FILE_VERSION,
  ROLLOUT_FILE_MAGIC,
  ROLLOUT_FILE_EXTENSION,
  BINARY_MAGIC_0,
  BINARY_MAGIC_1,
  BinaryKind,
} from './versions.js';
export {
  POSE_STRIDE,
  SIZE_LENGTH_BY_GEOM_TYPE,
  toWireScene,
  type WireGeomType,
  type WireQuat,
  type WireRgba,
  type WireScene,
  type WireSceneBody,
  type WireSceneGeom,
  type WireVec3,
} from './wire-scene.js';
export type * from './control-messages.js';
export type * from './curve-messages.js';
export { CLIENT_MESSAGE_TYPES, SERVER_CONTROL_MESSAGE_TYPES } from './control-validators.js';
export {
  checkHello,
  createHello,
  decodeClientMessage,
  decodeServerControlMessage,
  encodeClientMessage,
  encodeServerControlMessage,
  rejectionReply,
} from './control-codec.js';
export {
  CONTACT_STRIDE,
  FRAME_HEADER_BYTES,
  FrameFlag,
  FrameOffset,
  frameByteLength,
  type Frame,
  type FrameShape,
} from './frame.js';
export {
  decodeFrame,
  encodeFrame,
  encodeFrameInto,
  encodedFrameLength,
  rewriteFrameStreamId,
  type DecodeFrameOptions,
} from './frame-codec.js';
export { checkFrameMatchesDeclaration, type FrameDeclaration } from './frame-declaration.js';
export { decodeServerPayload, type FrameMessage, type ServerPayload } from './server-payload.js';
export {
  episodeEndMessage,
  episodeStartFromHeader,
  type EpisodeOutcome,
  type RolloutHeader,
} from './rollout-header.js';
export type { FramePayload, Rollout, RolloutEpisode, RolloutEpisodeInput, RolloutInput } from './rollout.js';
export { decodeRolloutFile, encodeRolloutFile, MAX_RECORD_MESSAGE_BYTES, type DecodeRolloutOptions } from './rollout-file.js';
export { RolloutWriter } from './rollout-writer.js';
export { FILE_PREFIX_BYTES, RECORD_LENGTH_BYTES } from './rollout-format.js';
export { HOPPER_INFO_TERMS, sampleHopperHeader, sampleHopperRollout, sampleHopperScene } from './sample-rollout.js';
