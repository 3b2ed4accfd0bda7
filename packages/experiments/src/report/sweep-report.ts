// The one-page HTML report of a sweep: base config, learning curves (inline SVG), summary table and every trial's config.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { curvesOfGrouping, hasPoints, type CurveOptions } from '../curves/grouped-curves.js';
import { groupLabelOf, groupRuns } from '../curves/run-grouping.js';
import type { CurveSource } from '../curves/run-loading.js';
import { curvesToSvg } from '../plot/curve-plot.js';
import { escapeHtml, htmlPage, inlineSvg } from '../plot/html-text.js';
import { summarizeSweep } from '../sweep-summary.js';

/** Metrics plotted in a report, in order, each when some trial logged it (the chosen --metric goes first). */
export const REPORT_METRICS: readonly string[] = ['eval', 'train', 'alpha', 'entropy'];

/** What the summary table shows: the same figures as the table rapier-gym sweep prints (summarizeSweep). */
const SUMMARY_NOTE =
  'Deterministic evaluation return per group: mean ± sample std (n − 1) over its finished trials, as rapier-gym sweep prints it; final = the last evaluation, best = the highest; (n=k) when only k of the group\'s trials have finished.';

const json = (value: unknown): string => escapeHtml(JSON.stringify(value, null, 2) ?? 'null');
/** `mean ± std`, with `(n=k)` when fewer trials than the group has went into it (one trial has no spread: std 0). */
const plusMinus = (mean: number | null, std: number | null, n: number, total: number): string =>
  mean === null ? '—' : `${mean.toFixed(1)} ± ${(std ?? 0).toFixed(1)}${n < total ? ` (n=${n})` : ''}`;

/** The report's HTML for a sweep source (every inserted text escaped; no script, no external URL). */
export async function sweepReportHtml(source: CurveSource, options: CurveOptions = {}): Promise<string> {
  if (source.kind !== 'sweep' || !source.manifest) throw new Error(`report: ${source.dir} is not a sweep folder (expected sweep.json)`);
  const manifest = source.manifest;
  const grouping = groupRuns(source, options.groupBy);
  const metrics = [...new Set([options.metric ?? 'eval', ...REPORT_METRICS])];
  const panels = metrics.map((metric) => curvesOfGrouping(source, grouping, { ...options, metric })).filter(hasPoints);
  const figures: string[] = [];
  for (const curves of panels) figures.push(`<figure>${inlineSvg(await curvesToSvg(curves))}</figure>`);
  const summary = summarizeSweep(source.dir);
  const title = `Sweep ${manifest.name}`;
  const total = manifest.trials.length;
  const started = source.runs.length;
  const finished = source.runs.filter((run) => run.record.status === 'finished').length;

  const sections = [
    `<h1>${escapeHtml(title)}</h1>`,
    manifest.description ? `<p>${escapeHtml(manifest.description)}</p>` : '',
    `<p class="note">${escapeHtml(`${total} trials (${finished} finished, ${started - finished} started and unfinished, ${total - started} not started) in ${source.dir}`)}</p>`,
    '<h2>Base configuration</h2>',
    `<pre>${json(manifest.base)}</pre>`,
    `<p>Swept: <code>${escapeHtml(JSON.stringify({ grid: manifest.grid ?? {}, list: manifest.list ?? [] }))}</code>; seeds <code>${escapeHtml(JSON.stringify(manifest.seeds ?? []))}</code></p>`,
    '<h2>Learning curves</h2>',
    figures.length > 0 ? figures.join('\n') : '<p>No trial has logged metrics yet.</p>',
    '<h2>Summary</h2>',
    '<table>',
    `<tr><th>${escapeHtml(grouping.fields.join(', ') || 'group')}</th><th>final eval return</th><th>best eval return</th><th>wall s / trial</th><th>trials done</th></tr>`,
    ...summary.groups.map((group) => {
      const label = groupLabelOf(grouping.fields.length > 0 ? grouping.fields : Object.keys(group.overrides), group.overrides);
      const cells = [
        plusMinus(group.finalEvalMean, group.finalEvalStd, group.done, group.total),
        plusMinus(group.bestEvalMean, group.bestEvalStd, group.done, group.total),
        group.wallSecondsMean === null ? '—' : group.wallSecondsMean.toFixed(1),
        `${group.done}/${group.total}`,
      ];
      return `<tr><td>${escapeHtml(label)}</td>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    }),
    '</table>',
    `<p class="note">${escapeHtml(SUMMARY_NOTE)}</p>`,
    '<h2>Trials</h2>',
    ...source.runs.map((run) => {
      const trial = run.record.trial;
      const heading = `${run.id} — ${String(run.record.status)}${trial ? `, seed ${trial.seed}` : ''}, ${run.rows.length} metrics rows${run.skippedLines > 0 ? `, ${run.skippedLines} unreadable line(s) skipped` : ''}`;
      return `<details><summary>${escapeHtml(heading)}</summary><pre>${json(run.record.config)}</pre></details>`;
    }),
    source.missingTrials.length > 0 ? `<p class="note">Not started: ${escapeHtml(source.missingTrials.join(', '))}</p>` : '',
  ];
  return htmlPage(title, sections.filter(Boolean).join('\n'));
}

/** Writes the report of a sweep source to `out` (default `<sweep dir>/report.html`); returns the path. */
export async function writeSweepReport(source: CurveSource, out?: string, options: CurveOptions = {}): Promise<string> {
  const path = resolve(out ?? `${source.dir}/report.html`);
  const html = await sweepReportHtml(source, options);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, html);
  return path;
}
