// One entry point for everything a client receives: JSON text becomes a control message, binary becomes a frame.
import { decodeServerControlMessage } from './control-codec.js';
import type { ServerControlMessage } from './control-messages.js';
import { decodeFrame, type DecodeFrameOptions } from './frame-codec.js';
import type { Frame } from './frame.js';
import { fail, type Result } from './result.js';

/** A binary frame, tagged so it can share a switch on `type` with control messages. */
export interface FrameMessage {
  type: 'frame';
  frame: Frame;
}

export type ServerPayload = ServerControlMessage | FrameMessage;

/**
 * Decodes one WebSocket message from the server: a string is a JSON control message, a Uint8Array or ArrayBuffer is
 * a binary frame. Never throws.
 */
export function decodeServerPayload(data: unknown, options: DecodeFrameOptions = {}): Result<ServerPayload> {
  if (typeof data === 'string') return decodeServerControlMessage(data);
  if (data instanceof Uint8Array || data instanceof ArrayBuffer) {
    const frame = decodeFrame(data, options);
    return frame.ok ? { ok: true, value: { type: 'frame', frame: frame.value } } : frame;
  }
  const received = data === null ? 'null' : typeof data === 'object' ? `an object (${data.constructor?.name ?? 'no prototype'})` : `a ${typeof data}`;
  const hint = typeof Blob !== 'undefined' && data instanceof Blob ? "; set the WebSocket's binaryType to 'arraybuffer'" : '';
  return fail('invalid_input', `server payload: expected a string, Uint8Array or ArrayBuffer, received ${received}${hint}`);
}
