// Result values returned by every decoder: malformed input becomes `{ ok: false, error }`, never a thrown exception.

/** Why a decoder rejected its input. Codes are stable; messages are for humans and may change. */
export type ProtocolErrorCode =
  /** The input was not a string, Uint8Array or ArrayBuffer as the decoder requires. */
  | 'invalid_input'
  /** The buffer ends before the structure it declares. */
  | 'truncated'
  /** Bytes are left over after the structure the buffer declares. */
  | 'trailing_bytes'
  /** The leading magic bytes are not the ones this format starts with. */
  | 'bad_magic'
  /** A binary header carries a format version this decoder does not read. */
  | 'unsupported_version'
  /** A hello announced a different protocol version than this side speaks. */
  | 'version_mismatch'
  /** A binary header carries a message kind that is not allowed here. */
  | 'unknown_kind'
  /** A declared length disagrees with another length or with the buffer. */
  | 'length_mismatch'
  /** A count, length or size exceeds one of the limits in limits.ts. */
  | 'oversized'
  /** A float is NaN or infinite where only finite numbers are allowed. */
  | 'non_finite'
  /** Text is not valid JSON. */
  | 'bad_json'
  /** Bytes are not valid UTF-8. */
  | 'bad_utf8'
  /** A JSON message's `type` is not one this direction accepts. */
  | 'unknown_type'
  /** A required field is absent. */
  | 'missing_field'
  /** A field is present that the message does not define. */
  | 'unknown_field'
  /** A field has the wrong type or a value outside its allowed range. */
  | 'invalid_field'
  /** Records of a rollout file are in an order the format forbids. */
  | 'out_of_order'
  /** A bug in this package: a decoder hit an unexpected exception. Never produced on purpose. */
  | 'internal_error';

export interface ProtocolError {
  code: ProtocolErrorCode;
  /** Names the field, what was expected and what was received. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ProtocolErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/**
 * Thrown inside this package's decoders to unwind nested validation; `catchDecodeFailure` turns it into a
 * Result at the public boundary, so it never escapes a decoder.
 */
export class DecodeFailure extends Error {
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeFailure';
  }
}

/** Runs a decoding body and converts any exception into an error value. */
export function catchDecodeFailure<T>(body: () => T): Result<T> {
  try {
    return ok(body());
  } catch (error) {
    if (error instanceof DecodeFailure) return fail(error.code, error.message);
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail('internal_error', `unexpected exception while decoding (a bug in @rapier-gym/protocol): ${detail}`);
  }
}

/** The error of a failed Result as a thrown Error, for callers that prefer exceptions (encoders, tests). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(`${result.error.code}: ${result.error.message}`);
}
