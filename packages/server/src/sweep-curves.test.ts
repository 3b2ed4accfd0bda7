// getCurves over a real WebSocket: a sweep's groups with hand-computed means and bands, and every refusal named.
import { join } from 'node:path';
import type { CurvesMessage, ErrorMessage } from '@rapier-gym/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.js';
import { writeSweepDir } from './testing/sweep-dir.js';
import { removeTempDirs, tempDir } from './testing/temp-dirs.js';
import { TestClient } from './testing/test-client.js';

let server: RunningServer;
let client: TestClient;

beforeAll(async () => {
  const runsDir = join(tempDir('sweep-curves'), 'runs');
  writeSweepDir(runsDir, 'alpha-study', [
    { alpha: 0.1, seed: 1, evals: [-1000, -500] },
    { alpha: 0.1, seed: 2, evals: [-800, -300] },
    { alpha: 'auto', seed: 1, evals: [-900, null, -200] },
  ]);
  server = await startServer({ runsDir });
  client = await TestClient.connect(server.wsUrl);
});
afterAll(async () => {
  client.close();
  await server.close();
  removeTempDirs();
});

async function ask(message: Record<string, unknown>): Promise<CurvesMessage | ErrorMessage> {
  const from = client.received.length;
  client.send(JSON.stringify({ type: 'getCurves', ...message }));
  return client.waitFor((m) => (m.type === 'curves' || m.type === 'error') && m.requestId === message['requestId'], from);
}

describe('getCurves', () => {
  it('answers with one curve per group: mean and ± sample std over seeds, counts per step', async () => {
    const reply = await ask({ requestId: 'c1', sweep: 'alpha-study' });
    expect(reply.type).toBe('curves');
    if (reply.type !== 'curves') return;
    expect(reply).toMatchObject({ sweep: 'alpha-study', metric: 'evalReturnMean', band: 'std', groupFields: ['sac.alpha'] });
    const [low, auto] = reply.groups;
    // 0.1: steps 100 and 200; means −900 and −400; std √((100² + 100²) / 1) = √20000 at both
    expect(low).toMatchObject({ label: '0.1', runs: 2, expectedRuns: 2, steps: [100, 200], mean: [-900, -400], counts: [2, 2] });
    expect(low!.upper[0]! - low!.mean[0]!).toBeCloseTo(Math.sqrt(20000), 9);
    // auto: one seed, no evaluation at step 200 → that step is absent
    expect(auto).toMatchObject({ label: 'auto', runs: 1, steps: [100, 300], mean: [-900, -200], lower: [-900, -200], upper: [-900, -200], counts: [1, 1] });
    expect(client.undecodable).toEqual([]);
  });

  it('takes the metric, the band and a smoothing window', async () => {
    const reply = await ask({ requestId: 'c2', sweep: 'alpha-study', metric: 'alpha', band: 'minmax', smoothWindow: 2 });
    expect(reply).toMatchObject({ type: 'curves', metric: 'alpha', metricTitle: 'entropy coefficient α', band: 'minmax' });
    const smoothed = await ask({ requestId: 'c3', sweep: 'alpha-study', smoothWindow: 2 });
    // each 0.1 run smoothed over 2 points: (−1000, −750) and (−800, −550) → means −900, −650
    expect(smoothed.type === 'curves' && smoothed.groups[0]!.mean).toEqual([-900, -650]);
  });

  it('names an unknown sweep (listing those there), a bad metric, an unsafe name and a malformed request', async () => {
    expect(await ask({ requestId: 'e1', sweep: 'nope' })).toMatchObject({ type: 'error', code: 'not_found', offendingType: 'getCurves', message: 'no sweep "nope" in the runs folder\'s sweeps/ (sweeps there: alpha-study)' });
    expect(await ask({ requestId: 'e2', sweep: 'alpha-study', metric: 'bogus' })).toMatchObject({ type: 'error', code: 'not_found', message: expect.stringMatching(/getCurves.metric: expected one of eval, train, alpha, entropy .* received "bogus"/) });
    expect(await ask({ requestId: 'e3', sweep: '../alpha-study' })).toMatchObject({ type: 'error', code: 'invalid_name' });
    expect(await ask({ requestId: 'e4', sweep: 'alpha-study', smoothWindow: -1 })).toMatchObject({ type: 'error', code: 'invalid_field', message: expect.stringMatching(/getCurves.smoothWindow/) });
    // the connection is still usable
    await client.sync();
  });
});
