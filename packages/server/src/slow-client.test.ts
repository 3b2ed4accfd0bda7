// A client that never reads must not stall publishing: its queue stays bounded and its oldest live frames drop.
import type { Frame, WireScene } from '@rapier-gym/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.js';
import { TestClient } from './testing/test-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** 512 bodies: each frame is 32 + 4·(7·512 + 1) = 14,372 bytes, so a few thousand frames outgrow any socket buffer. */
const BODIES = 512;
const FRAMES = 3000;

function bigScene(): WireScene {
  return {
    name: 'Swarm',
    up: 'z',
    dt: 0.01,
    trackBody: -1,
    bodies: Array.from({ length: BODIES }, (_, i) => ({
      name: `b${i}`,
      parent: -1,
      geoms: [{ type: 'sphere' as const, size: [0.1], pos: [0, 0, 0] as [number, number, number], quat: [0, 0, 0, 1] as [number, number, number, number], rgba: [1, 0, 0, 1] as [number, number, number, number] }],
    })),
  };
}

describe('slow clients', () => {
  it('publishing thousands of frames completes while a client never reads; that client only loses live frames', async () => {
    const limits = { highWaterMarkBytes: 64 * 1024, maxQueuedFrames: 32 };
    server = await startServer({ channel: limits });
    const stalled = await TestClient.connect(server.wsUrl);
    const healthy = await TestClient.connect(server.wsUrl);
    for (const client of [stalled, healthy]) {
      client.send({ type: 'subscribeLive' });
      await client.sync();
    }
    stalled.socket.pause(); // stops reading from the TCP socket: the server's writes back up

    const hub = server.hub;
    const streamId = hub.beginEpisode({ rolloutId: 'swarm', runId: 'swarm-run', envId: 'Swarm-v0', episode: 0, scene: bigScene(), observationLabels: [], actionLabels: ['a'], infoTerms: [] });
    const poses = new Float32Array(7 * BODIES);
    let maxQueued = 0;
    for (let step = 0; step < FRAMES; step++) {
      poses[0] = step;
      const frame: Frame = { streamId, step, time: Math.fround(step * 0.01), reward: 1, terminated: false, truncated: step === FRAMES - 1, poses, action: new Float32Array(1), info: new Float32Array(0) };
      hub.publishFrame(frame);
      hub.publishMetrics('swarm-run', { step, value: step });
      if (step % 50 === 49) {
        const stalledStats = server.clients().find((c) => c.clientId === 1)!;
        maxQueued = Math.max(maxQueued, stalledStats.queuedLiveFrames);
        await new Promise((resolve) => setImmediate(resolve)); // a trainer yielding to the event loop now and then
      }
    }
    hub.endEpisode({ streamId, terminated: false, truncated: true, reason: 'time_limit', episodeReturn: FRAMES - 1, length: FRAMES - 1 });

    const stats = hub.stats();
    expect(stats.publishedFrames).toBe(FRAMES);
    const stalledStats = stats.subscribers.find((s) => s.clientId === 1)!;
    expect(stalledStats.droppedFrames).toBeGreaterThan(0);
    expect(maxQueued).toBeLessThanOrEqual(limits.maxQueuedFrames);

    // the healthy client is not held back by the stalled one: it receives the whole episode
    await healthy.waitFor((m) => m.type === 'episodeEnd');
    const healthyFrames = healthy.ofType('frame').length;
    const healthyDropped = stats.subscribers.find((s) => s.clientId === 2)!.droppedFrames;
    expect(healthyFrames + healthyDropped).toBe(FRAMES);

    // once the stalled client reads again it gets the control messages and the frames that were not dropped, in order
    stalled.socket.resume();
    await stalled.waitFor((m) => m.type === 'episodeEnd');
    const steps = stalled.ofType('frame').map((m) => m.frame.step);
    expect(steps.length + stalledStats.droppedFrames).toBe(FRAMES);
    expect(steps.every((step, i) => i === 0 || step > steps[i - 1]!)).toBe(true);
    expect(steps[steps.length - 1]).toBe(FRAMES - 1);
    // metrics are control data: every row arrives, merged into fewer messages while the client was stalled
    await stalled.sync();
    expect(stalled.ofType('metrics').flatMap((m) => m.rows).length).toBe(FRAMES);
    stalled.close();
    healthy.close();
  });

  it('disconnects a client whose undroppable backlog exceeds maxQueuedBytes, and keeps serving the rest', async () => {
    const lines: string[] = [];
    server = await startServer({ channel: { highWaterMarkBytes: 16 * 1024, maxQueuedBytes: 256 * 1024 }, log: (line) => lines.push(line) });
    const stalled = await TestClient.connect(server.wsUrl);
    const healthy = await TestClient.connect(server.wsUrl);
    for (const client of [stalled, healthy]) {
      client.send({ type: 'subscribeLive' });
      await client.sync();
    }
    stalled.socket.pause();
    const wide: Record<string, number> = {};
    for (let key = 0; key < 200; key++) wide[`metric_${key}`] = key;
    for (let step = 0; step < 4000 && server.clients().length > 1; step++) {
      server.hub.publishMetrics('wide-run', { step, ...wide });
      if (step % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(server.clients().map((c) => c.clientId)).toEqual([2]);
    expect(lines.some((line) => line.includes('client 1') && line.includes('maxQueuedBytes'))).toBe(true);
    await healthy.sync();
    stalled.close();
    healthy.close();
  });
});
