// Small helpers that render values for error messages, so every message shows what was received.

/** A short, readable rendering of any value for an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = value as unknown as ArrayLike<number>;
    return `${value.constructor.name}(${arr.length}) [${formatList(arr)}]`;
  }
  if (Array.isArray(value)) return `Array(${value.length}) [${formatList(value)}]`;
  if (typeof value === 'object') return `${value.constructor?.name ?? 'Object'} ${safeJson(value)}`;
  return String(value);
}

function formatList(arr: ArrayLike<unknown>): string {
  const shown: string[] = [];
  for (let i = 0; i < Math.min(arr.length, 8); i++) shown.push(describeScalar(arr[i]));
  return arr.length > 8 ? `${shown.join(', ')}, …` : shown.join(', ');
}

function describeScalar(v: unknown): string {
  return typeof v === 'number' ? (Number.isNaN(v) ? 'NaN' : String(v)) : describeValue(v);
}

function safeJson(value: object): string {
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 80)}…` : s;
  } catch {
    return '{…}';
  }
}
