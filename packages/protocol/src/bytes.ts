// Byte-level helpers shared by the binary codecs: input normalisation, the common 4-byte header, UTF-8, float runs.
import { DecodeFailure } from './result.js';
import { BINARY_MAGIC_0, BINARY_MAGIC_1, PROTOCOL_VERSION } from './versions.js';

/** Size of the header every binary message starts with: magic "RG", version, kind. */
export const BINARY_HEADER_BYTES = 4;

/** True on little-endian hosts (all current browsers and Node targets); typed-array views need it. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A Uint8Array over the input, or a DecodeFailure for anything else. */
export function asBytes(input: unknown, what: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  const received = input === null ? 'null' : typeof input === 'object' ? 'an object that is not a byte array' : `a ${typeof input}`;
  throw new DecodeFailure('invalid_input', `${what}: expected a Uint8Array or ArrayBuffer, received ${received}`);
}

export function dataViewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Checks the common binary header (magic, version) and returns the kind byte. */
export function readBinaryHeader(bytes: Uint8Array, what: string): number {
  if (bytes.length < BINARY_HEADER_BYTES) {
    throw new DecodeFailure(
      'truncated',
      `${what}: expected at least ${BINARY_HEADER_BYTES} header bytes, received ${bytes.length}`,
    );
  }
  if (bytes[0] !== BINARY_MAGIC_0 || bytes[1] !== BINARY_MAGIC_1) {
    throw new DecodeFailure(
      'bad_magic',
      `${what}: expected magic bytes 0x52 0x47 ("RG"), received ${hex(bytes[0] ?? 0)} ${hex(bytes[1] ?? 0)}`,
    );
  }
  const version = bytes[2] ?? 0;
  if (version !== PROTOCOL_VERSION) {
    throw new DecodeFailure(
      'unsupported_version',
      `${what}: expected binary format version ${PROTOCOL_VERSION}, received version ${version}`,
    );
  }
  return bytes[3] ?? 0;
}

export function writeBinaryHeader(view: DataView, offset: number, kind: number): void {
  view.setUint8(offset, BINARY_MAGIC_0);
  view.setUint8(offset + 1, BINARY_MAGIC_1);
  view.setUint8(offset + 2, PROTOCOL_VERSION);
  view.setUint8(offset + 3, kind);
}

export function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * `count` little-endian float32 values starting at `offset` of `bytes`: a view sharing memory with the input when
 * the host is little-endian and the data is 4-byte aligned in its ArrayBuffer, otherwise a copy.
 */
export function readFloat32Run(bytes: Uint8Array, offset: number, count: number, copy: boolean): Float32Array {
  const absolute = bytes.byteOffset + offset;
  if (!copy && HOST_IS_LITTLE_ENDIAN && absolute % 4 === 0) return new Float32Array(bytes.buffer, absolute, count);
  const out = new Float32Array(count);
  const view = dataViewOf(bytes);
  for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, true);
  return out;
}

/** Writes float32 values little-endian at `offset`. */
export function writeFloat32Run(target: Uint8Array, offset: number, values: Float32Array): void {
  const absolute = target.byteOffset + offset;
  if (HOST_IS_LITTLE_ENDIAN && absolute % 4 === 0) {
    new Float32Array(target.buffer, absolute, values.length).set(values);
    return;
  }
  const view = dataViewOf(target);
  for (let i = 0; i < values.length; i++) view.setFloat32(offset + 4 * i, values[i] ?? 0, true);
}

/** Index of the first non-finite value, or -1. */
export function firstNonFinite(values: Float32Array): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return i;
  }
  return -1;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw new DecodeFailure('bad_utf8', `${what}: expected UTF-8 text, received bytes that are not valid UTF-8`);
  }
}

/** Bytes needed to pad `length` up to a multiple of 4. */
export function paddingTo4(length: number): number {
  return (4 - (length % 4)) % 4;
}
