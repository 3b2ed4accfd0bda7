// Protocol name, version numbers, magic bytes and binary message kinds: the constants both peers must agree on.

/** The protocol's name, sent in every hello. */
export const PROTOCOL_NAME = 'rapier-gym';

/**
 * Version of the wire protocol: JSON control messages and binary messages. Peers must speak the same version;
 * any change to a message's fields, their meaning or a byte layout increments it (README "Versioning").
 */
export const PROTOCOL_VERSION = 1;

/** Version of the rollout file container (header and record framing). */
export const ROLLOUT_FILE_VERSION = 1;

/** First two bytes of every binary message: ASCII "RG". */
export const BINARY_MAGIC_0 = 0x52;
export const BINARY_MAGIC_1 = 0x47;

/** First four bytes of a rollout file: ASCII "RGRL". */
export const ROLLOUT_FILE_MAGIC: readonly number[] = [0x52, 0x47, 0x52, 0x4c];

/** The conventional file name extension of a rollout file. */
export const ROLLOUT_FILE_EXTENSION = '.rgr';

/** The kind byte (offset 3) of a binary message. */
export const BinaryKind = {
  /** One env step: poses, reward, action, info terms, optional observation and contacts. */
  frame: 1,
  /** A UTF-8 JSON control message wrapped in binary (rollout files only: episode ends). */
  json: 2,
  /** The last record of a complete rollout file: frame and episode counts. */
  end: 3,
} as const;
export type BinaryKind = (typeof BinaryKind)[keyof typeof BinaryKind];
