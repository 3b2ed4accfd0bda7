// The local pool on real child processes (built dist/trial-child.js): Ctrl-C checkpoints, a killed child is retried from its checkpoint, a rerun skips finished trials.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runSweep, type TrialEvent } from './local-pool.js';
import { validateSweep } from './sweep-file.js';
import { SweepStore } from './sweep-store.js';

const root = mkdtempSync(join(tmpdir(), 'local-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sweep = validateSweep(
  {
    name: 'pool',
    base: {
      env: 'Pendulum-v1',
      totalSteps: 400,
      backend: 'cpu',
      logEvery: 100,
      evalEvery: 200,
      evalEpisodes: 1,
      checkpointEvery: 100,
      sac: { actorHiddenSizes: [8, 8], criticHiddenSizes: [8, 8], batchSize: 16, learningStarts: 50, randomSteps: 50, bufferSize: 1000 },
    },
    seeds: 2,
  },
  'pool.yaml',
);
const store = join(root, 'pool');
const ids = ['seed=1', 'seed=2'];
const of = (events: TrialEvent[], type: TrialEvent['type'], id?: string) => events.filter((e) => e.type === type && (id === undefined || e.trial.id === id));

it('Ctrl-C stops at checkpoints; the next run resumes, a killed child is retried from its checkpoint; a third run skips everything', async () => {
  // 1. Interrupted: the signal aborts at the first checkpoint of any trial; nothing finishes.
  const controller = new AbortController();
  const first: TrialEvent[] = [];
  const interrupted = await runSweep(sweep, {
    workers: 2,
    store,
    signal: controller.signal,
    onTrialEvent: (event) => {
      first.push(event);
      if (event.type === 'checkpoint') controller.abort();
    },
  });
  expect(interrupted.interrupted).toBe(true);
  expect(of(first, 'finished')).toHaveLength(0);
  expect(of(first, 'stopped').map((e) => e.trial.id).sort()).toEqual(ids);
  const stoppedAt = new SweepStore(store).trial('seed=1').exists() ? Number(readFileSync(join(store, 'trials', 'seed=1', 'checkpoints', 'latest'), 'utf8')) : undefined;

  // 2. Resumed: seed=1's child is killed (SIGKILL) at its first new checkpoint; the pool launches it again from there.
  const second: TrialEvent[] = [];
  const pids = new Map<string, number>();
  let killedAt: number | undefined;
  const resumed = await runSweep(sweep, {
    workers: 2,
    store,
    onTrialEvent: (event) => {
      second.push(event);
      if (event.type === 'launched') pids.set(`${event.trial.id}#${event.attempt}`, event.pid);
      if (event.type === 'checkpoint' && event.trial.id === 'seed=1' && event.attempt === 1 && killedAt === undefined && event.step < 400) {
        killedAt = event.step;
        process.kill(pids.get('seed=1#1')!, 'SIGKILL');
      }
    },
  });
  expect(resumed).toMatchObject({ interrupted: false, failed: [] });
  if (stoppedAt !== undefined) expect(of(second, 'started', 'seed=1')[0]).toMatchObject({ attempt: 1, resumedFromStep: stoppedAt });
  expect(killedAt).toBeDefined();
  expect(of(second, 'retry', 'seed=1')).toEqual([expect.objectContaining({ attempt: 2, reason: expect.stringMatching(/exited on SIGKILL without reporting/) })]);
  const retried = of(second, 'started', 'seed=1').find((e) => e.type === 'started' && e.attempt === 2);
  expect(retried).toBeDefined();
  expect((retried as { resumedFromStep: number }).resumedFromStep).toBeGreaterThanOrEqual(killedAt!);
  expect(of(second, 'finished').map((e) => e.trial.id).sort()).toEqual(ids);
  for (const id of ids) {
    const run = new SweepStore(store).trial(id);
    expect(run.readRecord()).toMatchObject({ status: 'finished', trial: { sweep: 'pool', id, overrides: {}, seed: Number(id.slice(5)) } });
    expect(run.readMetrics().map((r) => r.step)).toEqual([100, 200, 300, 400]);
  }
  expect(resumed.summary).toMatchObject({ done: 2, total: 2, groups: [{ group: 'base', done: 2, total: 2 }] });
  expect(JSON.parse(readFileSync(join(store, 'summary.json'), 'utf8'))).toMatchObject({ name: 'pool', done: 2, total: 2 });
  expect(JSON.parse(readFileSync(join(store, 'sweep.json'), 'utf8'))).toMatchObject({ name: 'pool', seeds: [1, 2], trials: [{ id: 'seed=1', overrides: {}, seed: 1 }, { id: 'seed=2', seed: 2 }] });

  // 3. Rerun: every trial is skipped, no child starts, the metrics files are untouched.
  const before = ids.map((id) => readFileSync(join(store, 'trials', id, 'metrics.jsonl'), 'utf8'));
  const third: TrialEvent[] = [];
  await runSweep(sweep, { workers: 2, store, onTrialEvent: (event) => third.push(event) });
  expect(third.map((e) => `${e.type} ${e.trial.id}`)).toEqual(['skipped seed=1', 'skipped seed=2']);
  expect(ids.map((id) => readFileSync(join(store, 'trials', id, 'metrics.jsonl'), 'utf8'))).toEqual(before);
});

it('a store whose trials were trained with another configuration is refused before anything runs', async () => {
  const changed = validateSweep({ name: 'pool', base: { ...sweep.base, sac: { ...sweep.base.sac, batchSize: 32 } }, seeds: 2 }, 'pool.yaml');
  await expect(runSweep(changed, { workers: 1, store })).rejects.toThrow(/trial "seed=1" in .* was trained with a different sac\.batchSize than the sweep file gives/);
});
