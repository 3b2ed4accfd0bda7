// One-shot encoding and decoding of rollout files (.rgr): header JSON once, then frame and episode-end records.
import { asBytes, dataViewOf, readBinaryHeader } from './bytes.js';
import { parseJsonText } from './control-codec.js';
import { readEpisodeEnd } from './control-validators.js';
import { encodedFrameLength, encodeFrameInto, readFrame } from './frame-codec.js';
import { frameByteLength, type Frame } from './frame.js';
import { describeValue, readObject } from './json-readers.js';
import { MAX_BODIES, MAX_CONTACTS, MAX_JSON_LENGTH, MAX_ROLLOUT_FILE_BYTES, MAX_VECTOR_LENGTH } from './limits.js';
import { catchDecodeFailure, DecodeFailure, type Result } from './result.js';
import {
  encodeEndRecord,
  encodeFileHeader,
  encodeJsonRecord,
  JSON_MESSAGE_PREFIX_BYTES,
  readEndMessage,
  readFileHeader,
  readJsonMessage,
  RECORD_LENGTH_BYTES,
  writeRecordLength,
} from './rollout-format.js';
import { readRolloutHeader } from './rollout-header.js';
import { headerJsonBytes, validatedEpisodeEnd } from './rollout-records.js';
import { RolloutSequence } from './rollout-sequence.js';
import type { Rollout, RolloutEpisode, RolloutInput } from './rollout.js';
import { BinaryKind } from './versions.js';

/** The largest record message any valid file can hold (a frame at every limit, or the largest JSON record). */
export const MAX_RECORD_MESSAGE_BYTES = Math.max(
  frameByteLength({
    bodyCount: MAX_BODIES,
    actionLength: MAX_VECTOR_LENGTH,
    infoLength: MAX_VECTOR_LENGTH,
    observationLength: MAX_VECTOR_LENGTH,
    contactCount: MAX_CONTACTS,
  }),
  JSON_MESSAGE_PREFIX_BYTES + MAX_JSON_LENGTH + 3,
);

/**
 * Encodes a whole rollout into one buffer. Throws an Error naming the problem when the rollout breaks a rule of the
 * format (invalid header, frames whose sizes contradict it, non-finite floats, limits).
 */
export function encodeRolloutFile(rollout: RolloutInput): Uint8Array {
  const { header } = rollout;
  const headerBytes = encodeFileHeader(headerJsonBytes(header));
  const sequence = new RolloutSequence(header);
  const pieces: (Frame | Uint8Array)[] = [];
  let total = headerBytes.length;
  rollout.episodes.forEach((episode, index) => {
    for (const payload of episode.frames) {
      const frame: Frame = { ...payload, streamId: index };
      total += RECORD_LENGTH_BYTES + encodedFrameLength(frame);
      sequence.frame(frame);
      pieces.push(frame);
    }
    const endRecord = encodeJsonRecord(validatedEpisodeEnd(header, index, episode.end));
    sequence.episodeEnd(index, header.rolloutId);
    total += endRecord.length;
    pieces.push(endRecord);
  });
  const endRecord = encodeEndRecord(sequence.frameCount, sequence.episodeCount);
  sequence.end(sequence.frameCount, sequence.episodeCount);
  total += endRecord.length;
  if (total > MAX_ROLLOUT_FILE_BYTES) {
    throw new Error(`encodeRolloutFile: expected at most ${MAX_ROLLOUT_FILE_BYTES} bytes (MAX_ROLLOUT_FILE_BYTES), the rollout needs ${total}`);
  }

  const bytes = new Uint8Array(total);
  bytes.set(headerBytes, 0);
  let offset = headerBytes.length;
  for (const piece of pieces) {
    if (piece instanceof Uint8Array) {
      bytes.set(piece, offset);
      offset += piece.length;
    } else {
      const written = encodeFrameInto(piece, bytes, offset + RECORD_LENGTH_BYTES);
      writeRecordLength(bytes, offset, written);
      offset += RECORD_LENGTH_BYTES + written;
    }
  }
  bytes.set(endRecord, offset);
  return bytes;
}

export interface DecodeRolloutOptions {
  /**
   * Accept a file whose writer did not finish: decoding stops at a truncated last record or a missing end record and
   * returns the complete records with `complete: false`. Corrupt records are errors either way. Default false.
   */
  allowIncomplete?: boolean;
  /** Copy frame floats instead of viewing the input's memory (see DecodeFrameOptions.copy). Default false. */
  copy?: boolean;
}

function readRollout(input: unknown, options: DecodeRolloutOptions): Rollout {
  const bytes = asBytes(input, 'rollout file');
  if (bytes.length > MAX_ROLLOUT_FILE_BYTES) {
    throw new DecodeFailure('oversized', `rollout file: expected at most ${MAX_ROLLOUT_FILE_BYTES} bytes, received ${bytes.length}`);
  }
  const { json, recordsStart } = readFileHeader(bytes);
  const header = readRolloutHeader(parseJsonText(json, 'rollout file header'), 'header');
  const sequence = new RolloutSequence(header);
  const episodes: RolloutEpisode[] = [];
  const episodeAt = (index: number): RolloutEpisode => (episodes[index] ??= { frames: [] });
  const view = dataViewOf(bytes);
  const copy = options.copy === true;
  const allowIncomplete = options.allowIncomplete === true;
  let offset = recordsStart;
  let records = 0;

  while (offset < bytes.length && !sequence.isEnded) {
    const where = `rollout file record ${records} at byte ${offset}`;
    if (offset + RECORD_LENGTH_BYTES > bytes.length) {
      if (allowIncomplete) break;
      throw new DecodeFailure('truncated', `${where}: expected a 4-byte record length, the file ends after ${bytes.length - offset} bytes`);
    }
    const length = view.getUint32(offset, true);
    if (length < 4 || length % 4 !== 0) {
      throw new DecodeFailure('length_mismatch', `${where}: record length expected a positive multiple of 4, received ${length}`);
    }
    if (length > MAX_RECORD_MESSAGE_BYTES) {
      throw new DecodeFailure('oversized', `${where}: record length expected at most ${MAX_RECORD_MESSAGE_BYTES}, received ${length}`);
    }
    const start = offset + RECORD_LENGTH_BYTES;
    if (start + length > bytes.length) {
      if (allowIncomplete) break;
      throw new DecodeFailure('truncated', `${where}: declares ${length} bytes, the file holds ${bytes.length - start} more`);
    }
    const message = bytes.subarray(start, start + length);
    const kind = readBinaryHeader(message, where);
    if (kind === BinaryKind.frame) {
      const frame = readFrame(message, copy, where);
      sequence.frame(frame);
      episodeAt(frame.streamId).frames.push(frame);
    } else if (kind === BinaryKind.json) {
      const value = readObject(parseJsonText(readJsonMessage(message, where), where), where);
      if (value['type'] !== 'episodeEnd') {
        throw new DecodeFailure('unknown_type', `${where}: JSON record type expected "episodeEnd", received ${describeValue(value['type'])}`);
      }
      const { streamId, rolloutId, terminated, truncated, reason, episodeReturn, length: steps } = readEpisodeEnd(value, where);
      sequence.episodeEnd(streamId, rolloutId);
      episodeAt(streamId).end = { terminated, truncated, reason, episodeReturn, length: steps };
    } else if (kind === BinaryKind.end) {
      const counts = readEndMessage(message, where);
      sequence.end(counts.frameCount, counts.episodeCount);
    } else {
      throw new DecodeFailure(
        'unknown_kind',
        `${where}: message kind expected 1 (frame), 2 (json) or 3 (end), received ${kind}`,
      );
    }
    offset = start + length;
    records++;
  }
  if (sequence.isEnded && offset < bytes.length) {
    throw new DecodeFailure('trailing_bytes', `rollout file: ${bytes.length - offset} bytes follow the end record, which must be last`);
  }
  if (!sequence.isEnded && !allowIncomplete) {
    throw new DecodeFailure(
      'truncated',
      `rollout file: expected an end record after the last of ${records} records; the writer did not finish ` +
        `(decode with allowIncomplete to read the complete records)`,
    );
  }
  return { header, episodes, complete: sequence.isEnded };
}

/** Decodes a rollout file. Malformed input gives an error value naming the record and field, never an exception. */
export function decodeRolloutFile(input: Uint8Array | ArrayBuffer, options: DecodeRolloutOptions = {}): Result<Rollout> {
  return catchDecodeFailure(() => readRollout(input, options));
}
