// Listing runs and replaying a recorded rollout file over the WebSocket.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleHopperRollout } from '@rapier-gym/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.js';
import { makeRunsDir, writeRolloutFile } from './testing/runs-dir.js';
import { removeTempDirs, tempDir } from './testing/temp-dirs.js';
import { TestClient } from './testing/test-client.js';

let server: RunningServer;
let runsDir: string;
let written: ReturnType<typeof makeRunsDir>;

beforeAll(async () => {
  runsDir = tempDir('runs');
  written = makeRunsDir(runsDir);
  server = await startServer({ runsDir });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

describe('recorded rollouts', () => {
  it('lists runs (with missing pieces) and their rollouts', async () => {
    const client = await TestClient.connect(server.wsUrl);
    const list = await client.request({ type: 'listRuns', requestId: 'list' }, 'runList');
    expect(list).toEqual({
      type: 'runList',
      requestId: 'list',
      runs: [
        { runId: 'bare-run', envId: 'unknown', status: 'stopped', checkpoints: [] },
        { runId: 'hopper-run', envId: 'Hopper-v5', status: 'finished', algorithm: 'sac', startedAt: '2026-11-22T03:00:00Z', totalSteps: 2000, checkpoints: [1000, 2000] },
      ],
      rollouts: [
        {
          rolloutId: 'hopper-run/eval-000100',
          envId: 'Hopper-v5',
          runId: 'hopper-run',
          checkpointStep: 100,
          seed: 0,
          episodes: 2,
          frames: 24,
          meanReturn: (written.rollout.episodes[0]!.end.episodeReturn + written.rollout.episodes[1]!.end.episodeReturn) / 2,
          createdAt: expect.any(String),
        },
      ],
    });
    client.close();
  });

  it('a run the live hub marks running is listed as running', async () => {
    server.hub.setRunStatus('bare-run', 'running');
    const client = await TestClient.connect(server.wsUrl);
    const list = await client.request({ type: 'listRuns', requestId: 'l2' }, 'runList');
    expect(list.type === 'runList' && list.runs[0]).toMatchObject({ runId: 'bare-run', status: 'running' });
    client.close();
  });

  it('replays every episode of a file: episodeStart, the recorded frames on a fresh stream id, episodeEnd', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'openRollout', requestId: 'replay', rolloutId: 'hopper-run/eval-000100' });
    await client.waitFor((m) => m.type === 'episodeEnd' && m.streamId === client.ofType('episodeStart')[1]?.streamId);
    const starts = client.ofType('episodeStart');
    expect(starts.map((s) => [s.episode, s.live, s.requestId, s.rolloutId, s.envId])).toEqual([
      [0, false, 'replay', 'hopper-run/eval-000100', 'Hopper-v5'],
      [1, false, 'replay', 'hopper-run/eval-000100', 'Hopper-v5'],
    ]);
    expect(starts[0]!.scene).toEqual(written.rollout.header.scene);
    expect(starts[0]!.streamId).not.toBe(starts[1]!.streamId);
    written.rollout.episodes.forEach((episode, index) => {
      const frames = client.ofType('frame').map((m) => m.frame).filter((f) => f.streamId === starts[index]!.streamId);
      expect(frames.length).toBe(episode.frames.length);
      frames.forEach((frame, i) => {
        const original = episode.frames[i]!;
        expect(frame.step).toBe(original.step);
        expect(frame.reward).toBe(original.reward);
        expect(Array.from(frame.poses)).toEqual(Array.from(original.poses));
        expect(Array.from(frame.action)).toEqual(Array.from(original.action));
        expect(Array.from(frame.observation!)).toEqual(Array.from(original.observation!));
      });
      const end = client.ofType('episodeEnd').find((e) => e.streamId === starts[index]!.streamId);
      expect(end).toEqual({ type: 'episodeEnd', streamId: starts[index]!.streamId, rolloutId: 'hopper-run/eval-000100', ...episode.end });
    });
    client.close();
  });

  it('streams a file whose writer has not finished, ending the cut episode as incomplete', async () => {
    const rollout = sampleHopperRollout({ episodes: 1, frames: 6 });
    const path = join(runsDir, 'hopper-run', 'rollouts', 'in-progress.rgr');
    const bytes = writeRolloutFile(path, rollout, { finish: false });
    writeFileSync(path, bytes.subarray(0, bytes.length - 20)); // the episodeEnd record is cut
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'openRollout', requestId: 'cut', rolloutId: 'hopper-run/in-progress' });
    const end = await client.waitFor((m) => m.type === 'episodeEnd');
    expect(end).toMatchObject({ reason: 'incomplete', terminated: false, truncated: true, length: 5 });
    expect(client.ofType('frame').length).toBe(6);
    client.close();
  });

  it('answers unknown, malformed and corrupt rollout ids with errors naming them', async () => {
    mkdirSync(join(runsDir, 'broken'), { recursive: true });
    mkdirSync(join(runsDir, 'broken', 'rollouts'), { recursive: true });
    writeFileSync(join(runsDir, 'broken', 'rollouts', 'junk.rgr'), 'not a rollout file at all');
    const client = await TestClient.connect(server.wsUrl);
    const missing = await client.request({ type: 'openRollout', requestId: 'a', rolloutId: 'hopper-run/nope' }, 'episodeStart');
    expect(missing).toMatchObject({ type: 'error', code: 'not_found', offendingType: 'openRollout', requestId: 'a' });
    const traversal = await client.request({ type: 'openRollout', requestId: 'b', rolloutId: '../../etc/passwd' }, 'episodeStart');
    expect(traversal).toMatchObject({ type: 'error', code: 'invalid_name', requestId: 'b' });
    const corrupt = await client.request({ type: 'openRollout', requestId: 'c', rolloutId: 'broken/junk' }, 'episodeStart');
    expect(corrupt).toMatchObject({ type: 'error', code: 'corrupt_file', requestId: 'c' });
    expect(corrupt.type === 'error' && corrupt.message).toContain('bad_magic');
    // the corrupt file is left out of the listing instead of failing it
    const list = await client.request({ type: 'listRuns', requestId: 'l' }, 'runList');
    expect(list.type === 'runList' && list.rollouts.map((r) => r.rolloutId)).not.toContain('broken/junk');
    client.close();
  });

  it('without a runs directory, lists nothing and answers openRollout with unsupported', async () => {
    const bare = await startServer();
    const client = await TestClient.connect(bare.wsUrl);
    expect(await client.request({ type: 'listRuns', requestId: 'l' }, 'runList')).toEqual({ type: 'runList', requestId: 'l', runs: [], rollouts: [] });
    expect(await client.request({ type: 'openRollout', requestId: 'o', rolloutId: 'a/b' }, 'episodeStart')).toMatchObject({ code: 'unsupported' });
    client.close();
    await bare.close();
  });
});
