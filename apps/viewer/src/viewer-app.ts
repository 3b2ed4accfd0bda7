// The viewer: owns the store, timeline, three.js scene and panels, and runs the render loop that ties them together.
import * as THREE from 'three';
import type { Rollout, ServerPayload } from '@rapier-gym/protocol';
import { describeBody, pickBody } from './body-inspector.js';
import { CameraRig } from './camera-rig.js';
import { Connection, type ConnectionStatus } from './connection.js';
import { ContactsView } from './contacts-view.js';
import type { EpisodeTrack } from './episode-track.js';
import { canvasToPng, composeFrame, downloadBlob, WebmRecorder } from './frame-export.js';
import { buildGround } from './ground.js';
import { hudLines } from './hud-text.js';
import { actionForKey, type ViewerAction } from './key-bindings.js';
import { MotionOverlays } from './motion-overlays.js';
import { buildHelp, buildToggles, showMessage } from './overlays-dom.js';
import { PlotsPanel } from './plots-panel.js';
import { RobotView, type BodyPick } from './robot-view.js';
import { attachFileOpening, fetchRollout } from './rollout-files.js';
import { RolloutList } from './rollout-list.js';
import { RolloutStore, type RolloutEntry } from './rollout-store.js';
import { Timeline } from './timeline.js';
import { TransportBar } from './transport-bar.js';
import type { ViewerParams } from './url-params.js';
import { DEFAULT_VIEW_OPTIONS, type ViewOptions } from './view-options.js';

/** The page elements the viewer fills (see index.html). */
export interface ViewerElements {
  stage: HTMLElement;
  canvas: HTMLCanvasElement;
  hud: HTMLElement;
  status: HTMLElement;
  help: HTMLElement;
  inspector: HTMLElement;
  transport: HTMLElement;
  rollouts: HTMLElement;
  toggles: HTMLElement;
  plots: HTMLElement;
  fileInput: HTMLInputElement;
}

export class ViewerApp {
  readonly store = new RolloutStore();
  readonly timeline = new Timeline();
  readonly options: ViewOptions = { ...DEFAULT_VIEW_OPTIONS };
  readonly renderer: THREE.WebGLRenderer;
  readonly scene = new THREE.Scene();
  readonly rig: CameraRig;
  readonly views = new Map<string, RobotView>();
  readonly visible = new Set<string>();
  readonly contacts = new ContactsView();
  readonly overlays = new MotionOverlays();
  activeKey: string | undefined;
  /** True while the view follows the newest frame of the newest live episode. */
  liveFollow = true;
  connection: Connection | undefined;
  connectionDetail = 'live stream off';
  selection: BodyPick | undefined;
  private readonly light: THREE.DirectionalLight;
  private ground: THREE.Mesh;
  private groundFor: RolloutEntry | undefined;
  private readonly plots: PlotsPanel;
  private readonly transport: TransportBar;
  private readonly list: RolloutList;
  private readonly syncToggles: () => void;
  private readonly recorder = new WebmRecorder();
  private readonly composeCanvas = document.createElement('canvas');
  private pendingPng: ((blob: Blob) => void) | undefined;
  private lastFrameTime = performance.now();
  private snapCamera = true;
  private lastPlotDraw = 0;
  private readonly frameTimes: number[] = [];
  private groupCurveMetric = 'eval';

  constructor(
    readonly elements: ViewerElements,
    readonly params: ViewerParams,
  ) {
    this.renderer = new THREE.WebGLRenderer({ canvas: elements.canvas, antialias: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.shadowMap.enabled = true;
    this.renderer.shadowMap.type = THREE.PCFSoftShadowMap;
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.scene.background = new THREE.Color(0xdfe7ef);
    this.scene.fog = new THREE.Fog(0xdfe7ef, 25, 70);
    this.scene.add(new THREE.HemisphereLight(0xf4f8ff, 0x6d6455, 1.4));
    this.light = new THREE.DirectionalLight(0xffffff, 2.2);
    this.light.castShadow = true;
    this.light.shadow.mapSize.set(1024, 1024);
    const shadowCamera = this.light.shadow.camera;
    shadowCamera.left = shadowCamera.bottom = -6;
    shadowCamera.right = shadowCamera.top = 6;
    shadowCamera.near = 0.5;
    shadowCamera.far = 40;
    this.light.shadow.bias = -0.0005;
    this.scene.add(this.light, this.light.target);
    this.ground = buildGround(undefined);
    this.scene.add(this.ground, this.contacts.group, this.overlays.group);
    this.rig = new CameraRig(elements.canvas);
    this.timeline.setSpeed(params.speed);
    this.timeline.playing = true;

    this.plots = new PlotsPanel(elements.plots, (time) => this.seek(time));
    this.transport = new TransportBar(elements.transport, this.timeline, (action) => this.act(action), (time) => this.seek(time));
    this.list = new RolloutList(elements.rollouts, {
      activate: (key) => this.activate(key),
      setVisible: (key, shown) => {
        if (shown) this.visible.add(key);
        else this.visible.delete(key);
      },
      selectEpisode: (key, index) => {
        const entry = this.store.get(key);
        if (!entry) return;
        entry.episodeIndex = Math.min(Math.max(index, 0), entry.episodes.length - 1);
        if (entry.source === 'live') this.liveFollow = false;
        this.snapCamera = true;
      },
      remove: (key) => this.remove(key),
      setLayout: (layout) => (this.options.layout = layout),
      openServerRollout: (rolloutId) => this.connection?.send({ type: 'openRollout', rolloutId }),
    });
    this.syncToggles = buildToggles(elements.toggles, this.options, () => (this.rig.follow = this.options.follow));
    buildHelp(elements.help);

    attachFileOpening(elements.fileInput, elements.stage.parentElement ?? elements.stage, (rollout, name) => this.addRollout(rollout, name), (message) => this.error(message));
    window.addEventListener('keydown', (event) => this.onKey(event));
    this.attachPicking();
    new ResizeObserver(() => this.resize()).observe(elements.stage);
    this.resize();

    if (params.wsUrl) {
      this.connection = new Connection(
        params.wsUrl,
        { onPayload: (payload) => this.onPayload(payload), onStatus: (status, detail) => this.onStatus(status, detail), onConnected: () => this.requestGroupCurves() },
        params.runId !== undefined ? { runId: params.runId } : {},
      );
      this.plots.onGroupMetric = (metric) => this.requestGroupCurves(metric);
      this.connection.start();
    } else showMessage(elements.status, 'live stream off; open a rollout file (o) or drop one here');
    for (const url of params.rolloutUrls) void fetchRollout(url, (rollout, name) => this.addRollout(rollout, name), (message) => this.error(message));
    requestAnimationFrame((now) => this.frame(now));
  }

  // ------------------------------------------------------------------ data in

  onPayload(payload: ServerPayload): void {
    try {
      switch (payload.type) {
        case 'episodeStart': {
          const entry = this.store.beginEpisode(payload);
          this.ensureView(entry);
          if (payload.live && this.liveFollow) {
            entry.episodeIndex = entry.episodes.length - 1;
            if (this.activeKey !== entry.key) this.activate(entry.key, true);
          } else if (!payload.live && payload.episode === 0) {
            this.activate(entry.key);
            entry.episodeIndex = entry.episodes.length - 1;
          }
          break;
        }
        case 'frame':
          this.store.appendFrame(payload.frame);
          break;
        case 'episodeEnd':
          this.store.endEpisode(payload);
          break;
        case 'metrics':
          this.plots.addMetrics(payload.rows);
          break;
        case 'curves':
          this.plots.setGroupCurves(payload);
          break;
        case 'runList':
          this.list.setServerRollouts(payload.rollouts);
          break;
        case 'error':
          this.error(`server: ${payload.code}: ${payload.message}`);
          break;
        default:
          break;
      }
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error));
    }
  }

  /** Asks the server for the `?sweep=` sweep's grouped curves (of `metric`, default the evaluation return). */
  private requestGroupCurves(metric = this.groupCurveMetric): void {
    if (this.params.sweep === undefined) return;
    this.groupCurveMetric = metric;
    this.connection?.send({ type: 'getCurves', requestId: 'sweep-curves', sweep: this.params.sweep, metric });
  }

  private onStatus(status: ConnectionStatus, detail: string): void {
    this.connectionDetail = detail;
    showMessage(this.elements.status, detail, status === 'failed');
  }

  addRollout(rollout: Rollout, name: string): RolloutEntry {
    const entry = this.store.addRollout(rollout, `${name} · ${rollout.header.envId}${rollout.header.checkpointStep !== undefined ? ` @${rollout.header.checkpointStep}` : ''}`);
    this.ensureView(entry);
    this.liveFollow = false;
    this.activate(entry.key);
    this.timeline.seek(0);
    showMessage(this.elements.status, `opened ${name}: ${rollout.episodes.length} episode(s)${rollout.complete ? '' : ' (incomplete file)'}`);
    return entry;
  }

  private ensureView(entry: RolloutEntry): void {
    if (this.views.has(entry.key)) return;
    const view = new RobotView(entry.meta.scene, entry.key);
    this.views.set(entry.key, view);
    this.visible.add(entry.key);
    this.scene.add(view.root);
  }

  remove(key: string): void {
    this.views.get(key)?.dispose();
    this.views.delete(key);
    this.visible.delete(key);
    this.store.remove(key);
    if (this.activeKey === key) this.activate(this.store.entries[0]?.key);
  }

  activate(key: string | undefined, keepLiveFollow = false): void {
    this.activeKey = key;
    if (key) this.visible.add(key);
    const entry = key ? this.store.get(key) : undefined;
    if (!keepLiveFollow && entry?.source !== 'live') this.liveFollow = false;
    this.snapCamera = true;
    this.selection = undefined;
    this.elements.inspector.hidden = true;
  }

  // ------------------------------------------------------------------ timeline

  get activeEntry(): RolloutEntry | undefined {
    return this.activeKey ? this.store.get(this.activeKey) : undefined;
  }

  trackOf(entry: RolloutEntry | undefined): EpisodeTrack | undefined {
    return entry?.episodes[entry.episodeIndex];
  }

  seek(time: number): void {
    this.liveFollow = false;
    this.timeline.seek(time);
  }

  private updateRange(): void {
    let duration = 0;
    for (const key of this.visible) duration = Math.max(duration, this.trackOf(this.store.get(key))?.duration ?? 0);
    const frameDt = this.activeEntry?.meta.scene.dt ?? 0.01;
    this.timeline.setRange(duration, frameDt);
  }

  act(action: ViewerAction): void {
    const timeline = this.timeline;
    const manual = () => (this.liveFollow = false);
    switch (action) {
      case 'togglePlay': manual(); timeline.togglePlay(); break;
      case 'stepBack': manual(); timeline.stepFrames(-1); break;
      case 'stepForward': manual(); timeline.stepFrames(1); break;
      case 'jumpBack': manual(); timeline.stepFrames(-10); break;
      case 'jumpForward': manual(); timeline.stepFrames(10); break;
      case 'goToStart': manual(); timeline.seek(0); break;
      case 'goToEnd': manual(); timeline.seek(timeline.duration); break;
      case 'slower': timeline.changeSpeed(-1); break;
      case 'faster': timeline.changeSpeed(1); break;
      case 'toggleLoop': timeline.loop = !timeline.loop; break;
      case 'goLive': this.goLive(); break;
      case 'previousEpisode': this.changeEpisode(-1); break;
      case 'nextEpisode': this.changeEpisode(1); break;
      case 'nextRollout': {
        const entries = this.store.entries;
        if (entries.length === 0) break;
        const index = entries.findIndex((entry) => entry.key === this.activeKey);
        this.activate(entries[(index + 1) % entries.length]!.key);
        break;
      }
      case 'toggleLayout': this.options.layout = this.options.layout === 'ghost' ? 'side-by-side' : 'ghost'; break;
      case 'resetView': this.rig.reset(); this.snapCamera = true; break;
      case 'toggleFollow': this.options.follow = !this.options.follow; this.rig.follow = this.options.follow; break;
      case 'toggleContacts': this.options.contacts = !this.options.contacts; break;
      case 'toggleCollision': this.options.collision = !this.options.collision; break;
      case 'toggleAxes': this.options.axes = !this.options.axes; break;
      case 'toggleCom': this.options.com = !this.options.com; break;
      case 'toggleVelocity': this.options.velocity = !this.options.velocity; break;
      case 'toggleTrail': this.options.trail = !this.options.trail; break;
      case 'exportPng': void this.exportPng(); break;
      case 'toggleRecording': void this.toggleRecording(); break;
      case 'openFile': this.elements.fileInput.click(); break;
      case 'toggleHelp': this.elements.help.hidden = !this.elements.help.hidden; break;
      case 'closeOverlay': this.elements.help.hidden = true; this.elements.inspector.hidden = true; this.selectBody(undefined); break;
    }
    this.syncToggles();
  }

  private goLive(): void {
    const live = [...this.store.entries].reverse().find((entry) => entry.source === 'live');
    if (!live) return;
    this.liveFollow = true;
    live.episodeIndex = live.episodes.length - 1;
    this.activate(live.key, true);
  }

  private changeEpisode(direction: 1 | -1): void {
    const entry = this.activeEntry;
    if (!entry || entry.episodes.length === 0) return;
    entry.episodeIndex = Math.min(Math.max(entry.episodeIndex + direction, 0), entry.episodes.length - 1);
    if (entry.source === 'live') this.liveFollow = false;
    this.timeline.seek(0);
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA') && !(target as HTMLInputElement).type?.match(/range|checkbox|radio/)) return;
    const action = actionForKey(event);
    if (!action) return;
    event.preventDefault();
    this.act(action);
  }

  // ------------------------------------------------------------------ picking

  private attachPicking(): void {
    const canvas = this.elements.canvas;
    let down: { x: number; y: number } | undefined;
    canvas.addEventListener('pointerdown', (event) => (down = { x: event.clientX, y: event.clientY }));
    canvas.addEventListener('pointerup', (event) => {
      if (!down || Math.hypot(event.clientX - down.x, event.clientY - down.y) > 4) return;
      const meshes: THREE.Object3D[] = [];
      for (const key of this.visible) meshes.push(...(this.views.get(key)?.pickable ?? []));
      this.selectBody(pickBody(this.rig.camera, canvas, event.clientX, event.clientY, meshes));
    });
  }

  selectBody(pick: BodyPick | undefined): void {
    for (const view of this.views.values()) view.select(-1);
    this.selection = pick;
    if (pick) this.views.get(pick.rolloutKey)?.select(pick.bodyIndex);
    this.elements.inspector.hidden = !pick;
  }

  // ------------------------------------------------------------------ export

  /** Renders now and resolves with a PNG of the view with the HUD drawn over it. */
  capturePng(): Promise<Blob> {
    return new Promise((resolve) => {
      this.pendingPng = resolve;
    }).then((blob) => blob as Blob);
  }

  async exportPng(): Promise<void> {
    const blob = await this.capturePng();
    const track = this.trackOf(this.activeEntry);
    const step = track ? track.steps.get(Math.max(0, track.frameAt(this.timeline.time))) : 0;
    downloadBlob(blob, `rapier-gym-${this.activeEntry?.meta.envId ?? 'view'}-step${step}.png`);
  }

  private async toggleRecording(): Promise<void> {
    try {
      if (this.recorder.recording) {
        const blob = await this.recorder.stop();
        downloadBlob(blob, `rapier-gym-${this.activeEntry?.meta.envId ?? 'view'}.webm`);
        showMessage(this.elements.status, `saved WebM (${(blob.size / 1024).toFixed(0)} KiB)`);
      } else {
        composeFrame(this.composeCanvas, this.elements.canvas, this.currentHud());
        this.recorder.start(this.composeCanvas, 30);
        showMessage(this.elements.status, 'recording WebM… press e to stop');
      }
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error));
    }
  }

  // ------------------------------------------------------------------ render loop

  private currentHud(): string[] {
    const entry = this.activeEntry;
    const track = this.trackOf(entry);
    return hudLines(entry, track, track ? track.frameAt(this.timeline.time) : -1);
  }

  private frame(now: number): void {
    const dt = Math.min(0.25, Math.max(0, (now - this.lastFrameTime) / 1000));
    this.frameTimes.push(now - this.lastFrameTime);
    if (this.frameTimes.length > 240) this.frameTimes.shift();
    this.lastFrameTime = now;
    try {
      this.step(dt, now);
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error));
    }
    requestAnimationFrame((next) => this.frame(next));
  }

  /** One frame: advance time, pose robots, move the camera, draw, then update the HUD, bar, plots and exports. */
  step(dt: number, now = performance.now()): void {
    const active = this.activeEntry;
    if (this.liveFollow && active?.source === 'live') active.episodeIndex = active.episodes.length - 1;
    this.updateRange();
    if (this.liveFollow && active?.source === 'live') this.timeline.seek(this.timeline.duration);
    else this.timeline.advance(dt);
    this.layoutAndPose();
    this.updateCamera(dt);
    this.renderer.render(this.scene, this.rig.camera);
    const hud = this.currentHud();
    if (this.pendingPng || this.recorder.recording) composeFrame(this.composeCanvas, this.elements.canvas, hud);
    if (this.pendingPng) {
      const resolve = this.pendingPng;
      this.pendingPng = undefined;
      void canvasToPng(this.composeCanvas).then(resolve, (error: unknown) => this.error(String(error)));
    }
    this.elements.hud.textContent = hud.join('\n');
    const track = this.trackOf(active);
    const index = track ? track.frameAt(this.timeline.time) : -1;
    this.transport.update(this.timeline, {
      step: track && index >= 0 ? track.steps.get(index) : -1,
      hasLive: this.store.entries.some((entry) => entry.source === 'live'),
      liveFollow: this.liveFollow && active?.source === 'live',
      recording: this.recorder.recording,
    });
    this.list.render(this.store.entries, this.activeKey, this.visible, this.options.layout);
    if (now - this.lastPlotDraw > 33) {
      this.lastPlotDraw = now;
      this.plots.update(active, track, this.timeline.time);
    }
    if (this.selection) {
      const entry = this.store.get(this.selection.rolloutKey);
      const selectedTrack = this.trackOf(entry);
      this.elements.inspector.textContent = entry
        ? describeBody(entry, selectedTrack, selectedTrack ? selectedTrack.frameAt(this.timeline.time) : -1, this.selection.bodyIndex).join('\n')
        : '';
    }
  }

  /** Offsets of the visible robots (side by side along -y, or all at the origin when ghosted). */
  layoutOffset(key: string): THREE.Vector3 {
    if (this.options.layout === 'ghost') return new THREE.Vector3();
    const order = this.store.entries.filter((entry) => this.visible.has(entry.key)).findIndex((entry) => entry.key === key);
    return new THREE.Vector3(0, -Math.max(0, order) * this.options.sideBySideSpacing, 0);
  }

  private layoutAndPose(): void {
    const contactFrames: { contacts: Float32Array; offset: THREE.Vector3 }[] = [];
    const active = this.activeEntry;
    if (active !== this.groundFor) {
      this.groundFor = active;
      this.scene.remove(this.ground);
      this.ground = buildGround(active?.meta.scene);
      this.scene.add(this.ground);
    }
    for (const entry of this.store.entries) {
      const view = this.views.get(entry.key);
      if (!view) continue;
      const track = this.trackOf(entry);
      const shown = this.visible.has(entry.key) && track !== undefined && track.frameCount > 0;
      view.root.visible = shown;
      if (!shown || !track) continue;
      view.root.position.copy(this.layoutOffset(entry.key));
      view.setGhost(this.options.layout === 'ghost' && entry.key !== this.activeKey);
      view.setDebug({ collision: this.options.collision, axes: this.options.axes, com: this.options.com });
      const index = track.frameAt(this.timeline.time);
      view.applyPoses(track.posesAt(index));
      if (this.options.contacts) contactFrames.push({ contacts: track.contacts[index] ?? new Float32Array(0), offset: view.root.position });
    }
    this.contacts.group.visible = this.options.contacts;
    this.contacts.show(contactFrames);
    const track = this.trackOf(active);
    this.overlays.showVelocity = this.options.velocity;
    this.overlays.showTrail = this.options.trail;
    this.overlays.update(active?.meta.scene, track, track ? track.frameAt(this.timeline.time) : -1, active ? this.layoutOffset(active.key) : new THREE.Vector3());
  }

  /** World position of the active robot's tracked body, when there is one on screen. */
  trackedPosition(): THREE.Vector3 | undefined {
    const active = this.activeEntry;
    const view = active ? this.views.get(active.key) : undefined;
    if (!active || !view || !view.root.visible) return undefined;
    const scene = active.meta.scene;
    const body = scene.trackBody >= 0 ? scene.trackBody : Math.min(1, scene.bodies.length - 1);
    return view.bodyWorldPosition(body);
  }

  private updateCamera(dt: number): void {
    const tracked = this.trackedPosition();
    this.rig.follow = this.options.follow;
    this.rig.update(tracked, dt, this.snapCamera && tracked !== undefined);
    if (tracked) this.snapCamera = false;
    const target = this.rig.target;
    this.light.position.set(target.x + 3, target.y - 4, target.z + 8);
    this.light.target.position.copy(target);
  }

  private resize(): void {
    const { clientWidth, clientHeight } = this.elements.stage;
    this.renderer.setSize(clientWidth, clientHeight, false);
    this.rig.resize(clientWidth, clientHeight);
  }

  /** Mean of the recent frame intervals in milliseconds (for the test hook and benchmarks). */
  meanFrameMs(): number {
    const times = this.frameTimes.slice(1);
    return times.length === 0 ? 0 : times.reduce((sum, value) => sum + value, 0) / times.length;
  }

  resetFrameTimes(): void {
    this.frameTimes.length = 0;
  }

  private error(message: string): void {
    console.error(`rapier-gym viewer: ${message}`);
    showMessage(this.elements.status, message, true);
  }
}
