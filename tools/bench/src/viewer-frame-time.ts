// Benchmark: viewer frame time with 1, 8 and 32 Ant-shaped rollouts on screen (headless Chromium, software WebGL),
// and stream bytes per robot-second of Ant frames. Needs apps/viewer/dist (cd apps/viewer && npx vite build).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  encodeFrame,
  encodeRolloutFile,
  encodeServerControlMessage,
  episodeEndMessage,
  episodeStartFromHeader,
  type FramePayload,
  type RolloutInput,
  type WireScene,
  type WireSceneBody,
} from '@rapier-gym/protocol';
import { launchChromium, serveStatic } from '@rapier-gym/headless-chromium';
import { printTable, ratio } from './table.js';

const DIST = fileURLToPath(new URL('../../../apps/viewer/dist/', import.meta.url));
const DT = 0.05; // Ant-v5: frame_skip 5 x timestep 0.01
const Z_TO_X: [number, number, number, number] = [0, Math.SQRT1_2, 0, Math.SQRT1_2];
const TAN: [number, number, number, number] = [0.8, 0.6, 0.4, 1];
const LEG_ANGLES = [45, 135, 225, 315].map((degrees) => (degrees * Math.PI) / 180);
/** Per leg: hip link, upper leg, ankle link (Gymnasium ant.xml: 0.2*sqrt2, 0.2*sqrt2, 0.4*sqrt2 long, radius 0.08). */
const SEGMENTS = [0.2 * Math.SQRT2, 0.2 * Math.SQRT2, 0.4 * Math.SQRT2];

/** Ant-shaped scene: world, torso sphere, 4 legs of 3 capsule bodies each (14 bodies, geometry of ant.xml). */
function antScene(): WireScene {
  const bodies: WireSceneBody[] = [
    { name: 'world', parent: -1, geoms: [{ type: 'plane', size: [40, 40, 40], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [0.8, 0.9, 0.8, 1] }] },
    { name: 'torso', parent: 0, mass: 0.33, com: [0, 0, 0], geoms: [{ type: 'sphere', size: [0.25], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: TAN }] },
  ];
  LEG_ANGLES.forEach((_, leg) => {
    SEGMENTS.forEach((length, segment) => {
      bodies.push({
        name: `leg${leg}_${segment}`,
        parent: segment === 0 ? 1 : bodies.length - 1,
        mass: 0.04 * length,
        com: [length / 2, 0, 0],
        geoms: [{ type: 'capsule', size: [0.08, length / 2], pos: [length / 2, 0, 0], quat: Z_TO_X, rgba: TAN }],
      });
    });
  });
  return { name: 'Ant-v5', up: 'z', dt: DT, trackBody: 1, bodies };
}

const INFO_TERMS = ['x_position', 'y_position', 'distance_from_origin', 'x_velocity', 'y_velocity', 'reward_forward', 'reward_ctrl', 'reward_contact', 'reward_survive'];

/** A synthetic Ant rollout: the torso walks along x at 0.5 m/s; legs swing about z and bend; 4 foot contacts. */
function antRollout(id: string, frames: number, phase: number, withObservation: boolean): RolloutInput {
  const scene = antScene();
  const header = {
    rolloutId: id,
    envId: 'Ant-v5',
    seed: 0,
    scene,
    observationLabels: withObservation ? Array.from({ length: 105 }, (_, i) => `obs[${i}]`) : [],
    actionLabels: Array.from({ length: 8 }, (_, i) => `hip_or_ankle_${i}`),
    infoTerms: INFO_TERMS,
  };
  const list: FramePayload[] = [];
  for (let step = 0; step < frames; step++) {
    const time = Math.fround(step * DT);
    const torso = [0.5 * time, 0, 0.6 + 0.03 * Math.sin(8 * time + phase)];
    const poses = new Float32Array(scene.bodies.length * 7);
    poses.set([0, 0, 0, 0, 0, 0, 1], 0);
    poses.set([torso[0]!, torso[1]!, torso[2]!, 0, 0, 0, 1], 7);
    const contacts = new Float32Array(4 * 6);
    LEG_ANGLES.forEach((angle, leg) => {
      const yaw = angle + 0.3 * Math.sin(6 * time + phase + leg);
      let x = torso[0]!;
      let y = torso[1]!;
      let z = torso[2]!;
      SEGMENTS.forEach((length, segment) => {
        const pitch = segment === 2 ? 0.9 : 0; // the ankle link points down
        const half = pitch / 2;
        const quat = [-Math.sin(yaw / 2) * Math.sin(half), Math.cos(yaw / 2) * Math.sin(half), Math.sin(yaw / 2) * Math.cos(half), Math.cos(yaw / 2) * Math.cos(half)];
        poses.set([x, y, z, ...quat], (2 + leg * 3 + segment) * 7);
        x += Math.cos(yaw) * Math.cos(pitch) * length;
        y += Math.sin(yaw) * Math.cos(pitch) * length;
        z -= Math.sin(pitch) * length;
      });
      contacts.set([x, y, 0, 0, 0, 20 + 10 * Math.sin(6 * time + leg)], leg * 6);
    });
    const frame: FramePayload = {
      step,
      time,
      reward: step === 0 ? 0 : 1.5,
      terminated: false,
      truncated: step === frames - 1,
      poses,
      action: new Float32Array(8).map((_, i) => (step === 0 ? 0 : Math.sin(time * 3 + i))),
      info: new Float32Array(INFO_TERMS.length).map((_, i) => Math.cos(time + i)),
      contacts,
    };
    if (withObservation) frame.observation = new Float32Array(105).map((_, i) => Math.sin(time + i));
    list.push(frame);
  }
  return { header, episodes: [{ frames: list, end: { terminated: false, truncated: true, reason: 'time_limit', episodeReturn: 1.5 * (frames - 1), length: frames - 1 } }] };
}

/** Bytes on the wire per simulated second of one robot, for a 1000-step episode (frames + its JSON start/end). */
function streamBytesPerRobotSecond(withObservation: boolean): { frameBytes: number; perSecond: number } {
  const rollout = antRollout('stream', 1001, 0, withObservation);
  const episode = rollout.episodes[0]!;
  let bytes = Buffer.byteLength(encodeServerControlMessage({ ...episodeStartFromHeader(rollout.header, 1, 0), live: true }));
  bytes += Buffer.byteLength(encodeServerControlMessage(episodeEndMessage('stream', 1, episode.end)));
  let frameBytes = 0;
  for (const frame of episode.frames) {
    frameBytes = encodeFrame({ ...frame, streamId: 1 }).byteLength;
    bytes += frameBytes;
  }
  return { frameBytes, perSecond: bytes / (1000 * DT) };
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`viewer-frame-time: expected a viewer build at ${DIST}; run "npx vite build" in apps/viewer`);
  const server = await serveStatic(DIST);
  const browser = await launchChromium();
  const rows: (string | number)[][] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}?ws=off`);
    await page.waitForFunction(() => (globalThis as unknown as { __viewer?: unknown }).__viewer !== undefined);
    let loaded = 0;
    for (const count of [1, 8, 32]) {
      for (; loaded < count; loaded++) {
        const bytes = Array.from(encodeRolloutFile(antRollout(`ant-${loaded}`, 200, loaded * 0.7, true)));
        await page.evaluate(([data, name]) => {
          const viewer = (globalThis as unknown as { __viewer: { loadRolloutBytes(bytes: Uint8Array, name: string): string } }).__viewer;
          viewer.loadRolloutBytes(new Uint8Array(data as number[]), name as string);
        }, [bytes, `ant-${loaded}.rgr`] as const);
      }
      const result = await page.evaluate(async () => {
        type Hook = { renderOnce(dt?: number): void; resetFrameTimes(): void; meanFrameMs(): number; state(): { playing: boolean } };
        const viewer = (globalThis as unknown as { __viewer: Hook }).__viewer;
        const host = globalThis as unknown as { requestAnimationFrame(callback: () => void): number };
        const frames = () => new Promise<void>((resolve) => host.requestAnimationFrame(() => host.requestAnimationFrame(resolve)));
        await frames(); // let the first frames with the new robots (shader and shadow setup) pass
        viewer.resetFrameTimes();
        await new Promise((resolve) => setTimeout(resolve, 4000));
        const rafMs = viewer.meanFrameMs();
        const sync: number[] = [];
        for (let i = 0; i < 10; i++) {
          const start = performance.now();
          viewer.renderOnce(1 / 60);
          sync.push(performance.now() - start);
        }
        sync.sort((a, b) => a - b);
        return { stepMs: sync[sync.length >> 1]!, rafMs };
      });
      rows.push([String(count), String(count * 14), result.stepMs, result.rafMs, 1000 / result.rafMs]);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const anchor = rows[0]!;
  printTable(
    'Viewer frame time, Ant-shaped rollouts side by side (headless Chromium, software WebGL, 1280x720, shadows on)',
    ['rollouts', 'bodies', 'JS step ms (CPU side, median)', 'frame interval ms (rAF, 4 s mean)', 'fps', 'rAF vs 1 rollout'],
    rows.map((row) => [...row, ratio(row[3] as number, anchor[3] as number)]),
  );
  const withObservation = streamBytesPerRobotSecond(true);
  const withoutObservation = streamBytesPerRobotSecond(false);
  printTable(
    'Stream bytes per robot-second (Ant, 14 bodies, 8 actions, 9 info terms, 4 contacts, 20 steps/s, 1000-step episode incl. JSON start/end)',
    ['frames', 'frame bytes', 'bytes per robot-second', 'KiB/s'],
    [
      ['with 105-float observation', withObservation.frameBytes, withObservation.perSecond, withObservation.perSecond / 1024],
      ['without observation', withoutObservation.frameBytes, withoutObservation.perSecond, withoutObservation.perSecond / 1024],
    ],
  );
}

await main();
