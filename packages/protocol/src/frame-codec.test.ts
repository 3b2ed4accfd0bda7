// Tests of the binary frame codec: layout, round trips, zero-copy views and every malformed-buffer case.
import { describe, expect, it } from 'vitest';
import { checkFrameMatchesDeclaration } from './frame-declaration.js';
import { decodeFrame, encodeFrame, encodeFrameInto, rewriteFrameStreamId } from './frame-codec.js';
import { FrameOffset, frameByteLength, type Frame } from './frame.js';
import { MAX_BODIES } from './limits.js';
import { sampleHopperHeader } from './sample-rollout.js';
import { decodeServerPayload } from './server-payload.js';

/** A frame whose every float is exactly representable in float32, so round trips compare with toEqual. */
function fullFrame(): Frame {
  return {
    streamId: 7,
    step: 123456,
    time: 2.5,
    reward: -1.25,
    terminated: true,
    truncated: false,
    poses: new Float32Array(2 * 7).map((_, i) => i * 0.5 - 3),
    action: new Float32Array([0.5, -0.25, 1]),
    info: new Float32Array([1, 2, 3, 4]),
    observation: new Float32Array([0.125, -8]),
    contacts: new Float32Array([0, 0.5, 0, 0, 0, 98.5]),
  };
}

function hopperFrame(withObservation: boolean): Frame {
  const frame: Frame = {
    streamId: 0,
    step: 0,
    time: 0,
    reward: 1,
    terminated: false,
    truncated: false,
    poses: new Float32Array(5 * 7),
    action: new Float32Array(3),
    info: new Float32Array(6),
  };
  if (withObservation) frame.observation = new Float32Array(11);
  return frame;
}

function expectError(result: { ok: boolean; error?: { code: string; message: string } }, code: string, message?: string | RegExp) {
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe(code);
  if (typeof message === 'string') expect(result.error?.message).toBe(message);
  else if (message !== undefined) expect(result.error?.message).toMatch(message);
}

describe('frame size', () => {
  it('a Hopper frame (5 bodies incl. world, 3 actions, 6 info terms) takes 32 + 4 * (35 + 3 + 6) = 208 bytes', () => {
    // Layout formula: 32-byte header + 4 bytes per float; 7 floats per body.
    const bytes = encodeFrame(hopperFrame(false));
    expect(bytes.length).toBe(208);
    expect(frameByteLength({ bodyCount: 5, actionLength: 3, infoLength: 6, observationLength: 0, contactCount: 0 })).toBe(208);
  });

  it('adding the 11-float Hopper observation adds 44 bytes (252)', () => {
    expect(encodeFrame(hopperFrame(true)).length).toBe(252);
  });

  it('each contact adds 6 floats = 24 bytes', () => {
    const frame = hopperFrame(false);
    frame.contacts = new Float32Array(12);
    expect(encodeFrame(frame).length).toBe(208 + 48);
  });
});

describe('frame layout', () => {
  it('writes the documented little-endian header fields at their offsets', () => {
    const bytes = encodeFrame(fullFrame());
    const view = new DataView(bytes.buffer);
    expect([...bytes.subarray(0, 4)]).toEqual([0x52, 0x47, 1, 1]);
    expect(view.getUint32(FrameOffset.streamId, true)).toBe(7);
    expect(view.getUint32(FrameOffset.step, true)).toBe(123456);
    expect(view.getFloat32(FrameOffset.time, true)).toBe(2.5);
    expect(view.getFloat32(FrameOffset.reward, true)).toBe(-1.25);
    expect(view.getUint8(FrameOffset.flags)).toBe(1);
    expect(view.getUint8(FrameOffset.reserved)).toBe(0);
    expect(view.getUint16(FrameOffset.bodyCount, true)).toBe(2);
    expect(view.getUint16(FrameOffset.actionLength, true)).toBe(3);
    expect(view.getUint16(FrameOffset.infoLength, true)).toBe(4);
    expect(view.getUint16(FrameOffset.observationLength, true)).toBe(2);
    expect(view.getUint16(FrameOffset.contactCount, true)).toBe(1);
    // Float runs follow in order poses, action, info, observation, contacts.
    expect(view.getFloat32(32, true)).toBe(-3);
    expect(view.getFloat32(32 + 4 * 14, true)).toBe(0.5);
    expect(view.getFloat32(32 + 4 * (14 + 3), true)).toBe(1);
    expect(view.getFloat32(32 + 4 * (14 + 3 + 4), true)).toBe(0.125);
    expect(view.getFloat32(bytes.length - 4, true)).toBe(98.5);
    expect(bytes.length).toBe(32 + 4 * (14 + 3 + 4 + 2 + 6));
  });

  it('sets bit 1 for truncated and both bits when both flags hold', () => {
    const frame = fullFrame();
    frame.terminated = false;
    frame.truncated = true;
    expect(encodeFrame(frame)[FrameOffset.flags]).toBe(2);
    frame.terminated = true;
    expect(encodeFrame(frame)[FrameOffset.flags]).toBe(3);
  });
});

describe('frame round trip', () => {
  it('decodes exactly what was encoded, for every flag combination', () => {
    for (const terminated of [false, true]) {
      for (const truncated of [false, true]) {
        const frame = { ...fullFrame(), terminated, truncated };
        const decoded = decodeFrame(encodeFrame(frame));
        expect(decoded).toEqual({ ok: true, value: frame });
      }
    }
  });

  it('omits observation and contacts when they are empty or absent', () => {
    const frame = hopperFrame(false);
    const decoded = decodeFrame(encodeFrame(frame));
    expect(decoded.ok && decoded.value).toEqual(frame);
    expect(decoded.ok && 'observation' in decoded.value).toBe(false);
    expect(decoded.ok && 'contacts' in decoded.value).toBe(false);
  });

  it('rounds time and reward to float32', () => {
    const frame = { ...hopperFrame(false), time: 0.1, reward: 1 / 3 };
    const decoded = decodeFrame(encodeFrame(frame));
    expect(decoded.ok && decoded.value.time).toBe(Math.fround(0.1));
    expect(decoded.ok && decoded.value.reward).toBe(Math.fround(1 / 3));
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', () => {
    const bytes = encodeFrame(fullFrame());
    expect(decodeFrame(bytes.slice().buffer)).toEqual({ ok: true, value: fullFrame() });
  });

  it('returns views into an aligned input (zero-copy) and copies when asked or when unaligned', () => {
    const bytes = encodeFrame(fullFrame());
    const viewed = decodeFrame(bytes);
    expect(viewed.ok && viewed.value.poses.buffer).toBe(bytes.buffer);
    const copied = decodeFrame(bytes, { copy: true });
    expect(copied.ok && copied.value.poses.buffer).not.toBe(bytes.buffer);
    expect(copied.ok && copied.value).toEqual(fullFrame());

    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const unaligned = decodeFrame(shifted.subarray(1));
    expect(unaligned).toEqual({ ok: true, value: fullFrame() });
    expect(unaligned.ok && unaligned.value.poses.buffer).not.toBe(shifted.buffer);
  });

  it('encodeFrameInto writes at an unaligned offset and reports the bytes written', () => {
    const target = new Uint8Array(300);
    const written = encodeFrameInto(fullFrame(), target, 3);
    expect(written).toBe(encodeFrame(fullFrame()).length);
    expect(decodeFrame(target.subarray(3, 3 + written))).toEqual({ ok: true, value: fullFrame() });
  });

  it('rewriteFrameStreamId changes only the stream id', () => {
    const bytes = encodeFrame(fullFrame());
    rewriteFrameStreamId(bytes, 42);
    expect(decodeFrame(bytes)).toEqual({ ok: true, value: { ...fullFrame(), streamId: 42 } });
    expect(() => rewriteFrameStreamId(bytes, -1)).toThrow(/streamId: expected a uint32, received -1/);
    expect(() => rewriteFrameStreamId(new Uint8Array(8), 1)).toThrow(/expected an encoded frame/);
  });
});

describe('malformed frames', () => {
  const valid = encodeFrame(fullFrame());

  function mutated(edit: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
    const bytes = valid.slice();
    edit(new DataView(bytes.buffer), bytes);
    return bytes;
  }

  it('reports every truncation, at every length from 0 to size - 1, as truncated', () => {
    for (let length = 0; length < valid.length; length++) {
      expectError(decodeFrame(valid.slice(0, length)), 'truncated');
    }
  });

  it('names the declared counts and sizes of a truncated frame', () => {
    expectError(
      decodeFrame(valid.slice(0, 40)),
      'truncated',
      /2 bodies, 3 actions, 4 info terms, 2 observations and 1 contacts \(148 bytes\), received 40 bytes/,
    );
  });

  it('rejects bytes after the declared end', () => {
    const longer = new Uint8Array(valid.length + 4);
    longer.set(valid);
    expectError(decodeFrame(longer), 'trailing_bytes', /148 bytes\), received 152 bytes/);
  });

  it('rejects a wrong magic', () => {
    expectError(decodeFrame(mutated((_, b) => (b[0] = 0))), 'bad_magic', /expected magic bytes 0x52 0x47 \("RG"\), received 0x00 0x47/);
    expectError(decodeFrame(mutated((_, b) => (b[1] = 0x48))), 'bad_magic');
  });

  it('rejects another format version', () => {
    expectError(decodeFrame(mutated((_, b) => (b[2] = 2))), 'unsupported_version', /expected binary format version 1, received version 2/);
    expectError(decodeFrame(mutated((_, b) => (b[2] = 0))), 'unsupported_version');
  });

  it('rejects other message kinds', () => {
    for (const kind of [0, 2, 3, 255]) {
      expectError(decodeFrame(mutated((_, b) => (b[3] = kind))), 'unknown_kind', new RegExp(`received kind ${kind}`));
    }
  });

  it('rejects counts over the limits before trusting them', () => {
    expectError(
      decodeFrame(mutated((v) => v.setUint16(FrameOffset.bodyCount, 0xffff, true))),
      'oversized',
      new RegExp(`bodyCount: expected at most ${MAX_BODIES} \\(MAX_BODIES\\), received 65535`),
    );
    for (const offset of [FrameOffset.actionLength, FrameOffset.infoLength, FrameOffset.observationLength, FrameOffset.contactCount]) {
      expectError(decodeFrame(mutated((v) => v.setUint16(offset, 0xffff, true))), 'oversized');
    }
  });

  it('rejects counts that disagree with the buffer size', () => {
    expectError(decodeFrame(mutated((v) => v.setUint16(FrameOffset.bodyCount, 100, true))), 'truncated');
    expectError(decodeFrame(mutated((v) => v.setUint16(FrameOffset.bodyCount, 1, true))), 'trailing_bytes');
    expectError(decodeFrame(mutated((v) => v.setUint16(FrameOffset.actionLength, 4, true))), 'truncated');
  });

  it('rejects unknown flag bits and a non-zero reserved byte', () => {
    expectError(decodeFrame(mutated((v) => v.setUint8(FrameOffset.flags, 4))), 'invalid_field', /flags: expected only bits 0/);
    expectError(decodeFrame(mutated((v) => v.setUint8(FrameOffset.reserved, 1))), 'invalid_field', /reserved: expected 0, received 1/);
  });

  it('rejects NaN and infinities in every float field, naming the field, index and value', () => {
    const cases: [string, number][] = [
      ['frame.time', FrameOffset.time],
      ['frame.reward', FrameOffset.reward],
      ['frame.poses[0]', 32],
      ['frame.poses[13]', 32 + 4 * 13],
      ['frame.action[2]', 32 + 4 * 16],
      ['frame.info[0]', 32 + 4 * 17],
      ['frame.observation[1]', 32 + 4 * 22],
      ['frame.contacts[5]', 32 + 4 * 28],
    ];
    for (const [field, offset] of cases) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        const result = decodeFrame(mutated((v) => v.setFloat32(offset, bad, true)));
        expectError(result, 'non_finite');
        expect(result.ok || result.error.message).toBe(`${field}: expected a finite number, received ${String(bad)}`);
      }
    }
  });

  it('rejects inputs that are not bytes', () => {
    for (const input of [null, undefined, 'RG', 42, {}, [0x52, 0x47]]) {
      expectError(decodeFrame(input as unknown as Uint8Array), 'invalid_input', /expected a Uint8Array or ArrayBuffer/);
    }
  });
});

describe('frame encoding errors', () => {
  it('throws an Error naming the field for frames that cannot be encoded', () => {
    expect(() => encodeFrame({ ...fullFrame(), poses: new Float32Array(8) })).toThrow(
      /frame\.poses: expected a multiple of 7 floats \(7 per body\), received 8/,
    );
    expect(() => encodeFrame({ ...fullFrame(), action: new Float32Array([0, Number.NaN]) })).toThrow(
      /frame\.action\[1\]: expected a finite number, received NaN/,
    );
    expect(() => encodeFrame({ ...fullFrame(), contacts: new Float32Array(5) })).toThrow(/frame\.contacts: expected a multiple of 6/);
    expect(() => encodeFrame({ ...fullFrame(), step: -1 })).toThrow(/frame\.step: expected a uint32, received -1/);
    expect(() => encodeFrame({ ...fullFrame(), streamId: 2 ** 32 })).toThrow(/frame\.streamId: expected a uint32/);
    expect(() => encodeFrame({ ...fullFrame(), reward: Number.POSITIVE_INFINITY })).toThrow(/frame\.reward: expected a finite float32/);
    expect(() => encodeFrame({ ...fullFrame(), time: 1e39 })).toThrow(/frame\.time: expected a finite float32, received 1e\+39/);
    expect(() => encodeFrame({ ...fullFrame(), info: [1, 2] as unknown as Float32Array })).toThrow(/frame\.info: expected a Float32Array/);
    expect(() => encodeFrame({ ...fullFrame(), poses: new Float32Array(7 * (MAX_BODIES + 1)) })).toThrow(
      /bodyCount: expected at most 4096 \(MAX_BODIES\), received 4097/,
    );
    expect(() => encodeFrameInto(fullFrame(), new Uint8Array(10), 0)).toThrow(/expected room for 148 bytes at offset 0, target holds 10/);
  });
});

describe('checkFrameMatchesDeclaration', () => {
  const declaration = sampleHopperHeader();

  it('accepts a frame with the declared sizes, with or without observation', () => {
    expect(checkFrameMatchesDeclaration(hopperFrame(true), declaration).ok).toBe(true);
    expect(checkFrameMatchesDeclaration(hopperFrame(false), declaration).ok).toBe(true);
  });

  it('names the vector whose size differs', () => {
    expectError(
      checkFrameMatchesDeclaration({ ...hopperFrame(false), poses: new Float32Array(28) }, declaration),
      'length_mismatch',
      /poses expected 35 floats as declared at episode start, received 28/,
    );
    expectError(checkFrameMatchesDeclaration({ ...hopperFrame(false), action: new Float32Array(2) }, declaration), 'length_mismatch', /action expected 3/);
    expectError(checkFrameMatchesDeclaration({ ...hopperFrame(false), info: new Float32Array(5) }, declaration), 'length_mismatch', /info expected 6/);
    expectError(
      checkFrameMatchesDeclaration({ ...hopperFrame(false), observation: new Float32Array(3) }, declaration),
      'length_mismatch',
      /observation expected 11/,
    );
  });
});

describe('decodeServerPayload', () => {
  it('decodes binary as a frame and text as a control message', () => {
    expect(decodeServerPayload(encodeFrame(fullFrame()))).toEqual({ ok: true, value: { type: 'frame', frame: fullFrame() } });
    expect(decodeServerPayload('{"type":"pong","nonce":3}')).toEqual({ ok: true, value: { type: 'pong', nonce: 3 } });
  });

  it('passes frame errors through and rejects other inputs', () => {
    expectError(decodeServerPayload(new Uint8Array(3)), 'truncated');
    expectError(decodeServerPayload(12), 'invalid_input', 'server payload: expected a string, Uint8Array or ArrayBuffer, received a number');
    expectError(decodeServerPayload(null), 'invalid_input', /received null$/);
    expectError(
      decodeServerPayload(new Blob([new Uint8Array(4)])),
      'invalid_input',
      "server payload: expected a string, Uint8Array or ArrayBuffer, received an object (Blob); set the WebSocket's binaryType to 'arraybuffer'",
    );
  });
});
