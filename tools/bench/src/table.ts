// Shared output for benchmarks: aligned text tables, medians and ratio formatting.

export type Cell = string | number;

/** Prints an aligned table with a title; numbers are right-aligned. */
export function printTable(title: string, header: string[], rows: Cell[][]): void {
  const text = rows.map((r) => r.map(formatCell));
  const widths = header.map((h, c) => Math.max(h.length, ...text.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[], numeric: boolean[]): string =>
    cells.map((s, c) => (numeric[c] ? s.padStart(widths[c]!) : s.padEnd(widths[c]!))).join('  ');
  const numericCols = header.map((_, c) => rows.every((r) => typeof r[c] === 'number'));
  console.log(`\n${title}`);
  console.log(line(header, numericCols));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of text) console.log(line(r, numericCols));
}

function formatCell(v: Cell): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** "1.23×" ratio text. */
export function ratio(value: number, anchor: number): string {
  return `${(value / anchor).toFixed(2)}×`;
}
