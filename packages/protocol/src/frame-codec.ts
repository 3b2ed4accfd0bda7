// Encodes frames to their compact little-endian binary form and decodes them with every size and value checked.
import {
  asBytes,
  dataViewOf,
  firstNonFinite,
  readBinaryHeader,
  readFloat32Run,
  writeBinaryHeader,
  writeFloat32Run,
} from './bytes.js';
import {
  CONTACT_STRIDE,
  FRAME_HEADER_BYTES,
  FrameFlag,
  FrameOffset,
  frameByteLength,
  frameShapeOf,
  type Frame,
  type FrameShape,
} from './frame.js';
import { MAX_BODIES, MAX_CONTACTS, MAX_VECTOR_LENGTH } from './limits.js';
import { catchDecodeFailure, DecodeFailure, type Result } from './result.js';
import { BinaryKind } from './versions.js';
import { POSE_STRIDE } from './wire-scene.js';

export interface DecodeFrameOptions {
  /**
   * Copy the float runs instead of viewing the input's memory (default false: zero-copy views whenever the host is
   * little-endian and the runs are 4-byte aligned). Copy when the input buffer will be reused.
   */
  copy?: boolean;
}

const FLOAT_RUNS = ['poses', 'action', 'info', 'observation', 'contacts'] as const;

const SHAPE_LIMITS: readonly [keyof FrameShape, number, string][] = [
  ['bodyCount', MAX_BODIES, 'MAX_BODIES'],
  ['actionLength', MAX_VECTOR_LENGTH, 'MAX_VECTOR_LENGTH'],
  ['infoLength', MAX_VECTOR_LENGTH, 'MAX_VECTOR_LENGTH'],
  ['observationLength', MAX_VECTOR_LENGTH, 'MAX_VECTOR_LENGTH'],
  ['contactCount', MAX_CONTACTS, 'MAX_CONTACTS'],
];

function isUint32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

/** Throws an Error naming the field when `frame` cannot be encoded. */
function assertEncodable(frame: Frame): FrameShape {
  if (!isUint32(frame.streamId)) throw new Error(`frame.streamId: expected a uint32, received ${String(frame.streamId)}`);
  if (!isUint32(frame.step)) throw new Error(`frame.step: expected a uint32, received ${String(frame.step)}`);
  for (const key of ['time', 'reward'] as const) {
    if (!Number.isFinite(frame[key]) || Math.abs(frame[key]) > 3.4028234663852886e38) {
      throw new Error(`frame.${key}: expected a finite float32, received ${String(frame[key])}`);
    }
  }
  for (const key of ['terminated', 'truncated'] as const) {
    if (typeof frame[key] !== 'boolean') throw new Error(`frame.${key}: expected a boolean, received ${typeof frame[key]}`);
  }
  for (const key of FLOAT_RUNS) {
    const values = frame[key];
    if (values === undefined && (key === 'observation' || key === 'contacts')) continue;
    if (!(values instanceof Float32Array)) throw new Error(`frame.${key}: expected a Float32Array, received ${typeof values}`);
    const bad = firstNonFinite(values);
    if (bad >= 0) throw new Error(`frame.${key}[${bad}]: expected a finite number, received ${String(values[bad])}`);
  }
  if (frame.poses.length % POSE_STRIDE !== 0) {
    throw new Error(`frame.poses: expected a multiple of ${POSE_STRIDE} floats (7 per body), received ${frame.poses.length}`);
  }
  if ((frame.contacts?.length ?? 0) % CONTACT_STRIDE !== 0) {
    throw new Error(`frame.contacts: expected a multiple of ${CONTACT_STRIDE} floats (6 per contact), received ${frame.contacts?.length}`);
  }
  const shape = frameShapeOf(frame);
  for (const [key, limit, name] of SHAPE_LIMITS) {
    if (shape[key] > limit) throw new Error(`frame ${key}: expected at most ${limit} (${name}), received ${shape[key]}`);
  }
  return shape;
}

/** Bytes `encodeFrame` will produce for this frame. */
export function encodedFrameLength(frame: Frame): number {
  return frameByteLength(frameShapeOf(frame));
}

/**
 * Writes `frame` into `target` at `offset` and returns the number of bytes written; throws an Error naming the field
 * when the frame is not encodable (wrong types, non-finite floats, sizes over the limits) or `target` is too small.
 */
export function encodeFrameInto(frame: Frame, target: Uint8Array, offset: number): number {
  const shape = assertEncodable(frame);
  const length = frameByteLength(shape);
  if (offset < 0 || offset + length > target.length) {
    throw new Error(`encodeFrameInto: expected room for ${length} bytes at offset ${offset}, target holds ${target.length}`);
  }
  const view = dataViewOf(target);
  writeBinaryHeader(view, offset, BinaryKind.frame);
  view.setUint32(offset + FrameOffset.streamId, frame.streamId, true);
  view.setUint32(offset + FrameOffset.step, frame.step, true);
  view.setFloat32(offset + FrameOffset.time, frame.time, true);
  view.setFloat32(offset + FrameOffset.reward, frame.reward, true);
  view.setUint8(
    offset + FrameOffset.flags,
    (frame.terminated ? FrameFlag.terminated : 0) | (frame.truncated ? FrameFlag.truncated : 0),
  );
  view.setUint8(offset + FrameOffset.reserved, 0);
  view.setUint16(offset + FrameOffset.bodyCount, shape.bodyCount, true);
  view.setUint16(offset + FrameOffset.actionLength, shape.actionLength, true);
  view.setUint16(offset + FrameOffset.infoLength, shape.infoLength, true);
  view.setUint16(offset + FrameOffset.observationLength, shape.observationLength, true);
  view.setUint16(offset + FrameOffset.contactCount, shape.contactCount, true);
  let cursor = offset + FRAME_HEADER_BYTES;
  for (const key of FLOAT_RUNS) {
    const values = frame[key];
    if (values === undefined) continue;
    writeFloat32Run(target, cursor, values);
    cursor += 4 * values.length;
  }
  return length;
}

/** The binary form of one frame (a new Uint8Array of exactly encodedFrameLength bytes). */
export function encodeFrame(frame: Frame): Uint8Array {
  const bytes = new Uint8Array(encodedFrameLength(frame));
  encodeFrameInto(frame, bytes, 0);
  return bytes;
}

/** Decodes a frame from exactly one binary message; throws DecodeFailure. */
export function readFrame(bytes: Uint8Array, copy: boolean, what = 'frame'): Frame {
  const kind = readBinaryHeader(bytes, what);
  if (kind !== BinaryKind.frame) {
    throw new DecodeFailure('unknown_kind', `${what}: expected message kind ${BinaryKind.frame} (frame), received kind ${kind}`);
  }
  if (bytes.length < FRAME_HEADER_BYTES) {
    throw new DecodeFailure('truncated', `${what}: expected a ${FRAME_HEADER_BYTES}-byte header, received ${bytes.length} bytes`);
  }
  const view = dataViewOf(bytes);
  const shape: FrameShape = {
    bodyCount: view.getUint16(FrameOffset.bodyCount, true),
    actionLength: view.getUint16(FrameOffset.actionLength, true),
    infoLength: view.getUint16(FrameOffset.infoLength, true),
    observationLength: view.getUint16(FrameOffset.observationLength, true),
    contactCount: view.getUint16(FrameOffset.contactCount, true),
  };
  for (const [key, limit, name] of SHAPE_LIMITS) {
    if (shape[key] > limit) {
      throw new DecodeFailure('oversized', `${what}.${key}: expected at most ${limit} (${name}), received ${shape[key]}`);
    }
  }
  const expected = frameByteLength(shape);
  const declared =
    `${shape.bodyCount} bodies, ${shape.actionLength} actions, ${shape.infoLength} info terms, ` +
    `${shape.observationLength} observations and ${shape.contactCount} contacts`;
  if (bytes.length < expected) {
    throw new DecodeFailure('truncated', `${what}: the header declares ${declared} (${expected} bytes), received ${bytes.length} bytes`);
  }
  if (bytes.length > expected) {
    throw new DecodeFailure(
      'trailing_bytes',
      `${what}: the header declares ${declared} (${expected} bytes), received ${bytes.length} bytes`,
    );
  }
  const flags = view.getUint8(FrameOffset.flags);
  if ((flags & ~(FrameFlag.terminated | FrameFlag.truncated)) !== 0) {
    throw new DecodeFailure('invalid_field', `${what}.flags: expected only bits 0 (terminated) and 1 (truncated), received ${flags}`);
  }
  const reserved = view.getUint8(FrameOffset.reserved);
  if (reserved !== 0) throw new DecodeFailure('invalid_field', `${what}.reserved: expected 0, received ${reserved}`);
  const time = view.getFloat32(FrameOffset.time, true);
  const reward = view.getFloat32(FrameOffset.reward, true);
  if (!Number.isFinite(time)) throw new DecodeFailure('non_finite', `${what}.time: expected a finite number, received ${time}`);
  if (!Number.isFinite(reward)) throw new DecodeFailure('non_finite', `${what}.reward: expected a finite number, received ${reward}`);

  const lengths = {
    poses: POSE_STRIDE * shape.bodyCount,
    action: shape.actionLength,
    info: shape.infoLength,
    observation: shape.observationLength,
    contacts: CONTACT_STRIDE * shape.contactCount,
  };
  const runs = {} as Record<(typeof FLOAT_RUNS)[number], Float32Array>;
  let cursor = FRAME_HEADER_BYTES;
  for (const key of FLOAT_RUNS) {
    const values = readFloat32Run(bytes, cursor, lengths[key], copy);
    const bad = firstNonFinite(values);
    if (bad >= 0) {
      throw new DecodeFailure('non_finite', `${what}.${key}[${bad}]: expected a finite number, received ${values[bad]}`);
    }
    runs[key] = values;
    cursor += 4 * lengths[key];
  }
  const frame: Frame = {
    streamId: view.getUint32(FrameOffset.streamId, true),
    step: view.getUint32(FrameOffset.step, true),
    time,
    reward,
    terminated: (flags & FrameFlag.terminated) !== 0,
    truncated: (flags & FrameFlag.truncated) !== 0,
    poses: runs.poses,
    action: runs.action,
    info: runs.info,
  };
  if (shape.observationLength > 0) frame.observation = runs.observation;
  if (shape.contactCount > 0) frame.contacts = runs.contacts;
  return frame;
}

/** Decodes one binary frame message (the whole buffer). Malformed input gives an error value. */
export function decodeFrame(input: Uint8Array | ArrayBuffer, options: DecodeFrameOptions = {}): Result<Frame> {
  return catchDecodeFailure(() => readFrame(asBytes(input, 'frame'), options.copy === true));
}

/**
 * Overwrites the stream id of an encoded frame in place (a server forwarding a file's frames on a connection's
 * stream id). Throws an Error when `bytes` is not a frame.
 */
export function rewriteFrameStreamId(bytes: Uint8Array, streamId: number): void {
  if (!isUint32(streamId)) throw new Error(`streamId: expected a uint32, received ${String(streamId)}`);
  if (bytes.length < FRAME_HEADER_BYTES || bytes[3] !== BinaryKind.frame) {
    throw new Error(`rewriteFrameStreamId: expected an encoded frame, received ${bytes.length} bytes of kind ${bytes[3]}`);
  }
  dataViewOf(bytes).setUint32(FrameOffset.streamId, streamId, true);
}
