// `rapier-gym plot` and `report` in-process through runCli: outputs on a small sweep folder, bad flags exit 2 naming the flag.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const root = mkdtempSync(join(tmpdir(), 'rapier-gym-plot-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A sweep folder over sac.alpha (two values × two seeds), written the way rapier-gym sweep lays it out. */
function writeSweep(dir: string, alphas: unknown[]): void {
  const trials = alphas.flatMap((alpha) => [1, 2].map((seed) => ({ id: `sac.alpha=${String(alpha)}__seed=${seed}`, overrides: { 'sac.alpha': alpha }, seed })));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'cli-sweep', description: '', base: { env: 'Pendulum-v1' }, grid: { 'sac.alpha': alphas }, list: [], seeds: [1, 2], trials }));
  trials.forEach((trial, t) => {
    const run = join(dir, 'trials', trial.id);
    mkdirSync(run, { recursive: true });
    const config = { env: 'Pendulum-v1', preset: 'cleanrl', seed: trial.seed, envOptions: { label: String(trial.overrides['sac.alpha']) }, sac: { alpha: trial.overrides['sac.alpha'] } };
    writeFileSync(join(run, 'config.json'), JSON.stringify({ runId: trial.id, envId: 'Pendulum-v1', algorithm: 'sac', status: 'finished', startedAt: '2026-01-01T00:00:00Z', config, trial: { sweep: 'cli-sweep', ...trial } }));
    const rows = [1, 2, 3].map((i) => ({ step: i * 100, evalReturnMean: -1000 + i * 100 * (t + 1), episodeReturn: -900, alpha: 0.2, entropy: -1, timeSeconds: i }));
    writeFileSync(join(run, 'metrics.jsonl'), rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
  });
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk: Buffer, _encoding, done) => (append(chunk.toString()), done()) });
  const code = await runCli(argv, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    onInterrupt: () => () => {},
    viewerDir: undefined,
  });
  return { code, stdout, stderr };
}

const sweep = join(root, 'sweep');
writeSweep(sweep, [0.1, '<script>alert(1)</script>']);

describe('rapier-gym plot', () => {
  it('writes <dir>/plots/<metric>.svg by default and prints its path', async () => {
    const r = await cli('plot', sweep);
    expect(r).toMatchObject({ code: 0, stdout: `${join(sweep, 'plots', 'eval.svg')}\n` });
    expect(readFileSync(join(sweep, 'plots', 'eval.svg'), 'utf8')).toMatch(/^<svg /);
    expect(r.stderr).toMatch(/2 group\(s\), 4 run\(s\)/);
  });

  it('--out .png and .html, --metric alpha, --smooth, --band, --group-by', async () => {
    const png = join(root, 'out', 'curves.png');
    expect((await cli('plot', sweep, '--out', png, '--smooth', '2', '--band', 'minmax')).code).toBe(0);
    expect([...readFileSync(png).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const html = join(root, 'out', 'curves.html');
    expect((await cli('plot', sweep, '--out', html, '--metric', 'alpha', '--smooth', 'ema:0.5')).code).toBe(0);
    expect(readFileSync(html, 'utf8').match(/<svg /g)).toHaveLength(2); // alpha, then entropy
    const r = await cli('plot', sweep, '--group-by', 'env', '--metric', 'entropy');
    expect(r.stdout).toBe(`${join(sweep, 'plots', 'entropy.svg')}\n`);
    expect(r.stderr).toMatch(/1 group\(s\)/);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--metric', 'nope'], /--metric: expected one of eval, train, alpha, entropy or a metrics column .* received "nope"/],
    [['--smooth', 'fast'], /--smooth: expected "none", a window of k points .* received "fast"/],
    [['--band', 'wide'], /--band must be one of std, minmax, received "wide"/],
    [['--out', 'curves.pdf'], /--out must end in .svg, .png or .html, received "curves.pdf"/],
    [['--group-by', 'sac..alpha'], /--group-by must be a dotted config field such as sac.alpha, received "sac..alpha"/],
    [['--out'], /--out <value>' argument missing/],
  ])('plot %j exits 2 naming the flag', async (flags, message) => {
    const r = await cli('plot', sweep, ...flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('no folder, or a folder without runs, exits 2; a metric nobody logged exits 1', async () => {
    expect(await cli('plot')).toMatchObject({ code: 2, stderr: expect.stringMatching(/plot: expected a sweep folder/) });
    mkdirSync(join(root, 'empty'));
    expect(await cli('plot', join(root, 'empty'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/holds no runs/) });
    expect(await cli('plot', sweep, '--metric', 'criticLoss')).toMatchObject({ code: 1, stderr: expect.stringMatching(/no run in .* logged criticLoss/) });
  });
});

describe('rapier-gym report', () => {
  it('writes <sweep>/report.html with the hostile value escaped and prints its path', async () => {
    const r = await cli('report', sweep);
    expect(r).toMatchObject({ code: 0, stdout: `${join(sweep, 'report.html')}\n` });
    const html = readFileSync(join(sweep, 'report.html'), 'utf8');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    [['--out', 'report.svg'], /--out must end in .html, received "report.svg"/],
    [['--band', 'x'], /--band must be one of std, minmax/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('report %j exits 2 naming the flag', async (flags, message) => {
    const r = await cli('report', sweep, ...flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a folder that is not a sweep, or two folders, exit 2', async () => {
    const run = join(sweep, 'trials', 'sac.alpha=0.1__seed=1');
    expect(await cli('report', run)).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not a sweep folder \(expected sweep.json/) });
    expect(await cli('report', sweep, sweep)).toMatchObject({ code: 2, stderr: expect.stringMatching(/expected one sweep folder, received 2/) });
  });

  it('--help prints the usage', async () => {
    expect((await cli('report', '--help')).stdout).toMatch(/^Usage: rapier-gym report <sweep dir>/);
    expect((await cli('plot', '-h')).stdout).toMatch(/^Usage: rapier-gym plot/);
  });
});
