// The sweep command: usage errors exit 2 naming the flag or path (in-process runCli); on the built CLI (node dist/main.js) a tiny sweep runs, prints its table, and a rerun skips it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');
const root = mkdtempSync(join(tmpdir(), 'rapier-gym-sweep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli in this process (what main.js turns into the exit code), for the quick usage-error cases. */
async function cliInProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') => {
    const s = new PassThrough();
    s.on('data', (chunk: Buffer) => (out[key] += chunk.toString()));
    return s;
  };
  const code = await runCli(args, { stdout: stream('stdout'), stderr: stream('stderr'), onInterrupt: () => () => undefined, viewerDir: undefined });
  return { code, ...out };
}

const tiny = join(root, 'tiny.yaml');
writeFileSync(
  tiny,
  [
    'name: tiny',
    'base:',
    '  env: Pendulum-v1',
    '  totalSteps: 200',
    '  backend: cpu',
    '  logEvery: 100',
    '  evalEvery: 200',
    '  evalEpisodes: 1',
    '  checkpointEvery: 100',
    '  sac: { actorHiddenSizes: [8, 8], criticHiddenSizes: [8, 8], batchSize: 16, learningStarts: 50, randomSteps: 50, bufferSize: 1000 }',
    'grid:',
    '  sac.numCritics: [1, 2]',
    'seeds: [3]',
    '',
  ].join('\n'),
);
const badValue = join(root, 'bad.yaml');
writeFileSync(badValue, 'name: bad\nbase: { env: Pendulum-v1 }\ngrid:\n  sac.numCritics: [2, 11]\nseeds: 1\n');
const badEnv = join(root, 'env.yaml');
writeFileSync(badEnv, 'name: env\nbase: { env: Nope-v0 }\nseeds: 1\n');

describe('sweep usage errors', () => {
  it.each([
    [['sweep', tiny, '--workers', '0'], /--workers must be an integer in \[1, 1024\], received "0"/],
    [['sweep', tiny, '--workers', 'two'], /--workers must be an integer in \[1, 1024\], received "two"/],
    [['sweep', tiny, '--bogus'], /sweep: Unknown option '--bogus'/],
    [['sweep', tiny, '--store'], /Option '--store <value>' argument missing/],
    [['sweep'], /sweep: expected one sweep file \(\.yaml, \.yml or \.json\), received none/],
    [['sweep', tiny, tiny], /expected one sweep file .*, received ".*tiny\.yaml", ".*tiny\.yaml"/],
    [['sweep', join(root, 'missing.yaml')], /missing\.yaml: cannot read the file/],
    [['sweep', badValue], /bad\.yaml: grid\["sac\.numCritics"\]\[1\]: sac config: numCritics must be an integer in \[1, 10\], received 11/],
    [['sweep', badEnv], /env\.yaml: trial "seed=1": .*Nope-v0/],
  ])('%j exits 2 naming the problem', async (args, message) => {
    const r = await cliInProcess(...args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('on the built CLI: a bad flag exits 2 naming it; --help and --dry-run exit 0', () => {
    expect(cli('sweep', tiny, '--workers', '0')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--workers must be an integer in \[1, 1024\], received "0"/) });
    expect(cli('sweep', '--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: rapier-gym sweep <file\.yaml\|file\.json>/) });
    const dry = cli('sweep', tiny, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.trim().split('\n').map((l) => l.split('\t')[0])).toEqual(['sac.numCritics=1__seed=3', 'sac.numCritics=2__seed=3']);
  });
});

describe('sweep runs', () => {
  it('runs the trials on two workers, prints the table and writes the store; a rerun skips both', () => {
    const store = join(root, 'store');
    const r = cli('sweep', tiny, '--workers', '2', '--store', store);
    expect(r.stderr).toMatch(/sweep tiny: 2 trials \(2 groups × 1 seeds\)/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sweep tiny: 2\/2 trials finished/);
    expect(r.stdout).toMatch(/^sac\.numCritics=1\s+-?\d+\.\d ± 0\.0\s+-?\d+\.\d ± 0\.0\s+\d+\.\d\s+1\/1$/m);
    expect(r.stdout).toMatch(/^sac\.numCritics=2\s+.*1\/1$/m);
    for (const id of ['sac.numCritics=1__seed=3', 'sac.numCritics=2__seed=3']) {
      expect(JSON.parse(readFileSync(join(store, 'trials', id, 'config.json'), 'utf8'))).toMatchObject({ status: 'finished', trial: { sweep: 'tiny', id, seed: 3 } });
    }
    expect(existsSync(join(store, 'summary.json'))).toBe(true);
    const again = cli('sweep', tiny, '--workers', '2', '--store', store);
    expect(again.code).toBe(0);
    expect(again.stderr.match(/^skip /gm)).toHaveLength(2);
    expect(again.stderr).not.toMatch(/^start /m);
  });
});
