// Live streaming while a (simulated) training runs: frames and metrics, late joiners, several identical clients.
import type { Frame, ServerPayload } from '@rapier-gym/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub, startServer, type RunningServer } from './index.js';
import { runSimulatedTraining } from './testing/simulated-training.js';
import { TestClient } from './testing/test-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function framesOf(client: TestClient, streamId: number): Frame[] {
  return client.ofType('frame').map((m) => m.frame).filter((frame) => frame.streamId === streamId);
}

describe('live stream', () => {
  it('streams every evaluation episode and metrics row of a short training run to a subscriber', async () => {
    server = await startServer();
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'subscribeLive', runId: 'run-1' });
    await client.sync();
    const published = await runSimulatedTraining(server.hub, {
      runId: 'run-1',
      stepsPerEvaluation: 100,
      evaluations: 2,
      evaluationSteps: 30,
      metricsEvery: 25,
    });
    await client.sync();

    const starts = client.ofType('episodeStart');
    expect(starts.map((s) => s.streamId)).toEqual(published.episodes.map((e) => e.streamId));
    expect(starts[0]).toMatchObject({ live: true, runId: 'run-1', envId: 'Pendulum-v1', checkpointStep: 100, actionLabels: ['torque'] });
    expect(starts[0]!.scene.bodies.map((b) => b.name)).toEqual(['world', 'pole']);
    for (const episode of published.episodes) {
      const received = framesOf(client, episode.streamId);
      expect(received.map((f) => f.step)).toEqual(episode.frames.map((f) => f.step));
      received.forEach((frame, i) => {
        const sent = episode.frames[i]!;
        expect(Array.from(frame.poses)).toEqual(Array.from(sent.poses));
        expect(frame.reward).toBe(Math.fround(sent.reward));
        expect(Array.from(frame.observation!)).toEqual(Array.from(sent.observation!));
      });
      const end = client.ofType('episodeEnd').find((e) => e.streamId === episode.streamId);
      expect(end).toMatchObject({ reason: 'time_limit', length: 30, episodeReturn: episode.episodeReturn });
    }
    // metrics: one row per 25 steps, NaN sent as null
    const rows = client.ofType('metrics').flatMap((m) => m.rows);
    expect(rows.map((r) => r.step)).toEqual(published.metricsSteps);
    expect(rows[0]).toMatchObject({ step: 25, qLoss: 1 / 25, alpha: null });
    // the order on the wire: episodeStart, its frames, episodeEnd
    const first = published.episodes[0]!.streamId;
    const kinds = client.received
      .filter((m) => (m.type === 'frame' ? m.frame.streamId === first : 'streamId' in m && m.streamId === first))
      .map((m) => m.type);
    expect(kinds[0]).toBe('episodeStart');
    expect(kinds[kinds.length - 1]).toBe('episodeEnd');
    expect(server.hub.stats()).toMatchObject({ publishedFrames: 62, openStreams: 0 });
    client.close();
  });

  it('gives a late joiner the running episode (start and last frame) and the metrics history, then the rest', async () => {
    server = await startServer();
    const hub = server.hub;
    let late: TestClient | undefined;
    const published = await runSimulatedTraining(hub, {
      runId: 'run-2',
      stepsPerEvaluation: 50,
      evaluations: 1,
      evaluationSteps: 20,
      metricsEvery: 10,
      onFrame: async (step) => {
        if (step !== 8) return;
        late = await TestClient.connect(server!.wsUrl);
        late.send({ type: 'subscribeLive' });
        await late.sync();
      },
    });
    await late!.sync();
    const episode = published.episodes[0]!;
    const start = late!.ofType('episodeStart');
    expect(start.map((s) => s.streamId)).toEqual([episode.streamId]);
    const steps = framesOf(late!, episode.streamId).map((f) => f.step);
    // the last frame before joining (step 8), then every later frame
    expect(steps).toEqual(Array.from({ length: 13 }, (_, i) => i + 8));
    expect(late!.ofType('metrics').flatMap((m) => m.rows).map((r) => r.step)).toEqual([10, 20, 30, 40, 50]);
    expect(late!.ofType('episodeEnd').length).toBe(1);
    late!.close();
  });

  it('sends several clients at once identical streams', async () => {
    server = await startServer();
    const clients = await Promise.all(Array.from({ length: 4 }, () => TestClient.connect(server!.wsUrl)));
    for (const client of clients) {
      client.send({ type: 'subscribeLive' });
      await client.sync();
    }
    await runSimulatedTraining(server.hub, { runId: 'run-3', stepsPerEvaluation: 40, evaluations: 2, evaluationSteps: 25, metricsEvery: 20 });
    for (const client of clients) await client.sync();
    const comparable = (client: TestClient): unknown[] =>
      client.received
        .filter((m) => m.type !== 'pong' && m.type !== 'hello')
        .map((m: ServerPayload) => (m.type === 'frame' ? { ...m.frame, poses: Array.from(m.frame.poses) } : m));
    const reference = comparable(clients[0]!);
    expect(reference.length).toBe(2 * (1 + 26 + 1) + 4); // per episode: start, 26 frames, end; 4 metrics rows
    for (const client of clients.slice(1)) expect(comparable(client)).toEqual(reference);
    expect(server.hub.stats().subscribers.map((s) => s.droppedFrames)).toEqual([0, 0, 0, 0]);
    for (const client of clients) client.close();
  });

  it('filters by run, honours metrics: false, unsubscribes, and throttles with maxFramesPerSecond', async () => {
    server = await startServer();
    const other = await TestClient.connect(server.wsUrl);
    other.send({ type: 'subscribeLive', runId: 'elsewhere', metrics: false });
    const throttled = await TestClient.connect(server.wsUrl);
    throttled.send({ type: 'subscribeLive', maxFramesPerSecond: 0.001, metrics: false });
    const leaver = await TestClient.connect(server.wsUrl);
    leaver.send({ type: 'subscribeLive' });
    leaver.send({ type: 'unsubscribeLive' });
    for (const client of [other, throttled, leaver]) await client.sync();
    await runSimulatedTraining(server.hub, { runId: 'run-4', stepsPerEvaluation: 20, evaluations: 1, evaluationSteps: 15, metricsEvery: 10 });
    for (const client of [other, throttled, leaver]) await client.sync();
    expect(other.received.filter((m) => m.type !== 'hello' && m.type !== 'pong')).toEqual([]);
    expect(leaver.received.filter((m) => m.type !== 'hello' && m.type !== 'pong')).toEqual([]);
    // one frame per 1000 s: the first frame, then only the final (truncated) one
    expect(throttled.ofType('frame').map((m) => m.frame.step)).toEqual([0, 15]);
    expect(throttled.ofType('metrics')).toEqual([]);
    expect(server.hub.stats().subscribers.find((s) => s.runIds === 'all')?.throttledFrames).toBe(14);
    for (const client of [other, throttled, leaver]) client.close();
  });
});

describe('LiveHub input checks', () => {
  const scene = { name: 'x', up: 'z' as const, dt: 0.05, trackBody: -1, bodies: [{ name: 'world', parent: -1, geoms: [] }] };
  const start = { rolloutId: 'r', envId: 'X-v0', episode: 0, scene, observationLabels: [], actionLabels: ['a'], infoTerms: [] };
  const frame = (streamId: number, poses = new Float32Array(7)): Frame => ({
    streamId, step: 0, time: 0, reward: 0, terminated: false, truncated: false, poses, action: new Float32Array(1), info: new Float32Array(0),
  });

  it('throws Errors naming unknown streams, frames that contradict their start, NaN poses and bad metric values', () => {
    const hub = new LiveHub();
    expect(() => hub.publishFrame(frame(77))).toThrow('LiveHub.publishFrame: stream 77 is not open');
    const id = hub.beginEpisode(start);
    expect(() => hub.publishFrame(frame(id, new Float32Array(14)))).toThrow(/poses expected 7 floats as declared at episode start, received 14/);
    expect(() => hub.publishFrame(frame(id, new Float32Array(7).fill(Number.NaN)))).toThrow(/frame.poses\[0\]: expected a finite number/);
    expect(() => hub.publishMetrics('run', { step: 1, loss: 'high' as unknown as number })).toThrow('row.loss expected a number or null, received string');
    expect(() => hub.beginEpisode({ ...start, envId: '' })).toThrow(/envId/);
    expect(() => hub.endEpisode({ streamId: 999, terminated: false, truncated: true, reason: 'x', episodeReturn: 0, length: 0 })).toThrow(/stream 999 is not open/);
    hub.endEpisode({ streamId: id, terminated: false, truncated: true, reason: 'stopped', episodeReturn: 0, length: 0 });
    expect(hub.stats().openStreams).toBe(0);
  });

  it('keeps at most metricsHistoryRows rows per run and marks a run running once it publishes', () => {
    const hub = new LiveHub({ metricsHistoryRows: 3 });
    expect(hub.runStatus('run')).toBeUndefined();
    for (let step = 1; step <= 5; step++) hub.publishMetrics('run', { step, loss: Number.POSITIVE_INFINITY });
    expect(hub.metricsHistory('run')).toEqual([{ step: 3, loss: null }, { step: 4, loss: null }, { step: 5, loss: null }]);
    expect(hub.runStatus('run')).toBe('running');
    hub.setRunStatus('run', 'finished');
    expect(hub.runStatus('run')).toBe('finished');
  });
});
