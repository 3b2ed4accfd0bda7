// On-demand rollouts: the default env runner with a stub policy loader, checked against a hand-driven Pendulum-v1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { make } from '@rapier-gym/envs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnvRolloutRunner, startServer, type PolicyLoader, type RunningServer } from './index.js';
import { removeTempDirs, tempDir } from './testing/temp-dirs.js';
import { TestClient } from './testing/test-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  removeTempDirs();
});

function runsWithCheckpoint(): string {
  const runsDir = tempDir('on-demand');
  mkdirSync(join(runsDir, 'pendulum-run', 'checkpoints', '500'), { recursive: true });
  return runsDir;
}

/** A loader whose policy always answers zero torque, and that remembers what it was asked to load. */
function zeroPolicyLoader(calls: [string, number][]): PolicyLoader {
  return async (runDir, checkpointStep) => {
    calls.push([runDir, checkpointStep]);
    return { act: () => new Float32Array(1) };
  };
}

const request = { type: 'requestRollout' as const, requestId: 'demand', runId: 'pendulum-run', checkpointStep: 500, envId: 'Pendulum-v1', seed: 7, episodes: 2, deterministic: true };

describe('on-demand rollouts', () => {
  it('rolls out a checkpoint with the default runner: same states and rewards as stepping Pendulum-v1 by hand', async () => {
    const runsDir = runsWithCheckpoint();
    const calls: [string, number][] = [];
    server = await startServer({ runsDir, rolloutRunner: createEnvRolloutRunner({ loadPolicy: zeroPolicyLoader(calls) }) });
    const client = await TestClient.connect(server.wsUrl);
    client.send(request);
    const ends = async (): Promise<void> => {
      await client.waitFor((m) => m.type === 'episodeEnd');
      await client.waitFor((m) => m.type === 'episodeEnd' && m.streamId === client.ofType('episodeStart')[1]?.streamId);
    };
    await ends();
    expect(calls).toEqual([[join(runsDir, 'pendulum-run'), 500]]);

    // the reference: episode 0 reset with seed 7, episode 1 continues the random stream; zero torque throughout
    const env = make('Pendulum-v1');
    const starts = client.ofType('episodeStart');
    expect(starts.map((s) => [s.episode, s.live, s.requestId, s.runId, s.checkpointStep, s.seed, s.deterministic])).toEqual([
      [0, true, 'demand', 'pendulum-run', 500, 7, true],
      [1, true, 'demand', 'pendulum-run', 500, 7, true],
    ]);
    expect(starts[0]).toMatchObject({ envId: 'Pendulum-v1', observationLabels: ['obs[0]', 'obs[1]', 'obs[2]'], actionLabels: ['action[0]'], actionLow: [-2], actionHigh: [2], infoTerms: [] });
    for (const [episode, start] of starts.entries()) {
      const reset = env.reset(episode === 0 ? { seed: 7 } : {});
      const frames = client.ofType('frame').map((m) => m.frame).filter((f) => f.streamId === start.streamId);
      expect(frames.length).toBe(201); // the reset state, then 200 steps until the time limit
      expect(Array.from(frames[0]!.observation!)).toEqual(Array.from(reset.obs));
      expect(Array.from(frames[0]!.poses)).toEqual(Array.from(env.poses()));
      let episodeReturn = 0;
      for (let step = 1; step <= 200; step++) {
        const result = env.step(new Float32Array(1));
        episodeReturn += result.reward;
        const frame = frames[step]!;
        expect(frame.step).toBe(step);
        expect(frame.reward).toBe(Math.fround(result.reward));
        expect(Array.from(frame.poses)).toEqual(Array.from(env.poses()));
        expect(frame.truncated).toBe(step === 200);
      }
      const end = client.ofType('episodeEnd').find((e) => e.streamId === start.streamId);
      expect(end).toMatchObject({ terminated: false, truncated: true, reason: 'time_limit', length: 200 });
      expect(end!.episodeReturn).toBeCloseTo(episodeReturn, 9);
    }
    client.close();
  });

  it('answers unsupported without a runner, not_found for a missing checkpoint, and rollout_failed for a failing policy', async () => {
    const runsDir = runsWithCheckpoint();
    const plain = await startServer({ runsDir });
    const plainClient = await TestClient.connect(plain.wsUrl);
    expect(await plainClient.request(request, 'episodeStart')).toMatchObject({ type: 'error', code: 'unsupported', offendingType: 'requestRollout', requestId: 'demand' });
    plainClient.close();
    await plain.close();

    const wrongSize: PolicyLoader = async () => ({ act: () => new Float32Array(3) });
    server = await startServer({ runsDir, rolloutRunner: createEnvRolloutRunner({ loadPolicy: wrongSize }) });
    const client = await TestClient.connect(server.wsUrl);
    expect(await client.request({ ...request, requestId: 'm', checkpointStep: 999 }, 'episodeStart')).toMatchObject({ code: 'not_found', requestId: 'm' });
    expect(await client.request({ ...request, requestId: 'n', runId: '../escape' }, 'episodeStart')).toMatchObject({ code: 'invalid_name', requestId: 'n' });
    const failed = await client.request({ ...request, requestId: 'f' }, 'error');
    expect(failed).toMatchObject({ code: 'rollout_failed', requestId: 'f' });
    expect(failed.type === 'error' && failed.message).toMatch(/Pendulum-v1/);
    const unknownEnv = await client.request({ ...request, requestId: 'u', envId: 'Nope-v0' }, 'error');
    expect(unknownEnv.type === 'error' && unknownEnv.message).toContain('Unknown env id "Nope-v0"');
    client.close();
  });

  it('refuses more concurrent rollouts than maxConcurrentRollouts with busy', async () => {
    const runsDir = runsWithCheckpoint();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowLoader: PolicyLoader = async () => {
      await gate;
      return { act: () => new Float32Array(1) };
    };
    server = await startServer({ runsDir, maxConcurrentRollouts: 1, rolloutRunner: createEnvRolloutRunner({ loadPolicy: slowLoader }) });
    const client = await TestClient.connect(server.wsUrl);
    client.send({ ...request, requestId: 'first', episodes: 1 });
    await client.sync();
    expect(await client.request({ ...request, requestId: 'second' }, 'episodeStart')).toMatchObject({ code: 'busy', requestId: 'second' });
    release();
    await client.waitFor((m) => m.type === 'episodeEnd');
    client.close();
  });

  it('cuts an episode after maxEpisodeSteps with reason stopped', async () => {
    server = await startServer({ runsDir: runsWithCheckpoint(), rolloutRunner: createEnvRolloutRunner({ loadPolicy: zeroPolicyLoader([]), maxEpisodeSteps: 5 }) });
    const client = await TestClient.connect(server.wsUrl);
    client.send({ ...request, episodes: 1 });
    expect(await client.waitFor((m) => m.type === 'episodeEnd')).toMatchObject({ terminated: false, truncated: true, reason: 'stopped', length: 5 });
    const frames = client.ofType('frame').map((m) => m.frame);
    expect(frames.map((f) => [f.step, f.truncated])).toEqual([[0, false], [1, false], [2, false], [3, false], [4, false], [5, true]]);
    client.close();
  });

  it('createEnvRolloutRunner checks its options', () => {
    expect(() => createEnvRolloutRunner({ loadPolicy: undefined as unknown as PolicyLoader })).toThrow(/loadPolicy must be a function/);
    expect(() => createEnvRolloutRunner({ loadPolicy: zeroPolicyLoader([]), maxEpisodeSteps: 0 })).toThrow(/maxEpisodeSteps must be a positive integer, received 0/);
  });
});
