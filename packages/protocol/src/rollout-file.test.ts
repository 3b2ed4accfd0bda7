// Tests of rollout files: layout, round trips, the incremental writer, its misuse, and every malformed file case.
import { describe, expect, it } from 'vitest';
import { encodeFrame } from './frame-codec.js';
import type { Frame } from './frame.js';
import { MAX_EPISODES, MAX_FRAMES, MAX_JSON_LENGTH, MAX_ROLLOUT_FILE_BYTES } from './limits.js';
import type { Result } from './result.js';
import { decodeRolloutFile, encodeRolloutFile, MAX_RECORD_MESSAGE_BYTES } from './rollout-file.js';
import { encodeEndRecord, encodeJsonRecord, FILE_PREFIX_BYTES, fileHeaderLength } from './rollout-format.js';
import type { RolloutHeader } from './rollout-header.js';
import { RolloutSequence } from './rollout-sequence.js';
import { RolloutWriter } from './rollout-writer.js';
import type { Rollout, RolloutInput } from './rollout.js';
import { sampleHopperHeader, sampleHopperRollout } from './sample-rollout.js';

function expectError<T>(result: Result<T>, code: string, message?: string | RegExp): void {
  expect(result.ok ? 'ok' : result.error.code).toBe(code);
  if (result.ok || message === undefined) return;
  if (typeof message === 'string') expect(result.error.message).toBe(message);
  else expect(result.error.message).toMatch(message);
}

/** The writer's chunks for a rollout, in order. */
function writerChunks(rollout: RolloutInput): Uint8Array[] {
  const writer = new RolloutWriter(rollout.header);
  const chunks = [writer.start()];
  for (const episode of rollout.episodes) {
    for (const frame of episode.frames) chunks.push(writer.appendFrame(frame));
    chunks.push(writer.endEpisode(episode.end));
  }
  chunks.push(writer.finish());
  return chunks;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** What decoding `rollout` must give: frames stamped with their episode index, every episode ended. */
function expectedDecoding(rollout: RolloutInput): Rollout {
  return {
    header: rollout.header,
    complete: true,
    episodes: rollout.episodes.map((episode, index) => ({
      frames: episode.frames.map((frame) => ({ ...frame, streamId: index })),
      end: episode.end,
    })),
  };
}

/** A header JSON length as written by encodeFileHeader. */
function headerJsonLength(header: RolloutHeader): number {
  return new TextEncoder().encode(JSON.stringify(header)).length;
}

describe('rollout file layout', () => {
  it('starts with "RGRL", version 1, the JSON length and the header JSON, padded to 4 bytes', () => {
    const rollout = sampleHopperRollout({ episodes: 1, frames: 2 });
    const bytes = encodeRolloutFile(rollout);
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RGRL');
    expect(view.getUint16(4, true)).toBe(1);
    expect(view.getUint16(6, true)).toBe(0);
    const jsonLength = view.getUint32(8, true);
    expect(jsonLength).toBe(headerJsonLength(rollout.header));
    expect(JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength)))).toEqual(rollout.header);
    const recordsStart = fileHeaderLength(jsonLength);
    expect(recordsStart % 4).toBe(0);
    // First record: uint32 length 252 (a Hopper frame with its 11-float observation), then the frame itself.
    expect(view.getUint32(recordsStart, true)).toBe(252);
    expect([...bytes.subarray(recordsStart + 4, recordsStart + 8)]).toEqual([0x52, 0x47, 1, 1]);
  });

  it('totals header + (4 + frame bytes) per frame + episode-end records + a 16-byte end record', () => {
    const rollout = sampleHopperRollout({ episodes: 2, frames: 5 });
    const bytes = encodeRolloutFile(rollout);
    const endRecords = rollout.episodes.map((episode, index) =>
      encodeJsonRecord({ type: 'episodeEnd', streamId: index, rolloutId: rollout.header.rolloutId, ...episode.end }),
    );
    const expected =
      fileHeaderLength(headerJsonLength(rollout.header)) +
      10 * (4 + 252) +
      endRecords.reduce((sum, record) => sum + record.length, 0) +
      16;
    expect(bytes.length).toBe(expected);
    expect(encodeEndRecord(10, 2).length).toBe(16);
  });
});

describe('rollout file round trips', () => {
  it('decodes the sample Hopper rollout to what was encoded', () => {
    const rollout = sampleHopperRollout({ episodes: 2, frames: 20 });
    expect(decodeRolloutFile(encodeRolloutFile(rollout))).toEqual({ ok: true, value: expectedDecoding(rollout) });
  });

  it('round-trips frames without observations, with contacts, and episodes without frames', () => {
    const rollout = sampleHopperRollout({ episodes: 3, frames: 3, withObservation: false });
    rollout.episodes[1]!.frames[2]!.contacts = new Float32Array([0.25, 0, 0, 0, 0, 150]);
    rollout.episodes[2]!.frames = [];
    expect(decodeRolloutFile(encodeRolloutFile(rollout))).toEqual({ ok: true, value: expectedDecoding(rollout) });
  });

  it('round-trips a rollout without episodes and a header with only required fields', () => {
    const { rolloutId, envId, scene, observationLabels, actionLabels, infoTerms } = sampleHopperHeader();
    const rollout: RolloutInput = { header: { rolloutId, envId, scene, observationLabels, actionLabels, infoTerms }, episodes: [] };
    expect(decodeRolloutFile(encodeRolloutFile(rollout))).toEqual({ ok: true, value: expectedDecoding(rollout) });
  });

  it('the incremental writer produces exactly the one-shot bytes', () => {
    const rollout = sampleHopperRollout({ episodes: 3, frames: 17 });
    rollout.episodes[0]!.frames[4]!.contacts = new Float32Array(12).fill(0.5);
    const chunks = writerChunks(rollout);
    const oneShot = encodeRolloutFile(rollout);
    expect(concat(chunks)).toEqual(oneShot);
    expect(chunks.length).toBe(1 + 3 * 17 + 3 + 1);
  });

  it('the writer counts bytes, frames and episodes', () => {
    const rollout = sampleHopperRollout({ episodes: 1, frames: 4 });
    const writer = new RolloutWriter(rollout.header);
    let total = writer.start().length;
    for (const frame of rollout.episodes[0]!.frames) total += writer.appendFrame(frame).length;
    expect([writer.frameCount, writer.episodeCount]).toEqual([4, 0]);
    total += writer.endEpisode(rollout.episodes[0]!.end).length;
    total += writer.finish().length;
    expect(writer.bytesWritten).toBe(total);
    expect([writer.frameCount, writer.episodeCount]).toEqual([4, 1]);
  });

  it('views frame floats inside the file buffer unless asked to copy', () => {
    const bytes = encodeRolloutFile(sampleHopperRollout({ episodes: 1, frames: 3 }));
    const viewed = decodeRolloutFile(bytes);
    expect(viewed.ok && viewed.value.episodes[0]!.frames[2]!.poses.buffer).toBe(bytes.buffer);
    const copied = decodeRolloutFile(bytes, { copy: true });
    expect(copied.ok && copied.value.episodes[0]!.frames[2]!.poses.buffer).not.toBe(bytes.buffer);
  });
});

describe('incomplete files', () => {
  const rollout = sampleHopperRollout({ episodes: 2, frames: 3, withObservation: false });
  const chunks = writerChunks(rollout);
  const bytes = concat(chunks);
  /** Byte offsets where each chunk ends. */
  const ends = chunks.map((_, i) => chunks.slice(0, i + 1).reduce((sum, c) => sum + c.length, 0));

  it('reports a cut at every length as truncated', () => {
    for (let length = 0; length < bytes.length; length++) {
      expectError(decodeRolloutFile(bytes.slice(0, length)), 'truncated');
    }
  });

  it('names the missing end record', () => {
    expectError(
      decodeRolloutFile(bytes.slice(0, ends[ends.length - 2])),
      'truncated',
      'rollout file: expected an end record after the last of 8 records; the writer did not finish (decode with allowIncomplete to read the complete records)',
    );
  });

  it('with allowIncomplete, keeps every complete record of a cut file', () => {
    const headerEnd = ends[0]!;
    for (let length = headerEnd; length < bytes.length; length++) {
      const result = decodeRolloutFile(bytes.slice(0, length), { allowIncomplete: true });
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const completeChunks = ends.filter((end) => end <= length).length - 1; // minus the header chunk
      // Chunk order: 3 frames, end of episode 0, 3 frames, end of episode 1, end record.
      const frames = Math.min(completeChunks, 3) + Math.max(0, Math.min(completeChunks - 4, 3));
      expect(result.value.complete).toBe(false);
      expect(result.value.episodes.reduce((sum, e) => sum + e.frames.length, 0)).toBe(frames);
      expect(result.value.episodes[0]?.end !== undefined).toBe(completeChunks >= 4);
    }
    const whole = decodeRolloutFile(bytes, { allowIncomplete: true });
    expect(whole.ok && whole.value.complete).toBe(true);
  });

  it('with allowIncomplete, still rejects a cut inside the header and corrupt records', () => {
    expectError(decodeRolloutFile(bytes.slice(0, ends[0]! - 1), { allowIncomplete: true }), 'truncated');
    const corrupt = bytes.slice();
    corrupt[ends[0]! + 4] = 0; // magic of the first record
    expectError(decodeRolloutFile(corrupt, { allowIncomplete: true }), 'bad_magic');
  });
});

describe('malformed rollout files', () => {
  const rollout = sampleHopperRollout({ episodes: 2, frames: 2, withObservation: false });
  const chunks = writerChunks(rollout);
  const valid = concat(chunks);
  const recordsStart = chunks[0]!.length;

  function edited(edit: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
    const bytes = valid.slice();
    edit(new DataView(bytes.buffer), bytes);
    return bytes;
  }

  /** A file whose chunks after the header are replaced by `records`. */
  function withRecords(...records: Uint8Array[]): Uint8Array {
    return concat([chunks[0]!, ...records]);
  }

  function frameRecord(frame: Frame): Uint8Array {
    const message = encodeFrame(frame);
    const record = new Uint8Array(4 + message.length);
    new DataView(record.buffer).setUint32(0, message.length, true);
    record.set(message, 4);
    return record;
  }

  const firstFrame = (): Frame => ({ ...rollout.episodes[0]!.frames[0]!, streamId: 0 });
  const endOf = (streamId: number, rolloutId = rollout.header.rolloutId) =>
    encodeJsonRecord({ type: 'episodeEnd', streamId, rolloutId, ...rollout.episodes[0]!.end });

  it('rejects a wrong magic, version or reserved field in the file prefix', () => {
    expectError(decodeRolloutFile(edited((_, b) => (b[3] = 0x4d))), 'bad_magic', 'rollout file: expected magic "RGRL" (0x52 0x47 0x52 0x4c), received 0x52 0x47 0x52 0x4d');
    expectError(
      decodeRolloutFile(edited((v) => v.setUint16(4, 2, true))),
      'unsupported_version',
      'rollout file: expected format version 1, received version 2; open it with a matching rapier-gym release',
    );
    expectError(decodeRolloutFile(edited((v) => v.setUint16(6, 1, true))), 'invalid_field', 'rollout file: reserved bytes 6-7 expected 0, received 1');
    expectError(decodeRolloutFile(encodeFrame(firstFrame())), 'bad_magic');
  });

  it('rejects header JSON lengths over the limit or past the end of the file', () => {
    expectError(
      decodeRolloutFile(edited((v) => v.setUint32(8, 0xffffffff, true))),
      'oversized',
      `rollout file header: expected at most ${MAX_JSON_LENGTH} bytes of JSON, received a length of 4294967295`,
    );
    expectError(decodeRolloutFile(edited((v) => v.setUint32(8, valid.length, true))), 'truncated', /rollout file header: declares \d+ bytes of JSON/);
  });

  it('rejects header text that is not UTF-8, not JSON, or not a valid header', () => {
    const prefix = (json: Uint8Array) => {
      const padded = new Uint8Array(fileHeaderLength(json.length));
      const view = new DataView(padded.buffer);
      padded.set([0x52, 0x47, 0x52, 0x4c]);
      view.setUint16(4, 1, true);
      view.setUint32(8, json.length, true);
      padded.set(json, FILE_PREFIX_BYTES);
      return concat([padded, encodeEndRecord(0, 0)]);
    };
    const text = (value: string) => new TextEncoder().encode(value);
    expectError(decodeRolloutFile(prefix(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))), 'bad_utf8', 'rollout file header: expected UTF-8 text, received bytes that are not valid UTF-8');
    expectError(decodeRolloutFile(prefix(text('{"rolloutId":'))), 'bad_json', /rollout file header: expected valid JSON/);
    const { scene: _scene, ...withoutScene } = sampleHopperHeader();
    expectError(decodeRolloutFile(prefix(text(JSON.stringify(withoutScene)))), 'missing_field', 'header.scene: required field is missing');
    expectError(
      decodeRolloutFile(prefix(text(JSON.stringify({ ...sampleHopperHeader(), format: 2 })))),
      'unknown_field',
      /^header: unexpected field "format"/,
    );
    expectError(decodeRolloutFile(prefix(text(JSON.stringify(sampleHopperHeader())))), 'ok');
  });

  it('rejects non-zero padding after the header JSON', () => {
    // Pick a header whose JSON length is not a multiple of 4, so the file has padding bytes.
    const header = [sampleHopperHeader(), { ...sampleHopperHeader(), software: 'x' }].find((h) => headerJsonLength(h) % 4 !== 0)!;
    const bytes = encodeRolloutFile({ header, episodes: [] });
    const jsonEnd = FILE_PREFIX_BYTES + headerJsonLength(header);
    expect(decodeRolloutFile(bytes).ok).toBe(true);
    bytes[jsonEnd] = 0x20;
    expectError(decodeRolloutFile(bytes), 'invalid_field', 'rollout file header: padding byte 0 expected 0, received 32');
  });

  it('rejects record lengths that are zero, unaligned or over the limit', () => {
    const at = recordsStart;
    expectError(decodeRolloutFile(edited((v) => v.setUint32(at, 0, true))), 'length_mismatch', /record 0 at byte \d+: record length expected a positive multiple of 4, received 0/);
    expectError(decodeRolloutFile(edited((v) => v.setUint32(at, 206, true))), 'length_mismatch');
    expectError(
      decodeRolloutFile(edited((v) => v.setUint32(at, 0xfffffff0, true))),
      'oversized',
      new RegExp(`record length expected at most ${MAX_RECORD_MESSAGE_BYTES}, received 4294967280`),
    );
    // Aligned but wrong: the frame inside then disagrees with its own header.
    expectError(decodeRolloutFile(edited((v) => v.setUint32(at, 212, true))), 'trailing_bytes', /declares .* \(208 bytes\), received 212 bytes/);
    expectError(decodeRolloutFile(edited((v) => v.setUint32(at, 204, true))), 'truncated', /\(208 bytes\), received 204 bytes/);
  });

  it('rejects records with a bad magic, version or unknown kind', () => {
    expectError(decodeRolloutFile(edited((_, b) => (b[recordsStart + 5] = 0))), 'bad_magic');
    expectError(decodeRolloutFile(edited((_, b) => (b[recordsStart + 6] = 9))), 'unsupported_version');
    expectError(
      decodeRolloutFile(edited((_, b) => (b[recordsStart + 7] = 9))),
      'unknown_kind',
      /message kind expected 1 \(frame\), 2 \(json\) or 3 \(end\), received 9/,
    );
  });

  it('rejects frames whose sizes contradict the header', () => {
    const frame = { ...firstFrame(), poses: new Float32Array(4 * 7) };
    expectError(
      decodeRolloutFile(withRecords(frameRecord(frame), endOf(0), encodeEndRecord(1, 1))),
      'length_mismatch',
      'frame 0 of stream 0: poses expected 35 floats as declared at episode start, received 28',
    );
  });

  it('rejects frames out of order: wrong episode index or non-increasing steps', () => {
    expectError(
      decodeRolloutFile(withRecords(frameRecord({ ...firstFrame(), streamId: 1 }))),
      'out_of_order',
      'frame 0 (episode 0, step 0): streamId expected 0 (the index of the open episode), received 1',
    );
    expectError(
      decodeRolloutFile(withRecords(frameRecord({ ...firstFrame(), step: 5 }), frameRecord({ ...firstFrame(), step: 5 }))),
      'out_of_order',
      'frame 1 (episode 0, step 5): step expected greater than 5, received 5',
    );
  });

  it('rejects episode-end records that are not episodeEnd or do not match the open episode', () => {
    expectError(
      decodeRolloutFile(withRecords(encodeJsonRecord({ type: 'metrics', runId: 'r', rows: [] }))),
      'unknown_type',
      /JSON record type expected "episodeEnd", received the string "metrics"/,
    );
    expectError(decodeRolloutFile(withRecords(endOf(1))), 'out_of_order', 'episodeEnd of episode 0: streamId expected 0, received 1');
    expectError(
      decodeRolloutFile(withRecords(endOf(0, 'another'))),
      'invalid_field',
      'episodeEnd of episode 0: rolloutId expected "sample-hopper" (the file header\'s), received "another"',
    );
    expectError(decodeRolloutFile(withRecords(encodeJsonRecord({ type: 'episodeEnd', streamId: 0 }))), 'missing_field', /rolloutId: required field is missing/);
  });

  it('rejects JSON records whose declared text length disagrees with the record', () => {
    const record = endOf(0);
    new DataView(record.buffer).setUint32(8, 3, true);
    expectError(decodeRolloutFile(withRecords(record)), 'length_mismatch', /declares 3 bytes of JSON/);
  });

  it('rejects an end record with wrong counts, an open episode, or bytes after it', () => {
    expectError(
      decodeRolloutFile(withRecords(frameRecord(firstFrame()), endOf(0), encodeEndRecord(2, 1))),
      'length_mismatch',
      'end record: expected 1 frames and 1 episodes (the records seen), received 2 and 1',
    );
    expectError(
      decodeRolloutFile(withRecords(frameRecord(firstFrame()), encodeEndRecord(1, 0))),
      'out_of_order',
      'end record: episode 0 has 1 frames but no episodeEnd record',
    );
    expectError(
      decodeRolloutFile(concat([valid, encodeEndRecord(4, 2)])),
      'trailing_bytes',
      'rollout file: 16 bytes follow the end record, which must be last',
    );
  });

  it('rejects non-finite floats inside frame records', () => {
    const bytes = edited((v) => v.setFloat32(recordsStart + 4 + 16, Number.NaN, true));
    expectError(decodeRolloutFile(bytes), 'non_finite', /record 0 at byte \d+\.reward: expected a finite number, received NaN/);
  });

  it('rejects files over MAX_ROLLOUT_FILE_BYTES before reading them', () => {
    // A 2 GiB buffer is too large for a unit test; an own `length` property makes a small array report that size.
    const bytes = valid.slice();
    Object.defineProperty(bytes, 'length', { value: MAX_ROLLOUT_FILE_BYTES + 1 });
    expectError(decodeRolloutFile(bytes), 'oversized', `rollout file: expected at most ${MAX_ROLLOUT_FILE_BYTES} bytes, received ${MAX_ROLLOUT_FILE_BYTES + 1}`);
  });

  it('rejects input that is not bytes', () => {
    expectError(decodeRolloutFile('RGRL' as unknown as Uint8Array), 'invalid_input', 'rollout file: expected a Uint8Array or ArrayBuffer, received a string');
  });
});

describe('rollout limits', () => {
  const header = { ...sampleHopperHeader(), scene: { ...sampleHopperHeader().scene, bodies: [], trackBody: -1 }, actionLabels: [], infoTerms: [], actionLow: [], actionHigh: [] };
  const emptyFrame = (step: number, streamId: number): Frame => ({
    streamId,
    step,
    time: 0,
    reward: 0,
    terminated: false,
    truncated: false,
    poses: new Float32Array(0),
    action: new Float32Array(0),
    info: new Float32Array(0),
  });

  it(`accepts MAX_FRAMES (${MAX_FRAMES}) frames and rejects one more`, () => {
    const sequence = new RolloutSequence(header);
    const frame = emptyFrame(0, 0);
    for (let step = 0; step < MAX_FRAMES; step++) {
      frame.step = step;
      sequence.frame(frame);
    }
    frame.step = MAX_FRAMES;
    expect(() => sequence.frame(frame)).toThrow(`frame ${MAX_FRAMES} (episode 0, step ${MAX_FRAMES}): a rollout file holds at most ${MAX_FRAMES} frames (MAX_FRAMES)`);
  });

  it(`accepts MAX_EPISODES (${MAX_EPISODES}) episodes and rejects one more`, () => {
    const sequence = new RolloutSequence(header);
    for (let episode = 0; episode < MAX_EPISODES; episode++) sequence.episodeEnd(episode, header.rolloutId);
    expect(() => sequence.episodeEnd(MAX_EPISODES, header.rolloutId)).toThrow(/at most 100000 episodes \(MAX_EPISODES\)/);
    expect(() => sequence.frame(emptyFrame(0, MAX_EPISODES))).toThrow(/at most 100000 episodes/);
  });
});

describe('writer misuse', () => {
  const rollout = sampleHopperRollout({ episodes: 1, frames: 3 });
  const [frame0, frame1] = rollout.episodes[0]!.frames;

  it('requires start first, once', () => {
    const writer = new RolloutWriter(rollout.header);
    expect(() => writer.appendFrame(frame0!)).toThrow('RolloutWriter.appendFrame: call start() first and write its chunk');
    writer.start();
    expect(() => writer.start()).toThrow('RolloutWriter.start: already called; a file has one header');
  });

  it('rejects an invalid header up front, naming the field', () => {
    expect(() => new RolloutWriter({ ...rollout.header, actionLow: [0] })).toThrow(
      'length_mismatch: rollout header.actionLow: expected 3 numbers (one per action label), received 1',
    );
    expect(() => new RolloutWriter({ ...rollout.header, envId: '' })).toThrow(/rollout header\.envId: expected a non-empty string/);
  });

  it('rejects frames out of order, of the wrong size or with non-finite values', () => {
    const writer = new RolloutWriter(rollout.header);
    writer.start();
    writer.appendFrame(frame1!);
    expect(() => writer.appendFrame(frame0!)).toThrow(/step expected greater than 1, received 0/);
    expect(() => writer.appendFrame({ ...frame1!, step: 9, action: new Float32Array(2) })).toThrow(/action expected 3 floats/);
    expect(() => writer.appendFrame({ ...frame1!, step: 9, reward: Number.NaN })).toThrow(/frame\.reward: expected a finite float32, received NaN/);
  });

  it('rejects an invalid outcome, an open episode at finish, and writes after finish', () => {
    const writer = new RolloutWriter(rollout.header);
    writer.start();
    writer.appendFrame(frame0!);
    expect(() => writer.endEpisode({ ...rollout.episodes[0]!.end, length: -1 })).toThrow(/episode 0 end\.length: expected an integer in \[0, /);
    expect(() => writer.finish()).toThrow('end record: episode 0 has 1 frames but no episodeEnd record');
    writer.endEpisode(rollout.episodes[0]!.end);
    writer.finish();
    expect(() => writer.appendFrame(frame1!)).toThrow(/comes after the end record, which must be last/);
    expect(() => writer.finish()).toThrow(/end record: comes after the end record/);
  });

  it('encodeRolloutFile rejects the same mistakes', () => {
    const broken = sampleHopperRollout({ episodes: 1, frames: 2 });
    broken.episodes[0]!.frames[1]!.step = 0;
    expect(() => encodeRolloutFile(broken)).toThrow(/step expected greater than 0, received 0/);
  });
});
