// Byte layout of a rollout file: fixed header, JSON header, then length-prefixed records (README "Rollout file").
import {
  BINARY_HEADER_BYTES,
  dataViewOf,
  decodeUtf8,
  encodeUtf8,
  paddingTo4,
  writeBinaryHeader,
} from './bytes.js';
import { MAX_JSON_LENGTH } from './limits.js';
import { DecodeFailure } from './result.js';
import { BinaryKind, ROLLOUT_FILE_MAGIC, ROLLOUT_FILE_VERSION } from './versions.js';

/** Bytes before the JSON header: magic (4), version u16, reserved u16, JSON byte length u32. */
export const FILE_PREFIX_BYTES = 12;
/** Bytes of the uint32 length in front of every record. */
export const RECORD_LENGTH_BYTES = 4;
/** Bytes of an end record's message: binary header, frame count u32, episode count u32. */
export const END_MESSAGE_BYTES = BINARY_HEADER_BYTES + 8;
/** Bytes of a JSON record's message before its text: binary header and the text's byte length u32. */
export const JSON_MESSAGE_PREFIX_BYTES = BINARY_HEADER_BYTES + 4;

/** Bytes of the file prefix plus the JSON header and its zero padding. */
export function fileHeaderLength(jsonByteLength: number): number {
  return FILE_PREFIX_BYTES + jsonByteLength + paddingTo4(jsonByteLength);
}

/** The file's first chunk: prefix and the header JSON padded with zero bytes to a multiple of 4. */
export function encodeFileHeader(headerJson: Uint8Array): Uint8Array {
  if (headerJson.length > MAX_JSON_LENGTH) {
    throw new Error(`rollout header: expected at most ${MAX_JSON_LENGTH} bytes of JSON, received ${headerJson.length}`);
  }
  const bytes = new Uint8Array(fileHeaderLength(headerJson.length));
  const view = dataViewOf(bytes);
  bytes.set(ROLLOUT_FILE_MAGIC, 0);
  view.setUint16(4, ROLLOUT_FILE_VERSION, true);
  view.setUint16(6, 0, true);
  view.setUint32(8, headerJson.length, true);
  bytes.set(headerJson, FILE_PREFIX_BYTES);
  return bytes;
}

/** Reads the file prefix and returns the JSON header text and the offset of the first record; throws DecodeFailure. */
export function readFileHeader(bytes: Uint8Array): { json: string; recordsStart: number } {
  for (let i = 0; i < ROLLOUT_FILE_MAGIC.length; i++) {
    if (i >= bytes.length) {
      throw new DecodeFailure('truncated', `rollout file: expected at least ${FILE_PREFIX_BYTES} bytes, received ${bytes.length}`);
    }
    if (bytes[i] !== ROLLOUT_FILE_MAGIC[i]) {
      const received = Array.from(bytes.subarray(0, 4), (b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
      throw new DecodeFailure('bad_magic', `rollout file: expected magic "RGRL" (0x52 0x47 0x52 0x4c), received ${received}`);
    }
  }
  if (bytes.length < FILE_PREFIX_BYTES) {
    throw new DecodeFailure('truncated', `rollout file: expected at least ${FILE_PREFIX_BYTES} bytes, received ${bytes.length}`);
  }
  const view = dataViewOf(bytes);
  const version = view.getUint16(4, true);
  if (version !== ROLLOUT_FILE_VERSION) {
    throw new DecodeFailure(
      'unsupported_version',
      `rollout file: expected format version ${ROLLOUT_FILE_VERSION}, received version ${version}; open it with a matching rapier-gym release`,
    );
  }
  const reserved = view.getUint16(6, true);
  if (reserved !== 0) throw new DecodeFailure('invalid_field', `rollout file: reserved bytes 6-7 expected 0, received ${reserved}`);
  const jsonLength = view.getUint32(8, true);
  if (jsonLength > MAX_JSON_LENGTH) {
    throw new DecodeFailure('oversized', `rollout file header: expected at most ${MAX_JSON_LENGTH} bytes of JSON, received a length of ${jsonLength}`);
  }
  const recordsStart = fileHeaderLength(jsonLength);
  if (bytes.length < recordsStart) {
    throw new DecodeFailure(
      'truncated',
      `rollout file header: declares ${jsonLength} bytes of JSON (${recordsStart} bytes with padding), the file holds ${bytes.length}`,
    );
  }
  checkZeroPadding(bytes, FILE_PREFIX_BYTES + jsonLength, recordsStart, 'rollout file header');
  return { json: decodeUtf8(bytes.subarray(FILE_PREFIX_BYTES, FILE_PREFIX_BYTES + jsonLength), 'rollout file header'), recordsStart };
}

function checkZeroPadding(bytes: Uint8Array, from: number, to: number, what: string): void {
  for (let i = from; i < to; i++) {
    if (bytes[i] !== 0) throw new DecodeFailure('invalid_field', `${what}: padding byte ${i - from} expected 0, received ${bytes[i]}`);
  }
}

/** Writes the uint32 record length at `offset`. */
export function writeRecordLength(target: Uint8Array, offset: number, messageLength: number): void {
  dataViewOf(target).setUint32(offset, messageLength, true);
}

/** Bytes of a JSON record (length prefix included) for a UTF-8 text of `textLength` bytes. */
export function jsonRecordLength(textLength: number): number {
  return RECORD_LENGTH_BYTES + JSON_MESSAGE_PREFIX_BYTES + textLength + paddingTo4(textLength);
}

/** A complete JSON record: length prefix, binary header of kind json, text length, UTF-8 text, zero padding. */
export function encodeJsonRecord(value: unknown): Uint8Array {
  const text = encodeUtf8(JSON.stringify(value));
  if (text.length > MAX_JSON_LENGTH) throw new Error(`JSON record: expected at most ${MAX_JSON_LENGTH} bytes, received ${text.length}`);
  const bytes = new Uint8Array(jsonRecordLength(text.length));
  const view = dataViewOf(bytes);
  view.setUint32(0, bytes.length - RECORD_LENGTH_BYTES, true);
  writeBinaryHeader(view, RECORD_LENGTH_BYTES, BinaryKind.json);
  view.setUint32(RECORD_LENGTH_BYTES + BINARY_HEADER_BYTES, text.length, true);
  bytes.set(text, RECORD_LENGTH_BYTES + JSON_MESSAGE_PREFIX_BYTES);
  return bytes;
}

/** A complete end record: length prefix, binary header of kind end, frame and episode counts. */
export function encodeEndRecord(frameCount: number, episodeCount: number): Uint8Array {
  const bytes = new Uint8Array(RECORD_LENGTH_BYTES + END_MESSAGE_BYTES);
  const view = dataViewOf(bytes);
  view.setUint32(0, END_MESSAGE_BYTES, true);
  writeBinaryHeader(view, RECORD_LENGTH_BYTES, BinaryKind.end);
  view.setUint32(RECORD_LENGTH_BYTES + BINARY_HEADER_BYTES, frameCount, true);
  view.setUint32(RECORD_LENGTH_BYTES + BINARY_HEADER_BYTES + 4, episodeCount, true);
  return bytes;
}

/** The text of a JSON record's message (the bytes after the length prefix); throws DecodeFailure. */
export function readJsonMessage(message: Uint8Array, what: string): string {
  if (message.length < JSON_MESSAGE_PREFIX_BYTES) {
    throw new DecodeFailure('truncated', `${what}: expected at least ${JSON_MESSAGE_PREFIX_BYTES} bytes, received ${message.length}`);
  }
  const textLength = dataViewOf(message).getUint32(BINARY_HEADER_BYTES, true);
  if (textLength > MAX_JSON_LENGTH) {
    throw new DecodeFailure('oversized', `${what}: expected at most ${MAX_JSON_LENGTH} bytes of JSON, received a length of ${textLength}`);
  }
  const expected = JSON_MESSAGE_PREFIX_BYTES + textLength + paddingTo4(textLength);
  if (message.length !== expected) {
    throw new DecodeFailure(
      'length_mismatch',
      `${what}: declares ${textLength} bytes of JSON (${expected} bytes with padding), the record holds ${message.length}`,
    );
  }
  checkZeroPadding(message, JSON_MESSAGE_PREFIX_BYTES + textLength, expected, what);
  return decodeUtf8(message.subarray(JSON_MESSAGE_PREFIX_BYTES, JSON_MESSAGE_PREFIX_BYTES + textLength), what);
}

/** The counts of an end record's message; throws DecodeFailure. */
export function readEndMessage(message: Uint8Array, what: string): { frameCount: number; episodeCount: number } {
  if (message.length !== END_MESSAGE_BYTES) {
    throw new DecodeFailure('length_mismatch', `${what}: expected ${END_MESSAGE_BYTES} bytes, received ${message.length}`);
  }
  const view = dataViewOf(message);
  return { frameCount: view.getUint32(BINARY_HEADER_BYTES, true), episodeCount: view.getUint32(BINARY_HEADER_BYTES + 4, true) };
}

