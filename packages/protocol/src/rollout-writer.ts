// Writes a rollout file incrementally: each call returns the next chunk, so the CLI can stream episodes to disk.
import { encodedFrameLength, encodeFrameInto } from './frame-codec.js';
import type { Frame } from './frame.js';
import { MAX_ROLLOUT_FILE_BYTES } from './limits.js';
import { encodeEndRecord, encodeFileHeader, encodeJsonRecord, RECORD_LENGTH_BYTES, writeRecordLength } from './rollout-format.js';
import type { EpisodeOutcome, RolloutHeader } from './rollout-header.js';
import { headerJsonBytes, validatedEpisodeEnd } from './rollout-records.js';
import { RolloutSequence } from './rollout-sequence.js';
import type { FramePayload } from './rollout.js';

/**
 * Incremental rollout file writer. Call `start()` once, then `appendFrame` / `endEpisode` as episodes run, then
 * `finish()`; concatenating the returned chunks gives exactly the bytes `encodeRolloutFile` produces for the same
 * rollout. Misuse (frames out of order, sizes that contradict the header, calls after finish) throws an Error.
 */
export class RolloutWriter {
  private readonly sequence: RolloutSequence;
  private readonly headerJson: Uint8Array;
  private started = false;
  private written = 0;

  constructor(private readonly header: RolloutHeader) {
    this.headerJson = headerJsonBytes(header);
    this.sequence = new RolloutSequence(header);
  }

  /** Bytes returned so far. */
  get bytesWritten(): number {
    return this.written;
  }

  get frameCount(): number {
    return this.sequence.frameCount;
  }

  /** Episodes closed so far. */
  get episodeCount(): number {
    return this.sequence.episodeCount;
  }

  /** The file's first chunk: magic, version and the JSON header. */
  start(): Uint8Array {
    if (this.started) throw new Error('RolloutWriter.start: already called; a file has one header');
    this.started = true;
    return this.emit(encodeFileHeader(this.headerJson));
  }

  /** A frame record for the open episode (its streamId is set to the episode index). */
  appendFrame(frame: FramePayload): Uint8Array {
    this.assertStarted('appendFrame');
    const stamped: Frame = { ...frame, streamId: this.sequence.currentEpisode };
    const frameLength = encodedFrameLength(stamped);
    const chunk = new Uint8Array(RECORD_LENGTH_BYTES + frameLength);
    encodeFrameInto(stamped, chunk, RECORD_LENGTH_BYTES);
    writeRecordLength(chunk, 0, frameLength);
    this.sequence.frame(stamped);
    return this.emit(chunk);
  }

  /** The episodeEnd record closing the open episode. */
  endEpisode(outcome: EpisodeOutcome): Uint8Array {
    this.assertStarted('endEpisode');
    const index = this.sequence.currentEpisode;
    const chunk = encodeJsonRecord(validatedEpisodeEnd(this.header, index, outcome));
    this.sequence.episodeEnd(index, this.header.rolloutId);
    return this.emit(chunk);
  }

  /** The end record; the file is complete after it. Throws when an episode is still open. */
  finish(): Uint8Array {
    this.assertStarted('finish');
    this.sequence.end(this.sequence.frameCount, this.sequence.episodeCount);
    return this.emit(encodeEndRecord(this.sequence.frameCount, this.sequence.episodeCount));
  }

  private assertStarted(method: string): void {
    if (!this.started) throw new Error(`RolloutWriter.${method}: call start() first and write its chunk`);
  }

  private emit(chunk: Uint8Array): Uint8Array {
    if (this.written + chunk.length > MAX_ROLLOUT_FILE_BYTES) {
      throw new Error(
        `RolloutWriter: the file would exceed MAX_ROLLOUT_FILE_BYTES (${MAX_ROLLOUT_FILE_BYTES}) bytes; start a new file`,
      );
    }
    this.written += chunk.length;
    return chunk;
  }
}
