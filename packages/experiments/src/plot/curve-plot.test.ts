// Plot output checked as files: valid SVG (parsed with saxes) with one line and one band per group, PNG signature
// and size, self-contained HTML (no external URLs) with the α and entropy panels, escaping of labels.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCurveSource } from '../curves/run-loading.js';
import { writeFixtureSweep } from '../testing/run-fixtures.js';
import { escapeHtml } from './html-text.js';
import { plotFormatOf, writeCurvePlot } from './curve-plot.js';

const root = mkdtempSync(join(tmpdir(), 'rapier-gym-plot-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (evals: number[], alpha: number) => evals.map((value, i) => ({ step: (i + 1) * 100, evalReturnMean: value, episodeReturn: value - 50, alpha, entropy: -1 + 0.1 * i }));
const sweepDir = join(root, 'alpha');
writeFixtureSweep(sweepDir, 'alpha', { env: 'Pendulum-v1' }, [
  { overrides: { 'sac.alpha': 0.05 }, seed: 1, rows: rows([-1200, -800, -400], 0.05) },
  { overrides: { 'sac.alpha': 0.05 }, seed: 2, rows: rows([-1100, -600, -300], 0.05) },
  { overrides: { 'sac.alpha': 0.2 }, seed: 1, rows: rows([-1000, -500, -200], 0.2) },
  { overrides: { 'sac.alpha': 0.2 }, seed: 2, rows: rows([-900, -450, -250], 0.2) },
  { overrides: { 'sac.alpha': '<auto>' }, seed: 1, rows: rows([-1300, -900, -150], 0.3) },
]);
const source = loadCurveSource(sweepDir);

interface SvgCensus {
  root: string;
  width: number;
  height: number;
  /** path elements inside <g class="mark-line role-mark …"> and <g class="mark-area role-mark …">. */
  linePaths: number;
  areaPaths: number;
  texts: string[];
}

/** Parses SVG text with a real XML parser (throws on malformed XML) and counts the series paths. */
function censusOf(svg: string): SvgCensus {
  const parser = new SaxesParser({ xmlns: false });
  const stack: string[] = [];
  const census: SvgCensus = { root: '', width: 0, height: 0, linePaths: 0, areaPaths: 0, texts: [] };
  let inText = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const cls = String(tag.attributes['class'] ?? '');
    if (stack.length === 0) {
      census.root = tag.name;
      census.width = Number(tag.attributes['width']);
      census.height = Number(tag.attributes['height']);
    }
    if (tag.name === 'path') {
      const parent = stack.at(-1) ?? '';
      if (parent.startsWith('mark-line role-mark')) census.linePaths += 1;
      if (parent.startsWith('mark-area role-mark')) census.areaPaths += 1;
    }
    inText = tag.name === 'text';
    if (!tag.isSelfClosing) stack.push(cls);
  });
  parser.on('text', (text) => {
    if (inText) census.texts.push(text);
  });
  parser.on('closetag', (tag) => {
    inText = false;
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.write(svg).close();
  return census;
}

describe('SVG', () => {
  it('is valid XML with one mean line and one band per group, the legend titled with the swept field and the metric on the axis', async () => {
    const out = join(root, 'eval.svg');
    const written = await writeCurvePlot(source, out);
    expect(written).toMatchObject({ format: 'svg', groups: 3, panels: ['evalReturnMean'] });
    const census = censusOf(readFileSync(out, 'utf8'));
    expect(census.root).toBe('svg');
    expect(census.linePaths).toBe(3);
    expect(census.areaPaths).toBe(3);
    expect(census.texts).toContain('sac.alpha');
    expect(census.texts).toContain('evaluation return (deterministic)');
    expect(census.texts).toContain('environment steps');
    // legend labels in sweep order; the "<auto>" value is escaped in the XML and reads back unchanged
    expect(census.texts.filter((t) => ['0.05', '0.2', '<auto>'].includes(t))).toEqual(['0.05', '0.2', '<auto>']);
  });

  it('--metric alpha and entropy plot those columns', async () => {
    const alpha = censusOf(readFileSync((await writeCurvePlot(source, join(root, 'alpha.svg'), { metric: 'alpha' })).path, 'utf8'));
    expect(alpha.texts).toContain('entropy coefficient α');
    expect(alpha.linePaths).toBe(3);
    const entropy = censusOf(readFileSync((await writeCurvePlot(source, join(root, 'entropy.svg'), { metric: 'entropy', groupBy: [] })).path, 'utf8'));
    expect(entropy.texts).toContain('policy entropy');
  });

  it('grouping plain runs by another field changes the number of series', async () => {
    const census = censusOf(readFileSync((await writeCurvePlot(source, join(root, 'env.svg'), { groupBy: ['env'] })).path, 'utf8'));
    expect(census.linePaths).toBe(1);
    expect(census.texts).toContain('env');
  });

  it('a metric nobody logged is an error, not an empty plot', async () => {
    await expect(writeCurvePlot(source, join(root, 'loss.svg'), { metric: 'criticLoss' })).rejects.toThrow(/no run in .* logged criticLoss yet \(5 run\(s\) read\)/);
  });
});

describe('PNG', () => {
  it('starts with the PNG signature and is twice the SVG size', async () => {
    const svg = censusOf(readFileSync(join(root, 'eval.svg'), 'utf8'));
    await writeCurvePlot(source, join(root, 'eval.png'));
    const png = readFileSync(join(root, 'eval.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(svg.width * 2);
    expect(png.readUInt32BE(20)).toBe(svg.height * 2);
  });
});

describe('HTML', () => {
  it('is self-contained: inline SVG panels for eval, α and entropy, no script, no external URL', async () => {
    const written = await writeCurvePlot(source, join(root, 'curves.html'));
    expect(written.panels).toEqual(['evalReturnMean', 'alpha', 'entropy']);
    const html = readFileSync(written.path, 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });
});

describe('helpers', () => {
  it('the output format comes from the extension', () => {
    expect(plotFormatOf('a/b.PNG')).toBe('png');
    expect(() => plotFormatOf('plot.pdf')).toThrow(/must end in .svg, .png or .html, received "plot.pdf"/);
  });
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
