// Loading sweep and runs folders from disk, grouping them and their curves (hand-computed numbers).
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFixtureRun, writeFixtureSweep } from '../testing/run-fixtures.js';
import { groupedCurves } from './grouped-curves.js';
import { groupRuns } from './run-grouping.js';
import { loadCurveSource, loadRunFolders, parseMetricsLines } from './run-loading.js';

const root = mkdtempSync(join(tmpdir(), 'rapier-gym-curves-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (evals: (number | null)[], alpha = 0.2) => evals.map((value, i) => ({ step: (i + 1) * 100, evalReturnMean: value, episodeReturn: null, alpha, entropy: -1, timeSeconds: (i + 1) * 2 }));

const sweepDir = join(root, 'alpha-sweep');
writeFixtureSweep(sweepDir, 'alpha-sweep', { env: 'Pendulum-v1', totalSteps: 300 }, [
  { overrides: { 'sac.alpha': 0.1 }, seed: 1, rows: rows([-1000, -500, -200], 0.1), wallSeconds: 10 },
  { overrides: { 'sac.alpha': 0.1 }, seed: 2, rows: rows([-800, -300, -400], 0.1), wallSeconds: 14 },
  { overrides: { 'sac.alpha': 'auto' }, seed: 1, rows: rows([-900, null, -600]), status: 'running' },
  { overrides: { 'sac.alpha': 'auto' }, seed: 2 }, // not started
]);

describe('a sweep folder', () => {
  const source = loadCurveSource(sweepDir);

  it('loads the started trials in sweep.json order and lists the missing one', () => {
    expect(source.kind).toBe('sweep');
    expect(source.name).toBe('alpha-sweep');
    expect(source.runs.map((run) => run.id)).toEqual(['sac.alpha=0.1__seed=1', 'sac.alpha=0.1__seed=2', 'sac.alpha=auto__seed=1']);
    expect(source.missingTrials).toEqual(['sac.alpha=auto__seed=2']);
  });

  it('groups by the swept field with the values as labels', () => {
    const grouping = groupRuns(source);
    expect(grouping.fields).toEqual(['sac.alpha']);
    expect(grouping.groups.map((g) => [g.label, g.runs.length, g.expectedRuns])).toEqual([['0.1', 2, 2], ['auto', 1, 2]]);
  });

  it('averages each group over its seeds', () => {
    const curves = groupedCurves(source, { band: 'minmax' });
    expect(curves.metric.column).toBe('evalReturnMean');
    expect(curves.groupFields).toEqual(['sac.alpha']);
    const [low, auto] = curves.groups;
    expect(low!.points.map((p) => [p.step, p.mean, p.lower, p.upper])).toEqual([[100, -900, -1000, -800], [200, -400, -500, -300], [300, -300, -400, -200]]);
    // the auto trial logged no eval at step 200: that step is absent, not 0
    expect(auto!.points.map((p) => [p.step, p.n, p.mean])).toEqual([[100, 1, -900], [300, 1, -600]]);
    const alpha = groupedCurves(source, { metric: 'alpha' });
    expect(alpha.groups[0]!.points.map((p) => p.mean)).toEqual([0.1, 0.1, 0.1]);
  });
});

describe('a folder of runs', () => {
  const runsDir = join(root, 'runs');
  writeFixtureRun(join(runsDir, 'a'), { env: 'Pendulum-v1', seed: 1, sac: { alpha: 0.5 }, rows: rows([-10, -5]) });
  writeFixtureRun(join(runsDir, 'b'), { env: 'Pendulum-v1', seed: 2, sac: { alpha: 0.05 }, rows: rows([-20, -15]) });
  writeFixtureRun(join(runsDir, 'c'), { env: 'InvertedPendulum-v5', seed: 1, sac: { alpha: 0.5 }, rows: rows([1, 2]) });
  mkdirSync(join(runsDir, 'not-a-run'));

  it('groups by env and preset by default, ordered by label', () => {
    const source = loadCurveSource(runsDir);
    expect(source.kind).toBe('runs');
    const curves = groupedCurves(source);
    expect(curves.groupFields).toEqual(['env', 'preset']);
    expect(curves.groups.map((g) => [g.label, g.runIds])).toEqual([
      ['env=InvertedPendulum-v5, preset=cleanrl', ['c']],
      ['env=Pendulum-v1, preset=cleanrl', ['a', 'b']],
    ]);
    expect(curves.groups[1]!.points.map((p) => p.mean)).toEqual([-15, -10]);
  });

  it('groups by any dotted config field; numbers order as numbers', () => {
    const curves = groupedCurves(loadCurveSource(runsDir), { groupBy: ['sac.alpha'] });
    expect(curves.groups.map((g) => [g.label, g.runIds])).toEqual([['0.05', ['b']], ['0.5', ['a', 'c']]]);
    expect(() => groupedCurves(loadCurveSource(runsDir), { groupBy: ['sac..alpha'] })).toThrow(/group-by: expected a dotted config field .* received "sac..alpha"/);
  });

  it('a list of run folders is one source', () => {
    const source = loadRunFolders([join(runsDir, 'a'), join(runsDir, 'c')]);
    expect(source.runs.map((run) => run.id)).toEqual(['a', 'c']);
  });
});

describe('loading errors and damaged files', () => {
  it('skips lines that are not rows (a line cut by a crash) and counts them', () => {
    expect(parseMetricsLines('{"step":1,"x":2}\n{"step":2,"x"\n\n[1]\n{"x":3}\n')).toEqual({ rows: [{ step: 1, x: 2 }], skippedLines: 3 });
  });
  it('names the folder that is neither a sweep, a run nor a folder of runs', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect(() => loadCurveSource(empty)).toThrow(/empty holds no runs \(expected sweep.json, config.json, or sub-folders with config.json\)/);
    expect(() => loadCurveSource(join(root, 'missing'))).toThrow(/missing is not a folder/);
  });
  it('names a sweep.json without trials and a config.json that is not JSON', () => {
    const bad = join(root, 'bad-sweep');
    mkdirSync(bad);
    writeFileSync(join(bad, 'sweep.json'), '{"name":"x"}');
    expect(() => loadCurveSource(bad)).toThrow(/sweep.json has no "trials" list/);
    const badRun = join(root, 'bad-run');
    mkdirSync(badRun);
    writeFileSync(join(badRun, 'config.json'), '{ nope');
    expect(() => loadCurveSource(badRun)).toThrow(/config.json is not valid JSON/);
  });
});
