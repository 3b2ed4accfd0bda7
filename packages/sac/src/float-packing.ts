// Splits JSON-like data into a JSON document and one binary blob: every Float32Array becomes { $f32: [offset, length] }.

const MARKER = '$f32';

/** JSON text plus the little-endian float32 blob its markers point into. */
export interface PackedData {
  json: string;
  blob: Uint8Array;
}

/** Replaces every Float32Array in `value` by a marker and concatenates their bytes (offsets counted in floats). */
export function packFloats(value: unknown): PackedData {
  const arrays: Float32Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float32Array) {
      arrays.push(v);
      const marker = { [MARKER]: [offset, v.length] };
      offset += v.length;
      return marker;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) };
    return v;
  });
  const all = new Float32Array(offset);
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  return { json, blob: new Uint8Array(all.buffer, all.byteOffset, all.byteLength) };
}

/** The inverse of packFloats; a marker outside the blob throws an Error naming it. */
export function unpackFloats<T>(json: string, blob: Uint8Array, what: string): T {
  if (blob.byteLength % 4 !== 0) throw new Error(`${what}: binary data must be a whole number of float32 values, received ${blob.byteLength} bytes`);
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  const floats = new Float32Array(copy.buffer);
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const record = v as Record<string, unknown>;
      if (MARKER in record) {
        const [start, length] = record[MARKER] as [number, number];
        if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || start + length > floats.length) {
          throw new Error(`${what}: float range [${start}, ${start + length}) lies outside the ${floats.length} stored values (truncated file?)`);
        }
        return floats.slice(start, start + length);
      }
      if ('$num' in record && Object.keys(record).length === 1) return Number(record.$num);
    }
    return v;
  }) as T;
}
