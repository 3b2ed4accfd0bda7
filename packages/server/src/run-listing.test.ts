// The runs listing shows run folders only: a sweep store (runs/sweeps/) or a plots folder is not a run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './index.js';
import { httpGet } from './testing/http-get.js';
import { removeTempDirs, tempDir } from './testing/temp-dirs.js';

afterAll(() => removeTempDirs());

describe('run listing', () => {
  it('lists folders with a config, metrics, checkpoints or rollouts, and skips sweeps/, plots/ and empty folders', async () => {
    const runsDir = tempDir('listing');
    mkdirSync(join(runsDir, 'sweeps', 'alpha'), { recursive: true });
    writeFileSync(join(runsDir, 'sweeps', 'alpha', 'sweep.json'), '{}');
    mkdirSync(join(runsDir, 'plots'));
    writeFileSync(join(runsDir, 'plots', 'eval.svg'), '<svg/>');
    mkdirSync(join(runsDir, 'configured'));
    writeFileSync(join(runsDir, 'configured', 'config.json'), JSON.stringify({ envId: 'Pendulum-v1', status: 'finished' }));
    mkdirSync(join(runsDir, 'metrics-only'));
    writeFileSync(join(runsDir, 'metrics-only', 'metrics.jsonl'), '{"step":100}\n');
    mkdirSync(join(runsDir, 'checkpointed', 'checkpoints', '500'), { recursive: true });
    mkdirSync(join(runsDir, 'empty'));
    const server = await startServer({ runsDir });
    try {
      const listing = JSON.parse((await httpGet(server.port, '/api/runs')).body.toString()) as { runs: { runId: string }[] };
      expect(listing.runs.map((run) => run.runId)).toEqual(['checkpointed', 'configured', 'metrics-only']);
    } finally {
      await server.close();
    }
  });
});
