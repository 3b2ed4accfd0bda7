// Fuzzing every decoder with seeded random and mutated input: no exception may escape, only error values.
import { describe, expect, it } from 'vitest';
import { decodeClientMessage, decodeServerControlMessage, encodeClientMessage, encodeServerControlMessage } from './control-codec.js';
import { decodeFrame, encodeFrame } from './frame-codec.js';
import type { Result } from './result.js';
import { decodeRolloutFile, encodeRolloutFile } from './rollout-file.js';
import { episodeStartFromHeader } from './rollout-header.js';
import { sampleHopperHeader, sampleHopperRollout } from './sample-rollout.js';
import { decodeServerPayload } from './server-payload.js';

/** mulberry32: a small seeded PRNG (Tommy Ettinger's public-domain generator), uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

function randomBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = randomInt(random, 256);
  return bytes;
}

/** Applies 1 to 4 random edits: overwrite a byte, flip a bit, truncate, insert or delete bytes. */
function mutate(random: () => number, source: Uint8Array): Uint8Array {
  let bytes = source.slice();
  const edits = 1 + randomInt(random, 4);
  for (let e = 0; e < edits; e++) {
    const at = randomInt(random, bytes.length + 1);
    switch (randomInt(random, 5)) {
      case 0:
        if (at < bytes.length) bytes[at] = randomInt(random, 256);
        break;
      case 1:
        if (at < bytes.length) bytes[at] = (bytes[at] ?? 0) ^ (1 << randomInt(random, 8));
        break;
      case 2:
        bytes = bytes.slice(0, at);
        break;
      case 3: {
        const inserted = randomBytes(random, 1 + randomInt(random, 8));
        const grown = new Uint8Array(bytes.length + inserted.length);
        grown.set(bytes.subarray(0, at));
        grown.set(inserted, at);
        grown.set(bytes.subarray(at), at + inserted.length);
        bytes = grown;
        break;
      }
      default: {
        const count = 1 + randomInt(random, 8);
        const shrunk = new Uint8Array(Math.max(0, bytes.length - count));
        shrunk.set(bytes.subarray(0, at).subarray(0, shrunk.length));
        if (at + count < bytes.length) shrunk.set(bytes.subarray(at + count), at);
        bytes = shrunk;
      }
    }
  }
  return bytes;
}

/** Calls a decoder, failing the test with the input if it throws; returns its result. */
function decodeSafely<T>(decoder: () => Result<T>, describeInput: () => string): Result<T> {
  try {
    return decoder();
  } catch (error) {
    throw new Error(`decoder threw ${String(error)} for input ${describeInput()}`);
  }
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('fuzzing binary decoders', () => {
  it('10,000 random buffers: frames, rollout files and server payloads all give error values', () => {
    const random = mulberry32(0x5eed);
    const codes = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      let bytes = randomBytes(random, randomInt(random, 600));
      // A quarter start like a frame, a quarter like a rollout file, and a quarter are frames with small counts and
      // a length off by 1 to 40 bytes, to reach past the magic and limit checks.
      if (i % 4 === 1 && bytes.length >= 4) bytes.set([0x52, 0x47, 1, 1]);
      if (i % 4 === 3) {
        const counts = Array.from({ length: 5 }, () => randomInt(random, 6));
        const expected = 32 + 4 * (7 * counts[0]! + counts[1]! + counts[2]! + counts[3]! + 6 * counts[4]!);
        const offBy = (1 + randomInt(random, 40)) * (random() < 0.5 ? -1 : 1);
        bytes = randomBytes(random, Math.max(32, expected + offBy));
        bytes.set([0x52, 0x47, 1, 1]);
        bytes[20] = randomInt(random, 4); // valid flags
        bytes[21] = 0; // valid reserved byte
        counts.forEach((count, k) => new DataView(bytes.buffer).setUint16(22 + 2 * k, count, true));
        if (bytes.length === expected) bytes = bytes.subarray(0, expected - 1);
      }
      if (i % 4 === 2 && bytes.length >= 12) {
        bytes.set([0x52, 0x47, 0x52, 0x4c, 1, 0, 0, 0]);
        new DataView(bytes.buffer).setUint32(8, randomInt(random, bytes.length), true);
      }
      const input = bytes;
      const decoders: (() => Result<unknown>)[] = [() => decodeFrame(input), () => decodeRolloutFile(input), () => decodeServerPayload(input)];
      for (const decode of decoders) {
        const result = decodeSafely(decode, () => hexOf(input));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).not.toBe('internal_error');
          codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
        }
      }
    }
    // The prefixed buffers must have reached the deeper checks, not only the magic.
    for (const code of ['bad_magic', 'truncated', 'oversized', 'trailing_bytes']) expect(codes.get(code) ?? 0).toBeGreaterThan(0);
  });

  it('2,000 mutations of a valid frame never throw, and whatever decodes re-encodes to the same bytes', () => {
    const random = mulberry32(42);
    const frame = sampleHopperRollout({ episodes: 1, frames: 3 }).episodes[0]!.frames[2]!;
    const valid = encodeFrame({ ...frame, streamId: 3, contacts: new Float32Array(6).fill(1) });
    let decodedCount = 0;
    for (let i = 0; i < 2_000; i++) {
      const bytes = mutate(random, valid);
      const result = decodeSafely(() => decodeFrame(bytes, { copy: true }), () => hexOf(bytes));
      if (result.ok) {
        decodedCount++;
        // The encoding is canonical: an accepted buffer is exactly the encoding of what it decoded to.
        expect(encodeFrame(result.value)).toEqual(bytes);
      } else {
        expect(result.error.code).not.toBe('internal_error');
      }
    }
    expect(decodedCount).toBeGreaterThan(0);
    expect(decodedCount).toBeLessThan(2_000);
  });

  it('1,000 mutations of a valid rollout file never throw, and accepted files re-encode to decodable files', () => {
    const random = mulberry32(7);
    const rollout = sampleHopperRollout({ episodes: 2, frames: 4 });
    const valid = encodeRolloutFile(rollout);
    for (let i = 0; i < 1_000; i++) {
      const bytes = mutate(random, valid);
      for (const allowIncomplete of [false, true]) {
        const result = decodeSafely(() => decodeRolloutFile(bytes, { allowIncomplete }), () => hexOf(bytes));
        if (!result.ok) {
          expect(result.error.code).not.toBe('internal_error');
        } else if (result.value.complete) {
          const { header, episodes } = result.value;
          const again = decodeRolloutFile(encodeRolloutFile({ header, episodes: episodes.map((e) => ({ frames: e.frames, end: e.end! })) }));
          expect(again.ok).toBe(true);
        }
      }
    }
  });
});

describe('fuzzing JSON decoders', () => {
  const clientTexts = [
    encodeClientMessage({ type: 'requestRollout', runId: 'r', checkpointStep: 1, envId: 'Hopper-v5', seed: 1, episodes: 1, deterministic: true }),
    encodeClientMessage({ type: 'subscribeLive', runId: 'r', maxFramesPerSecond: 30 }),
  ];
  const serverTexts = [
    encodeServerControlMessage(episodeStartFromHeader(sampleHopperHeader(), 1, 0)),
    encodeServerControlMessage({ type: 'metrics', runId: 'r', rows: [{ step: 1, loss: 0.5 }] }),
    encodeServerControlMessage({ type: 'runList', runs: [{ runId: 'r', envId: 'e', status: 'running', checkpoints: [1] }], rollouts: [] }),
  ];

  it('3,000 mutated and random texts never throw and never hit an internal error', () => {
    const random = mulberry32(99);
    const alphabet = '{}[]":,0123456789.-eEtruefalsnl type \\u';
    for (let i = 0; i < 3_000; i++) {
      let text: string;
      if (i % 3 === 0) {
        text = Array.from({ length: randomInt(random, 80) }, () => alphabet[randomInt(random, alphabet.length)]).join('');
      } else {
        const source = (i % 3 === 1 ? clientTexts : serverTexts)[randomInt(random, 2)]!;
        const bytes = mutate(random, new TextEncoder().encode(source));
        text = new TextDecoder().decode(bytes);
      }
      const decoders: (() => Result<unknown>)[] = [() => decodeClientMessage(text), () => decodeServerControlMessage(text), () => decodeServerPayload(text)];
      for (const decode of decoders) {
        const result = decodeSafely(decode, () => JSON.stringify(text.slice(0, 200)));
        if (!result.ok) expect(result.error.code).not.toBe('internal_error');
      }
    }
  });

  it('JSON values of every shape in every field never throw', () => {
    const random = mulberry32(1234);
    const values: unknown[] = [null, true, 0, -1, 1.5, 1e308, '', 'x', [], [1], {}, { a: 1 }, [[[]]], '__proto__'];
    const templates = [...clientTexts, ...serverTexts].map((text) => JSON.parse(text) as Record<string, unknown>);
    for (let i = 0; i < 2_000; i++) {
      const message = structuredClone(templates[randomInt(random, templates.length)]!);
      // Replace one field, possibly nested one level, with an arbitrary value.
      const keys = Object.keys(message);
      const key = keys[randomInt(random, keys.length)]!;
      const inner = message[key];
      if (inner !== null && typeof inner === 'object' && !Array.isArray(inner) && random() < 0.5) {
        const innerKeys = Object.keys(inner);
        (inner as Record<string, unknown>)[innerKeys[randomInt(random, innerKeys.length)] ?? 'x'] = values[randomInt(random, values.length)];
      } else {
        message[key] = values[randomInt(random, values.length)];
      }
      const text = JSON.stringify(message);
      const decoders: (() => Result<unknown>)[] = [() => decodeClientMessage(text), () => decodeServerControlMessage(text)];
      for (const decode of decoders) {
        const result = decodeSafely(decode, () => text.slice(0, 200));
        if (!result.ok) expect(result.error.code).not.toBe('internal_error');
      }
    }
  });
});
