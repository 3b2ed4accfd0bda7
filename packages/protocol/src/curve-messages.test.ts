// getCurves and curves: round trips, and every malformed field rejected with a code and a message naming it.
import { describe, expect, it } from 'vitest';
import { decodeClientMessage, decodeServerControlMessage, encodeClientMessage, encodeServerControlMessage } from './control-codec.js';
import type { CurveGroup, CurvesMessage, GetCurvesMessage } from './curve-messages.js';

const group: CurveGroup = { label: '0.2', runs: 3, expectedRuns: 3, steps: [1000, 2000, 3000], mean: [-1200.5, -800, -300], lower: [-1300, -900, -350.25], upper: [-1100, -700, -250], counts: [3, 3, 2] };
const curves: CurvesMessage = {
  type: 'curves',
  requestId: 'c1',
  sweep: 'alpha-pendulum',
  metric: 'evalReturnMean',
  metricTitle: 'evaluation return (deterministic)',
  band: 'minmax',
  groupFields: ['sac.alpha'],
  groups: [group, { ...group, label: 'auto', runs: 2, counts: [2, 2, 1] }],
};

describe('round trips', () => {
  it.each<GetCurvesMessage>([
    { type: 'getCurves', sweep: 's' },
    { type: 'getCurves', requestId: 'r', sweep: 'alpha-pendulum', metric: 'alpha', band: 'minmax', smoothWindow: 5 },
  ])('getCurves %j', (message) => {
    expect(decodeClientMessage(encodeClientMessage(message))).toEqual({ ok: true, value: message });
  });
  it('curves with two groups', () => {
    expect(decodeServerControlMessage(encodeServerControlMessage(curves))).toEqual({ ok: true, value: curves });
  });
});

const withGroup = (patch: Record<string, unknown>) => JSON.stringify({ ...curves, groups: [{ ...group, ...patch }] });

describe('malformed messages never throw and name the field', () => {
  it.each([
    ['getCurves without sweep', '{"type":"getCurves"}', 'missing_field', 'getCurves.sweep: required field is missing'],
    ['getCurves empty sweep', '{"type":"getCurves","sweep":""}', 'invalid_field', 'getCurves.sweep: expected a non-empty string, received the string ""'],
    ['getCurves band', '{"type":"getCurves","sweep":"s","band":"wide"}', 'invalid_field', 'getCurves.band: expected one of "std", "minmax", received the string "wide"'],
    ['getCurves smoothWindow 0', '{"type":"getCurves","sweep":"s","smoothWindow":0}', 'invalid_field', 'getCurves.smoothWindow: expected an integer in [1, 1000], received the number 0'],
    ['getCurves smoothWindow 2.5', '{"type":"getCurves","sweep":"s","smoothWindow":2.5}', 'invalid_field', /getCurves\.smoothWindow: expected an integer/],
    ['getCurves metric number', '{"type":"getCurves","sweep":"s","metric":3}', 'invalid_field', 'getCurves.metric: expected a string, received the number 3'],
    ['getCurves extra field', '{"type":"getCurves","sweep":"s","dir":"/etc"}', 'unknown_field', /getCurves: unexpected field "dir"/],
  ])('%s', (_, text, code, message) => {
    const decoded = decodeClientMessage(text);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.code).toBe(code);
    if (typeof message === 'string') expect(decoded.error.message).toBe(message);
    else expect(decoded.error.message).toMatch(message);
  });

  it.each([
    ['missing metricTitle', JSON.stringify({ ...curves, metricTitle: undefined }), 'missing_field', 'curves.metricTitle: required field is missing'],
    ['band', JSON.stringify({ ...curves, band: 'sd' }), 'invalid_field', 'curves.band: expected one of "std", "minmax", received the string "sd"'],
    ['groupFields not strings', JSON.stringify({ ...curves, groupFields: [1] }), 'invalid_field', 'curves.groupFields[0]: expected a string, received the number 1'],
    ['groups not an array', JSON.stringify({ ...curves, groups: {} }), 'invalid_field', 'curves.groups: expected an array, received an object'],
    ['group extra field', withGroup({ colour: 'red' }), 'unknown_field', /curves\.groups\[0\]: unexpected field "colour"/],
    ['mean shorter than steps', withGroup({ mean: [1, 2] }), 'length_mismatch', 'curves.groups[0].mean: expected 3 entries (one per step), received 2'],
    ['counts longer than steps', withGroup({ counts: [1, 1, 1, 1] }), 'length_mismatch', 'curves.groups[0].counts: expected 3 entries (one per step), received 4'],
    ['a null mean', withGroup({ mean: [1, null, 3] }), 'invalid_field', 'curves.groups[0].mean[1]: expected a finite number, received null'],
    ['a negative step', withGroup({ steps: [-1, 2, 3] }), 'invalid_field', /curves\.groups\[0\]\.steps\[0\]: expected an integer/],
    ['steps not ascending', withGroup({ steps: [1000, 1000, 3000] }), 'invalid_field', 'curves.groups[0].steps[1]: expected a step above 1000 (steps ascending), received the number 1000'],
    ['band upside down', withGroup({ lower: [-1000, -900, -350], upper: [-1100, -700, -250] }), 'invalid_field', 'curves.groups[0].lower[0]: expected a number at most upper[0] = -1100, received the number -1000'],
    ['count above runs', withGroup({ counts: [3, 4, 2] }), 'invalid_field', 'curves.groups[0].counts[1]: expected a count at most runs = 3, received the number 4'],
    ['count zero', withGroup({ counts: [3, 0, 2] }), 'invalid_field', /curves\.groups\[0\]\.counts\[1\]: expected an integer in \[1,/],
    ['label missing', withGroup({ label: undefined }), 'missing_field', 'curves.groups[0].label: required field is missing'],
  ])('%s', (_, text, code, message) => {
    const decoded = decodeServerControlMessage(text);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.code).toBe(code);
    if (typeof message === 'string') expect(decoded.error.message).toBe(message);
    else expect(decoded.error.message).toMatch(message);
  });

  it('encoding an invalid curves message throws naming the field (a sender bug)', () => {
    expect(() => encodeServerControlMessage({ ...curves, groups: [{ ...group, mean: [Number.NaN, 1, 2] }] })).toThrow(/curves\.groups\[0\]\.mean\[0\]: expected a finite number, received the number NaN/);
  });
});
