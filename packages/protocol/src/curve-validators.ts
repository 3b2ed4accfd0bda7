// Validators of the curve messages (getCurves, curves): every field typed, arrays parallel, steps ascending.
import type { CurveGroup, CurvesMessage, GetCurvesMessage } from './curve-messages.js';
import {
  arrayReader,
  field,
  invalid,
  literalReader,
  numberReader,
  optionalField,
  readCount,
  readFiniteNumber,
  readName,
  readObject,
  readString,
  rejectUnknownKeys,
  type JsonObject,
  type Reader,
} from './json-readers.js';
import { DecodeFailure } from './result.js';

const readBand = literalReader(['std', 'minmax'] as const);
const readPositiveCount = numberReader({ integer: true, min: 1, max: Number.MAX_SAFE_INTEGER });

/** Validates a getCurves message. */
export function readGetCurves(object: JsonObject, path: string): GetCurvesMessage {
  rejectUnknownKeys(object, path, ['type', 'requestId', 'sweep', 'metric', 'band', 'smoothWindow']);
  const message: GetCurvesMessage = { type: 'getCurves', sweep: field(object, 'sweep', path, readName) };
  const requestId = optionalField(object, 'requestId', path, readString);
  const metric = optionalField(object, 'metric', path, readName);
  const band = optionalField(object, 'band', path, readBand);
  const smoothWindow = optionalField(object, 'smoothWindow', path, numberReader({ integer: true, min: 1, max: 1000 }));
  if (requestId !== undefined) message.requestId = requestId;
  if (metric !== undefined) message.metric = metric;
  if (band !== undefined) message.band = band;
  if (smoothWindow !== undefined) message.smoothWindow = smoothWindow;
  return message;
}

const readCurveGroup: Reader<CurveGroup> = (value, path) => {
  const object = readObject(value, path);
  rejectUnknownKeys(object, path, ['label', 'runs', 'expectedRuns', 'steps', 'mean', 'lower', 'upper', 'counts']);
  const group: CurveGroup = {
    label: field(object, 'label', path, readString),
    runs: field(object, 'runs', path, readCount),
    expectedRuns: field(object, 'expectedRuns', path, readCount),
    steps: field(object, 'steps', path, arrayReader(readCount)),
    mean: field(object, 'mean', path, arrayReader(readFiniteNumber)),
    lower: field(object, 'lower', path, arrayReader(readFiniteNumber)),
    upper: field(object, 'upper', path, arrayReader(readFiniteNumber)),
    counts: field(object, 'counts', path, arrayReader(readPositiveCount)),
  };
  for (const key of ['mean', 'lower', 'upper', 'counts'] as const) {
    if (group[key].length !== group.steps.length) {
      throw new DecodeFailure('length_mismatch', `${path}.${key}: expected ${group.steps.length} entries (one per step), received ${group[key].length}`);
    }
  }
  group.steps.forEach((step, i) => {
    if (i > 0 && step <= group.steps[i - 1]!) throw invalid(`${path}.steps[${i}]`, `a step above ${group.steps[i - 1]} (steps ascending)`, step);
    if (group.lower[i]! > group.upper[i]!) throw invalid(`${path}.lower[${i}]`, `a number at most upper[${i}] = ${group.upper[i]}`, group.lower[i]);
    if (group.counts[i]! > group.runs) throw invalid(`${path}.counts[${i}]`, `a count at most runs = ${group.runs}`, group.counts[i]);
  });
  return group;
};

/** Validates a curves message. */
export function readCurves(object: JsonObject, path: string): CurvesMessage {
  rejectUnknownKeys(object, path, ['type', 'requestId', 'sweep', 'metric', 'metricTitle', 'band', 'groupFields', 'groups']);
  const message: CurvesMessage = {
    type: 'curves',
    sweep: field(object, 'sweep', path, readName),
    metric: field(object, 'metric', path, readName),
    metricTitle: field(object, 'metricTitle', path, readString),
    band: field(object, 'band', path, readBand),
    groupFields: field(object, 'groupFields', path, arrayReader(readName, 64)),
    groups: field(object, 'groups', path, arrayReader(readCurveGroup, 1000)),
  };
  const requestId = optionalField(object, 'requestId', path, readString);
  if (requestId !== undefined) message.requestId = requestId;
  return message;
}
