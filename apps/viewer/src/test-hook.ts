// window.__viewer: a small read/drive hook FOR TESTS AND BENCHMARKS ONLY (browser e2e tests assert through it).
import { decodeRolloutBytes } from './rollout-files.js';
import type { ViewerApp } from './viewer-app.js';

export interface ViewerTestState {
  time: number;
  duration: number;
  playing: boolean;
  speed: number;
  loop: boolean;
  /** Index of the shown frame of the active episode, and its step; -1 when none. */
  frameIndex: number;
  step: number;
  activeRollout: string | undefined;
  liveFollow: boolean;
  connection: string;
  rollouts: { key: string; label: string; source: string; episodes: number; episodeIndex: number; frames: number; visible: boolean }[];
  cameraTarget: [number, number, number];
  contactsShown: number;
  metricsRows: number;
  /** The learning-curve plot's series: run metrics, or one per sweep group (with a band). */
  learningCurve: { title: string; series: { label: string; color: string; points: number; band: boolean }[] };
  helpVisible: boolean;
  layout: string;
}

export interface ViewerTestHook {
  state(): ViewerTestState;
  /** World position of body `body` of rollout `key` as drawn now. */
  bodyPosition(key: string, body: number): [number, number, number];
  /** Where body `body` of rollout `key` appears on screen now, in page (client) pixels. */
  bodyClientPosition(key: string, body: number): [number, number];
  /** The click-to-inspect panel's text, or undefined while it is hidden. */
  inspectorText(): string | undefined;
  seek(time: number): void;
  pause(): void;
  /** Runs one frame synchronously (advance by dt seconds, pose, render). */
  renderOnce(dt?: number): void;
  /** Renders and reads the canvas: count of distinct colours (quantised) and a checksum of the pixels. */
  pixelStats(): { distinctColours: number; checksum: number; width: number; height: number };
  /** Opens rollout file bytes as if picked from disk. */
  loadRolloutBytes(bytes: Uint8Array, name: string): string;
  meanFrameMs(): number;
  resetFrameTimes(): void;
  activate(key: string): void;
  setLayout(layout: 'side-by-side' | 'ghost'): void;
}

export function installTestHook(app: ViewerApp): void {
  const hook: ViewerTestHook = {
    state() {
      const entry = app.activeEntry;
      const track = app.trackOf(entry);
      const frameIndex = track ? track.frameAt(app.timeline.time) : -1;
      const target = app.rig.target;
      return {
        time: app.timeline.time,
        duration: app.timeline.duration,
        playing: app.timeline.playing,
        speed: app.timeline.speed,
        loop: app.timeline.loop,
        frameIndex,
        step: track && frameIndex >= 0 ? track.steps.get(frameIndex) : -1,
        activeRollout: app.activeKey,
        liveFollow: app.liveFollow,
        connection: app.connection?.status ?? 'off',
        rollouts: app.store.entries.map((candidate) => ({
          key: candidate.key,
          label: candidate.label,
          source: candidate.source,
          episodes: candidate.episodes.length,
          episodeIndex: candidate.episodeIndex,
          frames: candidate.episodes[candidate.episodeIndex]?.frameCount ?? 0,
          visible: app.visible.has(candidate.key),
        })),
        cameraTarget: [target.x, target.y, target.z],
        contactsShown: app.contacts.count,
        metricsRows: (app as unknown as { plots: { metricsRowCount: number } }).plots.metricsRowCount,
        learningCurve: (() => {
          const plots = (app as unknown as { plots: { learningCurve: { title: string }; learningCurveSeries: ViewerTestState['learningCurve']['series'] } }).plots;
          return { title: plots.learningCurve.title, series: plots.learningCurveSeries };
        })(),
        helpVisible: !app.elements.help.hidden,
        layout: app.options.layout,
      };
    },
    bodyPosition(key, body) {
      const view = app.views.get(key);
      if (!view) throw new Error(`bodyPosition: no rollout with key ${JSON.stringify(key)}`);
      return view.bodyWorldPosition(body).toArray() as [number, number, number];
    },
    bodyClientPosition(key, body) {
      const view = app.views.get(key);
      if (!view) throw new Error(`bodyClientPosition: no rollout with key ${JSON.stringify(key)}`);
      app.step(0);
      const ndc = view.bodyWorldPosition(body).project(app.rig.camera);
      const rect = app.elements.canvas.getBoundingClientRect();
      return [rect.left + ((ndc.x + 1) / 2) * rect.width, rect.top + ((1 - ndc.y) / 2) * rect.height];
    },
    inspectorText: () => (app.elements.inspector.hidden ? undefined : (app.elements.inspector.textContent ?? '')),
    seek(time) {
      app.seek(time);
    },
    pause() {
      app.liveFollow = false;
      app.timeline.playing = false;
    },
    renderOnce(dt = 0) {
      app.step(dt);
    },
    pixelStats() {
      app.step(0);
      const source = app.renderer.domElement;
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(source, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set<number>();
      let checksum = 0;
      for (let i = 0; i < data.length; i += 4) {
        colours.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3));
        checksum = (checksum * 31 + data[i]! + 7 * data[i + 1]! + 13 * data[i + 2]!) >>> 0;
      }
      return { distinctColours: colours.size, checksum, width: canvas.width, height: canvas.height };
    },
    loadRolloutBytes(bytes, name) {
      return app.addRollout(decodeRolloutBytes(bytes, name), name).key;
    },
    meanFrameMs: () => app.meanFrameMs(),
    resetFrameTimes: () => app.resetFrameTimes(),
    activate: (key) => app.activate(key),
    setLayout: (layout) => {
      app.options.layout = layout;
    },
  };
  (window as unknown as { __viewer: ViewerTestHook }).__viewer = hook;
}
