// Tests of the JSON control messages: round trips of every type, the handshake, and strict rejection of bad input.
import { describe, expect, it } from 'vitest';
import type { ClientMessage, ServerControlMessage } from './control-messages.js';
import {
  checkHello,
  createHello,
  decodeClientMessage,
  decodeServerControlMessage,
  encodeClientMessage,
  encodeServerControlMessage,
  rejectionReply,
} from './control-codec.js';
import { CLIENT_MESSAGE_TYPES, SERVER_CONTROL_MESSAGE_TYPES } from './control-validators.js';
import { MAX_JSON_LENGTH, MAX_METRIC_KEYS, MAX_STRING_LENGTH, MAX_VECTOR_LENGTH } from './limits.js';
import type { Result } from './result.js';
import { sampleHopperHeader, sampleHopperScene } from './sample-rollout.js';
import { episodeStartFromHeader } from './rollout-header.js';

function expectError<T>(result: Result<T>, code: string, message?: string | RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  if (typeof message === 'string') expect(result.error.message).toBe(message);
  else if (message !== undefined) expect(result.error.message).toMatch(message);
}

const clientExamples: ClientMessage[] = [
  createHello('client', 'rapier-gym-viewer 0.1.0'),
  { type: 'listRuns', requestId: 'r1' },
  { type: 'listRuns' },
  { type: 'subscribeLive', requestId: 'r2', runId: 'hopper-sac-1', maxFramesPerSecond: 30, metrics: false },
  { type: 'subscribeLive' },
  { type: 'unsubscribeLive', runId: 'hopper-sac-1' },
  { type: 'openRollout', rolloutId: 'hopper-sac-1/eval-20000', requestId: 'r3' },
  {
    type: 'requestRollout',
    requestId: 'r4',
    runId: 'hopper-sac-1',
    checkpointStep: 200_000,
    envId: 'Hopper-v5',
    seed: -3,
    episodes: 2,
    deterministic: true,
  },
  { type: 'ping', nonce: 17.5, requestId: 'p' },
  { type: 'ping' },
  { type: 'getCurves', sweep: 'alpha-pendulum' },
];

const serverExamples: ServerControlMessage[] = [
  createHello('server', 'rapier-gym-server 0.1.0'),
  {
    type: 'runList',
    requestId: 'r1',
    runs: [
      {
        runId: 'hopper-sac-1',
        envId: 'Hopper-v5',
        status: 'running',
        algorithm: 'sac',
        totalSteps: 250_000,
        startedAt: '2026-11-22T03:00:00Z',
        checkpoints: [50_000, 100_000],
      },
      { runId: 'cheetah', envId: 'HalfCheetah-v5', status: 'failed', checkpoints: [] },
    ],
    rollouts: [
      {
        rolloutId: 'hopper-sac-1/eval-20000',
        envId: 'Hopper-v5',
        runId: 'hopper-sac-1',
        checkpointStep: 20_000,
        seed: 1,
        episodes: 1,
        frames: 1000,
        meanReturn: 812.5,
        createdAt: '2026-11-22T03:10:00Z',
      },
      { rolloutId: 'dropped.rgr', envId: 'Hopper-v5', episodes: 0, frames: 0 },
    ],
  },
  episodeStartFromHeader(sampleHopperHeader(), 9, 0, { live: true, requestId: 'r4' }),
  {
    type: 'episodeStart',
    streamId: 0,
    rolloutId: 'x',
    envId: 'Pendulum-v1',
    episode: 3,
    live: false,
    scene: { name: 'Pendulum-v1', up: 'z', dt: 0.05, bodies: [], trackBody: -1 },
    observationLabels: [],
    actionLabels: ['torque'],
    infoTerms: [],
  },
  {
    type: 'episodeEnd',
    streamId: 9,
    rolloutId: 'sample-hopper',
    terminated: true,
    truncated: false,
    reason: 'unhealthy',
    episodeReturn: -12.25,
    length: 87,
  },
  {
    type: 'metrics',
    runId: 'hopper-sac-1',
    rows: [
      { step: 1000, episodeReturn: 23.5, qLoss: 0.25, actorLoss: -3, alpha: 0.2 },
      { step: 2000, episodeReturn: null, alpha: 0.19 },
    ],
  },
  { type: 'curves', sweep: 'alpha-pendulum', metric: 'evalReturnMean', metricTitle: 'evaluation return', band: 'std', groupFields: ['sac.alpha'], groups: [] },
  { type: 'pong', nonce: 17.5, requestId: 'p' },
  { type: 'pong' },
  { type: 'error', code: 'not_found', message: 'no rollout "abc"', offendingType: 'openRollout', requestId: 'r3' },
  { type: 'error', code: 'internal', message: 'checkpoint failed to load' },
];

describe('control message round trips', () => {
  it('covers every message type in both directions', () => {
    expect(new Set(clientExamples.map((m) => m.type))).toEqual(new Set(CLIENT_MESSAGE_TYPES));
    expect(new Set(serverExamples.map((m) => m.type))).toEqual(new Set(SERVER_CONTROL_MESSAGE_TYPES));
  });

  it.each(clientExamples.map((m) => [m.type, m] as const))('client %s decodes to what was encoded', (_, message) => {
    expect(decodeClientMessage(encodeClientMessage(message))).toEqual({ ok: true, value: message });
  });

  it.each(serverExamples.map((m) => [m.type, m] as const))('server %s decodes to what was encoded', (_, message) => {
    expect(decodeServerControlMessage(encodeServerControlMessage(message))).toEqual({ ok: true, value: message });
  });

  it('decoded messages carry no keys for absent optional fields', () => {
    const decoded = decodeClientMessage('{"type":"subscribeLive"}');
    expect(decoded.ok && Object.keys(decoded.value)).toEqual(['type']);
  });

  it('keeps a metrics key named __proto__ as data', () => {
    const decoded = decodeServerControlMessage('{"type":"metrics","runId":"r","rows":[{"step":1,"__proto__":null}]}');
    expect(decoded.ok).toBe(true);
    const row = decoded.ok && decoded.value.type === 'metrics' ? decoded.value.rows[0] : undefined;
    expect(row && Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(row && Object.keys(row)).toEqual(['step', '__proto__']);
  });
});

describe('hello and versions', () => {
  it('reads a hello of another version, ignoring fields a future version may add', () => {
    const future = JSON.stringify({ type: 'hello', protocol: 'rapier-gym', protocolVersion: 2, role: 'server', software: 'srv 9', codecs: ['zstd'] });
    const decoded = decodeServerControlMessage(future);
    expect(decoded).toEqual({
      ok: true,
      value: { type: 'hello', protocol: 'rapier-gym', protocolVersion: 2, role: 'server', software: 'srv 9' },
    });
  });

  it('accepts a peer hello of the same version and role', () => {
    expect(checkHello(createHello('server', 'srv'), 'server').ok).toBe(true);
  });

  it('reports a version mismatch with both versions and what to upgrade', () => {
    const newerServer = { ...createHello('server', 'rapier-gym-server 0.9.0'), protocolVersion: 2 };
    expectError(
      checkHello(newerServer, 'server'),
      'version_mismatch',
      'protocol version mismatch: the server (rapier-gym-server 0.9.0) speaks rapier-gym protocol v2, this side speaks v1; ' +
        'upgrade this client so both run the same version',
    );
    const olderClient = { ...createHello('client', 'viewer 0.0.1'), protocolVersion: 0 };
    expectError(
      checkHello(olderClient, 'client'),
      'version_mismatch',
      'protocol version mismatch: the client (viewer 0.0.1) speaks rapier-gym protocol v0, this side speaks v1; ' +
        'upgrade the client so both run the same version',
    );
  });

  it('rejects a hello from another protocol or the wrong role', () => {
    expectError(checkHello({ ...createHello('server', 's'), protocol: 'viser' }, 'server'), 'invalid_field', /hello\.protocol: expected "rapier-gym", received "viser"/);
    expectError(checkHello(createHello('client', 'c'), 'server'), 'invalid_field', 'hello.role: expected "server", received "client"');
  });

  it('rejects a hello whose frozen fields are malformed', () => {
    expectError(decodeClientMessage('{"type":"hello","protocol":"rapier-gym","protocolVersion":0,"role":"client","software":""}'), 'invalid_field', /hello\.protocolVersion: expected an integer in \[1, /);
    expectError(decodeClientMessage('{"type":"hello","protocol":"rapier-gym","protocolVersion":1,"role":"viewer","software":""}'), 'invalid_field', /hello\.role: expected one of "server", "client", received the string "viewer"/);
    expectError(decodeClientMessage('{"type":"hello","protocolVersion":1,"role":"client","software":""}'), 'missing_field', 'hello.protocol: required field is missing');
  });
});

describe('malformed control messages', () => {
  it('rejects text that is not JSON', () => {
    for (const text of ['', '{', '{"type":"ping",}', 'undefined', "{'type':'ping'}"]) {
      expectError(decodeClientMessage(text), 'bad_json', /client message: expected valid JSON, received text that does not parse/);
      expectError(decodeServerControlMessage(text), 'bad_json', /server message: expected valid JSON/);
    }
  });

  it('rejects JSON that is not an object', () => {
    expectError(decodeClientMessage('[]'), 'invalid_field', 'message: expected an object, received an array of 0');
    expectError(decodeClientMessage('null'), 'invalid_field', 'message: expected an object, received null');
    expectError(decodeClientMessage('"ping"'), 'invalid_field', 'message: expected an object, received the string "ping"');
  });

  it('rejects a missing, non-string or unknown type, and types of the other direction', () => {
    expectError(decodeClientMessage('{}'), 'missing_field', 'message.type: required field is missing');
    expectError(decodeClientMessage('{"type":3}'), 'invalid_field', 'message.type: expected a string, received the number 3');
    expectError(
      decodeClientMessage('{"type":"fly"}'),
      'unknown_type',
      'message.type: expected one of hello, listRuns, subscribeLive, unsubscribeLive, openRollout, requestRollout, ping, getCurves (client to server), received the string "fly"',
    );
    expectError(decodeClientMessage('{"type":"pong"}'), 'unknown_type');
    expectError(decodeServerControlMessage('{"type":"ping"}'), 'unknown_type', /\(server to client\), received the string "ping"/);
    expectError(decodeClientMessage('{"type":"toString"}'), 'unknown_type');
    expectError(decodeClientMessage('{"type":"__proto__"}'), 'unknown_type');
  });

  it('rejects non-string input without throwing', () => {
    expectError(decodeClientMessage(42 as unknown as string), 'invalid_input', 'client message: expected JSON text (a string), received a number');
  });

  const rollout = { type: 'requestRollout', runId: 'r', checkpointStep: 10, envId: 'Hopper-v5', seed: 1, episodes: 1, deterministic: true };
  const fieldCases: [string, Record<string, unknown>, string, string][] = [
    ['seed as a string', { ...rollout, seed: '1' }, 'invalid_field', 'requestRollout.seed: expected an integer in [-9007199254740991, 9007199254740991], received the string "1"'],
    ['fractional checkpoint', { ...rollout, checkpointStep: 1.5 }, 'invalid_field', 'requestRollout.checkpointStep: expected an integer in [0, 9007199254740991], received the number 1.5'],
    ['negative checkpoint', { ...rollout, checkpointStep: -1 }, 'invalid_field', 'requestRollout.checkpointStep: expected an integer in [0, 9007199254740991], received the number -1'],
    ['zero episodes', { ...rollout, episodes: 0 }, 'invalid_field', 'requestRollout.episodes: expected an integer in [1, 10000], received the number 0'],
    ['deterministic as a string', { ...rollout, deterministic: 'yes' }, 'invalid_field', 'requestRollout.deterministic: expected a boolean, received the string "yes"'],
    ['empty run id', { ...rollout, runId: '' }, 'invalid_field', 'requestRollout.runId: expected a non-empty string, received the string ""'],
    ['null env id', { ...rollout, envId: null }, 'invalid_field', 'requestRollout.envId: expected a string, received null'],
    ['missing env id', { ...rollout, envId: undefined }, 'missing_field', 'requestRollout.envId: required field is missing'],
    ['unknown field', { ...rollout, speed: 2 }, 'unknown_field', 'requestRollout: unexpected field "speed"; allowed fields are type, requestId, runId, checkpointStep, envId, seed, episodes, deterministic'],
    ['numeric request id', { type: 'listRuns', requestId: 5 }, 'invalid_field', 'listRuns.requestId: expected a string, received the number 5'],
    ['zero frame rate', { type: 'subscribeLive', maxFramesPerSecond: 0 }, 'invalid_field', 'subscribeLive.maxFramesPerSecond: expected a finite number in [0.001, 10000], received the number 0'],
    ['rollout id array', { type: 'openRollout', rolloutId: ['a'] }, 'invalid_field', 'openRollout.rolloutId: expected a string, received an array of 1'],
    ['ping nonce object', { type: 'ping', nonce: {} }, 'invalid_field', 'ping.nonce: expected a finite number, received an object'],
  ];

  it.each(fieldCases)('client message with %s', (_, message, code, text) => {
    expectError(decodeClientMessage(JSON.stringify(message)), code, text);
  });

  const end = { type: 'episodeEnd', streamId: 1, rolloutId: 'r', terminated: false, truncated: true, reason: 'time_limit', episodeReturn: 3, length: 1000 };
  const serverCases: [string, Record<string, unknown>, string, string | RegExp][] = [
    ['negative stream id', { ...end, streamId: -1 }, 'invalid_field', 'episodeEnd.streamId: expected an integer in [0, 4294967295], received the number -1'],
    ['stream id over uint32', { ...end, streamId: 2 ** 32 }, 'invalid_field', /episodeEnd\.streamId/],
    ['terminated as 0', { ...end, terminated: 0 }, 'invalid_field', 'episodeEnd.terminated: expected a boolean, received the number 0'],
    ['empty reason', { ...end, reason: '' }, 'invalid_field', /episodeEnd\.reason: expected a non-empty string/],
    ['run status unknown', { type: 'runList', runs: [{ runId: 'a', envId: 'e', status: 'paused', checkpoints: [] }], rollouts: [] }, 'invalid_field', 'runList.runs[0].status: expected one of "running", "finished", "stopped", "failed", received the string "paused"'],
    ['checkpoint list with a string', { type: 'runList', runs: [{ runId: 'a', envId: 'e', status: 'running', checkpoints: [1, '2'] }], rollouts: [] }, 'invalid_field', 'runList.runs[0].checkpoints[1]: expected an integer in [0, 9007199254740991], received the string "2"'],
    ['rollouts missing', { type: 'runList', runs: [] }, 'missing_field', 'runList.rollouts: required field is missing'],
    ['metrics row without step', { type: 'metrics', runId: 'r', rows: [{ loss: 1 }] }, 'missing_field', 'metrics.rows[0].step: required field is missing'],
    ['metrics value as a string', { type: 'metrics', runId: 'r', rows: [{ step: 1, loss: '1' }] }, 'invalid_field', 'metrics.rows[0].loss: expected a finite number or null, received the string "1"'],
    ['metrics step null', { type: 'metrics', runId: 'r', rows: [{ step: null }] }, 'invalid_field', /metrics\.rows\[0\]\.step: expected an integer/],
    ['metrics empty key', { type: 'metrics', runId: 'r', rows: [{ step: 1, '': 2 }] }, 'invalid_field', /metrics\.rows\[0\] key: expected a name of 1 to 1024 characters/],
    ['error without message', { type: 'error', code: 'x' }, 'missing_field', 'error.message: required field is missing'],
  ];

  it.each(serverCases)('server message with %s', (_, message, code, text) => {
    expectError(decodeServerControlMessage(JSON.stringify(message)), code, text);
  });

  it('rejects episodeStart action bounds whose length differs from the action labels', () => {
    const start = { ...episodeStartFromHeader(sampleHopperHeader(), 0, 0), actionLow: [-1, -1] };
    expectError(
      decodeServerControlMessage(JSON.stringify(start)),
      'length_mismatch',
      'episodeStart.actionLow: expected 3 numbers (one per action label), received 2',
    );
  });
});

describe('control message limits', () => {
  it('rejects text longer than MAX_JSON_LENGTH before parsing it', () => {
    const text = `{"type":"ping","requestId":"${'x'.repeat(MAX_JSON_LENGTH)}"}`;
    expectError(decodeClientMessage(text), 'oversized', `client message: expected at most ${MAX_JSON_LENGTH} characters of JSON, received ${text.length}`);
  });

  it('rejects strings longer than MAX_STRING_LENGTH', () => {
    const message = { type: 'openRollout', rolloutId: 'r'.repeat(MAX_STRING_LENGTH + 1) };
    expectError(decodeClientMessage(JSON.stringify(message)), 'oversized', `openRollout.rolloutId: expected at most ${MAX_STRING_LENGTH} characters, received ${MAX_STRING_LENGTH + 1}`);
    expect(decodeClientMessage(JSON.stringify({ ...message, rolloutId: 'r'.repeat(MAX_STRING_LENGTH) })).ok).toBe(true);
  });

  it('rejects label lists longer than MAX_VECTOR_LENGTH', () => {
    const start = { ...episodeStartFromHeader(sampleHopperHeader(), 0, 0), infoTerms: Array(MAX_VECTOR_LENGTH + 1).fill('t') };
    expectError(decodeServerControlMessage(JSON.stringify(start)), 'oversized', `episodeStart.infoTerms: expected at most ${MAX_VECTOR_LENGTH} items, received ${MAX_VECTOR_LENGTH + 1}`);
  });

  it('rejects metrics rows with more than MAX_METRIC_KEYS keys', () => {
    const row: Record<string, number> = { step: 1 };
    for (let i = 0; i < MAX_METRIC_KEYS; i++) row[`k${i}`] = i;
    expectError(
      decodeServerControlMessage(JSON.stringify({ type: 'metrics', runId: 'r', rows: [row] })),
      'oversized',
      `metrics.rows[0]: expected at most ${MAX_METRIC_KEYS} keys, received ${MAX_METRIC_KEYS + 1}`,
    );
  });
});

describe('encoding validates', () => {
  it('throws an Error naming the field instead of sending a message the peer would reject', () => {
    expect(() =>
      encodeServerControlMessage({ type: 'episodeEnd', streamId: 0, rolloutId: 'r', terminated: true, truncated: false, reason: 'x', episodeReturn: Number.NaN, length: 1 }),
    ).toThrow('invalid_field: episodeEnd.episodeReturn: expected a finite number, received the number NaN');
    expect(() => encodeServerControlMessage({ type: 'metrics', runId: 'r', rows: [{ step: 1, loss: Number.POSITIVE_INFINITY }] })).toThrow(
      /metrics\.rows\[0\]\.loss: expected a finite number or null, received the number Infinity/,
    );
    expect(() => encodeClientMessage({ type: 'openRollout', rolloutId: '' })).toThrow(/openRollout\.rolloutId: expected a non-empty string/);
    const scene = sampleHopperScene();
    const start = episodeStartFromHeader({ ...sampleHopperHeader(), scene: { ...scene, dt: 0 } }, 0, 0);
    expect(() => encodeServerControlMessage(start)).toThrow(/episodeStart\.scene\.dt: expected a finite number > 0, received the number 0/);
  });
});

describe('rejectionReply', () => {
  it('turns a decoding error into an error reply naming the offending type and request id', () => {
    const text = '{"type":"requestRollout","requestId":"r9","runId":"a"}';
    const decoded = decodeClientMessage(text);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    const reply = rejectionReply(text, decoded.error);
    expect(reply).toEqual({
      type: 'error',
      code: 'missing_field',
      message: 'requestRollout.checkpointStep: required field is missing',
      offendingType: 'requestRollout',
      requestId: 'r9',
    });
    expect(decodeServerControlMessage(encodeServerControlMessage(reply))).toEqual({ ok: true, value: reply });
  });

  it('leaves out type and request id when the text has none usable', () => {
    const error = { code: 'bad_json' as const, message: 'x' };
    expect(rejectionReply('{', error)).toEqual({ type: 'error', code: 'bad_json', message: 'x' });
    expect(rejectionReply('{"type":5,"requestId":["a"]}', error)).toEqual({ type: 'error', code: 'bad_json', message: 'x' });
    expect(rejectionReply(new Uint8Array(2), error)).toEqual({ type: 'error', code: 'bad_json', message: 'x' });
    expect(rejectionReply(`{"type":"${'t'.repeat(MAX_STRING_LENGTH + 1)}"}`, error)).toEqual({ type: 'error', code: 'bad_json', message: 'x' });
  });
});
