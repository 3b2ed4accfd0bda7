// Text encoding and decoding of JSON control messages, and the hello handshake with its version check.
import type { ClientMessage, ErrorMessage, HelloMessage, PeerRole, ServerControlMessage } from './control-messages.js';
import { readClientMessage, readServerControlMessage } from './control-validators.js';
import { MAX_JSON_LENGTH, MAX_STRING_LENGTH } from './limits.js';
import { catchDecodeFailure, DecodeFailure, fail, ok, unwrap, type ProtocolError, type Result } from './result.js';
import { PROTOCOL_NAME, PROTOCOL_VERSION } from './versions.js';

/** Parses JSON text within MAX_JSON_LENGTH; throws DecodeFailure. */
export function parseJsonText(text: unknown, what: string): unknown {
  if (typeof text !== 'string') {
    throw new DecodeFailure('invalid_input', `${what}: expected JSON text (a string), received a ${typeof text}`);
  }
  if (text.length > MAX_JSON_LENGTH) {
    throw new DecodeFailure('oversized', `${what}: expected at most ${MAX_JSON_LENGTH} characters of JSON, received ${text.length}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DecodeFailure('bad_json', `${what}: expected valid JSON, received text that does not parse (${reason})`);
  }
}

/** Decodes a text message a client sent to the server. */
export function decodeClientMessage(text: string): Result<ClientMessage> {
  return catchDecodeFailure(() => readClientMessage(parseJsonText(text, 'client message')));
}

/** Decodes a text (JSON) message the server sent to a client. Binary frames go to decodeFrame / decodeServerPayload. */
export function decodeServerControlMessage(text: string): Result<ServerControlMessage> {
  return catchDecodeFailure(() => readServerControlMessage(parseJsonText(text, 'server message')));
}

/**
 * Serialises a client message after validating it; throws an Error naming the bad field when the message would
 * not decode on the other side (a programming error of the sender).
 */
export function encodeClientMessage(message: ClientMessage): string {
  unwrap(catchDecodeFailure(() => readClientMessage(message)));
  return JSON.stringify(message);
}

/** Serialises a server control message after validating it; throws an Error naming the bad field. */
export function encodeServerControlMessage(message: ServerControlMessage): string {
  unwrap(catchDecodeFailure(() => readServerControlMessage(message)));
  return JSON.stringify(message);
}

/** The hello this side sends. */
export function createHello(role: PeerRole, software: string): HelloMessage {
  return { type: 'hello', protocol: PROTOCOL_NAME, protocolVersion: PROTOCOL_VERSION, role, software };
}

/**
 * Checks a peer's hello: right protocol, the role expected of the peer, and the same protocol version as this side.
 * On a version mismatch the message says both versions and which side to upgrade.
 */
export function checkHello(hello: HelloMessage, expectedPeerRole: PeerRole): Result<HelloMessage> {
  if (hello.protocol !== PROTOCOL_NAME) {
    return fail(
      'invalid_field',
      `hello.protocol: expected ${JSON.stringify(PROTOCOL_NAME)}, received ${JSON.stringify(hello.protocol)}; the peer is not a rapier-gym ${expectedPeerRole}`,
    );
  }
  if (hello.role !== expectedPeerRole) {
    return fail('invalid_field', `hello.role: expected ${JSON.stringify(expectedPeerRole)}, received ${JSON.stringify(hello.role)}`);
  }
  if (hello.protocolVersion !== PROTOCOL_VERSION) {
    const newer = hello.protocolVersion > PROTOCOL_VERSION ? `this ${expectedPeerRole === 'server' ? 'client' : 'server'}` : `the ${expectedPeerRole}`;
    return fail(
      'version_mismatch',
      `protocol version mismatch: the ${expectedPeerRole} (${hello.software || 'unnamed'}) speaks rapier-gym protocol v${hello.protocolVersion}, ` +
        `this side speaks v${PROTOCOL_VERSION}; upgrade ${newer} so both run the same version`,
    );
  }
  return ok(hello);
}

/**
 * The `error` reply a server sends for a client message it could not decode: the decoder's code and message, plus
 * the message's `type` and `requestId` when the text is a JSON object that carries them as short strings. Never throws.
 */
export function rejectionReply(text: unknown, error: ProtocolError): ErrorMessage {
  const reply: ErrorMessage = { type: 'error', code: error.code, message: error.message };
  let parsed: unknown;
  try {
    parsed = typeof text === 'string' && text.length <= MAX_JSON_LENGTH ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const object = parsed as Record<string, unknown>;
    for (const key of ['type', 'requestId'] as const) {
      const value = Object.hasOwn(object, key) ? object[key] : undefined;
      if (typeof value === 'string' && value.length <= MAX_STRING_LENGTH) {
        if (key === 'type') reply.offendingType = value;
        else reply.requestId = value;
      }
    }
  }
  return reply;
}
