// The built CLI (node dist/main.js): help, usage errors with exit code 2, a short training run, eval --json/--record, Ctrl-C + --resume.
import { decodeRolloutFile } from '@rapier-gym/protocol';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');
const root = mkdtempSync(join(tmpdir(), 'rapier-gym-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const small = ['--backend', 'cpu', '--learning-starts', '50', '--batch-size', '16', '--set', 'sac.actorHiddenSizes=[8,8]', '--set', 'sac.criticHiddenSizes=[8,8]', '--set', 'logEvery=100', '--set', 'evalEpisodes=1'];

describe('help and usage errors', () => {
  it.each([[[]], [['train']], [['eval']], [['serve']]])('--help after %j exits 0 with usage text', (prefix) => {
    const r = cli(...prefix, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: rapier-gym/);
  });

  it.each([
    [['train', '--env', 'Pendulum-v1', '--bogus'], /Unknown option '--bogus'/],
    [['train', '--env', 'Pendulum-v1', '--steps', '12x'], /--steps must be an integer in \[1, ∞\], received "12x"/],
    [['train', '--env', 'Pendulum-v1', '--backend', 'gpu'], /--backend must be one of auto, tensorflow, wasm, cpu, received "gpu"/],
    [['train', '--env', 'Pendulum-v1', '--preset', 'nope'], /--preset must be one of .*received "nope"/],
    [['train', '--env', 'Pendulum-v1', '--set', 'nope=1'], /unknown key "nope"/],
    [['train', '--env', 'Pendulum-v1', '--set', 'tau=2'], /tau must be a finite number in \(0, 1\], received 2/],
    [['train', '--steps', '10'], /--env <id> is required/],
    [['train', '--env', 'Nope-v0'], /Nope-v0/],
    [['train', '--env', 'Pendulum-v1', '--set', 'envOptions.gravity=3'], /gravity/],
    [['eval', '--run'], /Option '--run <value>' argument missing/],
    [['eval', '--run', '/nonexistent/run'], /config.json does not exist/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j exits 2 naming the problem', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a config file with an unknown field or bad JSON exits 2 naming it', () => {
    const bad = join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ env: 'Pendulum-v1', learningRate: 1 }));
    expect(cli('train', '--config', bad)).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown field "learningRate"/) });
    writeFileSync(bad, '{ not json');
    expect(cli('train', '--config', bad)).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not valid JSON/) });
  });
});

describe('train and eval', () => {
  const run = join(root, 'runs', 'pendulum');
  it('trains into a documented run folder', () => {
    const r = cli('train', '--env', 'Pendulum-v1', '--steps', '200', '--seed', '4', '--out', run, ...small);
    expect(r.stderr).toMatch(/finished 200 steps/);
    expect(r.code).toBe(0);
    expect(readdirSync(run).sort()).toEqual(['checkpoints', 'config.json', 'metrics.csv', 'metrics.jsonl', 'policy', 'rollouts']);
    expect(readFileSync(join(run, 'checkpoints', 'latest'), 'utf8').trim()).toBe('200');
    expect(readdirSync(join(run, 'policy')).sort()).toEqual(['model.json', 'policy.json', 'weights.bin']);
    const record = JSON.parse(readFileSync(join(run, 'config.json'), 'utf8'));
    expect(record).toMatchObject({ envId: 'Pendulum-v1', status: 'finished', config: { totalSteps: 200, seed: 4, sac: { batchSize: 16, learningStarts: 50 } } });
    const rows = readFileSync(join(run, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((row: { step: number }) => row.step)).toEqual([100, 200]);
    expect(readFileSync(join(run, 'metrics.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
    // One evaluation episode at the end (Pendulum: 200 steps, so 201 frames with the reset frame).
    const files = readdirSync(join(run, 'rollouts'));
    expect(files).toEqual(['eval-200-det-s1000004.rgr']);
    const decoded = decodeRolloutFile(new Uint8Array(readFileSync(join(run, 'rollouts', files[0]!))));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.value.header).toMatchObject({ envId: 'Pendulum-v1', checkpointStep: 200, seed: 1000004, deterministic: true });
      expect(decoded.value.episodes[0]!.frames).toHaveLength(201);
    }
  });

  it('eval --json prints one JSON object; the same seed gives the same returns; --record writes rollouts', () => {
    const a = cli('eval', '--run', run, '--episodes', '2', '--seed', '5', '--json');
    expect(a.code).toBe(0);
    const summary = JSON.parse(a.stdout);
    expect(summary).toMatchObject({ env: 'Pendulum-v1', episodes: 2, checkpoint_step: 200, deterministic: true, seed: 5 });
    const mean = (summary.returns[0] + summary.returns[1]) / 2;
    expect(summary.return_mean).toBeCloseTo(mean, 9);
    expect(summary.return_std).toBeCloseTo(Math.abs(summary.returns[0] - summary.returns[1]) / 2, 9);
    expect(JSON.parse(cli('eval', '--run', run, '--episodes', '2', '--seed', '5', '--json').stdout).returns).toEqual(summary.returns);
    const s = cli('eval', '--run', run, '--episodes', '1', '--seed', '5', '--stochastic', '--record');
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/stochastic, seed 5\): return/);
    expect(existsSync(join(run, 'rollouts', 'eval-200-sto-s5.rgr'))).toBe(true);
  });

  it('Ctrl-C saves a checkpoint and exits 130; --resume continues to the requested steps', async () => {
    const out = join(root, 'runs', 'interrupted');
    const child = spawn(process.execPath, [main, 'train', '--env', 'Pendulum-v1', '--steps', '100000', '--out', out, ...small], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/^100\/100000/m.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(stderr).toMatch(/resume with: rapier-gym train --resume --out/);
    expect(code).toBe(130);
    const step = Number(readFileSync(join(out, 'checkpoints', 'latest'), 'utf8'));
    expect(step).toBeGreaterThanOrEqual(100);
    expect(JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')).status).toBe('stopped');
    const resumed = cli('train', '--resume', '--out', out, '--steps', String(step + 100));
    expect(resumed.stderr).toMatch(new RegExp(`resumed at step ${step}`));
    expect(resumed.code).toBe(0);
    expect(cli('train', '--resume', '--out', out, '--seed', '3')).toMatchObject({ code: 2, stderr: expect.stringMatching(/only --steps and --backend may change, received --seed/) });
  });

  it('train --view serves the runs folder while training and lists the live run', async () => {
    const out = join(root, 'viewed', 'run1');
    const child = spawn(process.execPath, [main, 'train', '--env', 'Pendulum-v1', '--steps', '100000', '--out', out, '--view', '--port', '0', ...small], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const url = await new Promise<string>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /viewer: (http:\/\/\S+)/.exec(stderr);
        if (match && /^100\/100000/m.test(stderr)) resolve(match[1]!);
      });
    });
    const listing = (await (await fetch(new URL('api/runs', url))).json()) as { runs: { runId: string; envId: string; status: string }[] };
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(listing.runs).toContainEqual(expect.objectContaining({ runId: 'run1', envId: 'Pendulum-v1', status: 'running' }));
  });

  it('serve lists the runs folder over HTTP and stops on Ctrl-C with code 0', async () => {
    const child = spawn(process.execPath, [main, 'serve', '--runs', join(root, 'runs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    let stdout = '';
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /viewer: (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
    });
    const listing = (await (await fetch(new URL('api/runs', url))).json()) as { runs: { runId: string; envId: string; status: string; checkpoints: number[] }[] };
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(listing.runs).toContainEqual(expect.objectContaining({ runId: 'pendulum', envId: 'Pendulum-v1', status: 'finished', checkpoints: [200] }));
  });
});
