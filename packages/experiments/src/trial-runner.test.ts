// The trial runner: an interrupted run resumes from its checkpoint and ends exactly as an uninterrupted one; a finished run is skipped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTrainConfig, type MetricsRow } from '@rapier-gym/sac';
import { afterAll, expect, it } from 'vitest';
import { RunDirectory } from './run-directory.js';
import { trainIntoRunDirectory } from './trial-runner.js';

const root = mkdtempSync(join(tmpdir(), 'trial-runner-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = resolveTrainConfig({
  env: 'Pendulum-v1',
  totalSteps: 300,
  seed: 3,
  backend: 'cpu',
  logEvery: 100,
  evalEvery: 100,
  evalEpisodes: 1,
  checkpointEvery: 0,
  sac: { actorHiddenSizes: [8, 8], criticHiddenSizes: [8, 8], batchSize: 16, learningStarts: 50, randomSteps: 50, bufferSize: 1000 },
});
const trial = { sweep: 't', id: 'seed=3', overrides: {}, seed: 3 };
/** The reproducible part of a row (speeds and times differ between runs). */
const reproducible = (rows: MetricsRow[]) => rows.map(({ sps: _s, updateMs: _u, timeSeconds: _t, ...rest }) => rest);

it('an interrupted trial resumes from its checkpoint: same rows as an uninterrupted run, then a rerun skips it', async () => {
  const whole = new RunDirectory(join(root, 'whole'));
  expect(await trainIntoRunDirectory(whole, config, { trial })).toMatchObject({ status: 'finished', step: 300, resumedFromStep: undefined });

  const parts = new RunDirectory(join(root, 'parts'));
  const controller = new AbortController();
  const first = await trainIntoRunDirectory(parts, config, {
    trial,
    signal: controller.signal,
    onMetrics: (row) => {
      if (row.step === 200) controller.abort();
    },
  });
  // Aborted after the row at step 200: the trainer saves a checkpoint there and the record says stopped.
  expect(first).toMatchObject({ status: 'stopped', step: 200, lastCheckpoint: { step: 200, reason: 'abort' } });
  expect(parts.readRecord()).toMatchObject({ status: 'stopped', trial });
  expect(parts.readMetrics().map((r) => r.step)).toEqual([100, 200]);

  const second = await trainIntoRunDirectory(parts, config, { trial });
  expect(second).toMatchObject({ status: 'finished', step: 300, resumedFromStep: 200 });
  expect(reproducible(parts.readMetrics())).toEqual(reproducible(whole.readMetrics()));
  expect(second.lastEval!.returnMean).toBe(whole.readMetrics().at(-1)!.evalReturnMean);
  const record = parts.readRecord();
  expect(record).toMatchObject({ runId: 'parts', envId: 'Pendulum-v1', status: 'finished', trial });
  expect(record.wallSeconds).toBeGreaterThan(0);

  const metricsBefore = readFileSync(join(parts.dir, 'metrics.jsonl'), 'utf8');
  expect(await trainIntoRunDirectory(parts, config, { trial })).toMatchObject({ status: 'skipped', step: 300 });
  expect(readFileSync(join(parts.dir, 'metrics.jsonl'), 'utf8')).toBe(metricsBefore);
});
