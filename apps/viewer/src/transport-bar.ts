// The transport bar under the view: play/pause, step buttons, scrub slider, time readout, speed, loop, live, exports.
import { PLAYBACK_SPEEDS, type Timeline } from './timeline.js';
import type { ViewerAction } from './key-bindings.js';

function button(label: string, title: string, id: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.title = title;
  element.id = id;
  return element;
}

export class TransportBar {
  readonly scrub: HTMLInputElement;
  private readonly play: HTMLButtonElement;
  private readonly timeLabel: HTMLSpanElement;
  private readonly speed: HTMLSelectElement;
  private readonly loop: HTMLInputElement;
  private readonly live: HTMLButtonElement;
  private readonly record: HTMLButtonElement;

  constructor(container: HTMLElement, timeline: Timeline, act: (action: ViewerAction) => void, onScrub: (time: number) => void) {
    this.play = button('▶', 'play / pause (Space)', 'play');
    const back = button('−1', 'step back one frame (←)', 'step-back');
    const forward = button('+1', 'step forward one frame (→)', 'step-forward');
    this.scrub = document.createElement('input');
    this.scrub.type = 'range';
    this.scrub.id = 'scrub';
    this.scrub.min = '0';
    this.scrub.step = 'any';
    this.scrub.value = '0';
    this.scrub.setAttribute('aria-label', 'timeline');
    this.timeLabel = document.createElement('span');
    this.timeLabel.id = 'time-label';
    this.speed = document.createElement('select');
    this.speed.id = 'speed';
    this.speed.title = 'playback speed (- / =)';
    for (const value of PLAYBACK_SPEEDS) this.speed.append(new Option(`${value}×`, String(value)));
    const loopLabel = document.createElement('label');
    this.loop = document.createElement('input');
    this.loop.type = 'checkbox';
    this.loop.id = 'loop';
    loopLabel.append(this.loop, ' loop');
    this.live = button('● live', 'follow the newest live episode (g)', 'go-live');
    const reset = button('⟲ view', 'reset the camera (r)', 'reset-view');
    const png = button('PNG', 'save a PNG of the view (p)', 'export-png');
    this.record = button('● WebM', 'start / stop recording WebM video (e)', 'export-webm');
    const open = button('Open…', 'open a rollout file (o)', 'open-file');
    const help = button('?', 'keyboard shortcuts (?)', 'show-help');
    container.append(back, this.play, forward, this.scrub, this.timeLabel, this.speed, loopLabel, this.live, reset, png, this.record, open, help);
    this.play.addEventListener('click', () => act('togglePlay'));
    back.addEventListener('click', () => act('stepBack'));
    forward.addEventListener('click', () => act('stepForward'));
    this.scrub.addEventListener('input', () => onScrub(Number(this.scrub.value)));
    this.speed.addEventListener('change', () => timeline.setSpeed(Number(this.speed.value)));
    this.loop.addEventListener('change', () => (timeline.loop = this.loop.checked));
    this.live.addEventListener('click', () => act('goLive'));
    reset.addEventListener('click', () => act('resetView'));
    png.addEventListener('click', () => act('exportPng'));
    this.record.addEventListener('click', () => act('toggleRecording'));
    open.addEventListener('click', () => act('openFile'));
    help.addEventListener('click', () => act('toggleHelp'));
  }

  update(timeline: Timeline, state: { step: number; hasLive: boolean; liveFollow: boolean; recording: boolean }): void {
    this.play.textContent = timeline.playing ? '‖' : '▶';
    this.scrub.max = String(timeline.duration);
    if (document.activeElement !== this.scrub) this.scrub.value = String(timeline.time);
    this.timeLabel.textContent = `${timeline.time.toFixed(3)} / ${timeline.duration.toFixed(3)} s · step ${state.step < 0 ? '–' : state.step}`;
    if (this.speed.value !== String(timeline.speed)) this.speed.value = String(timeline.speed);
    this.loop.checked = timeline.loop;
    this.live.hidden = !state.hasLive;
    this.live.classList.toggle('active', state.liveFollow);
    this.record.classList.toggle('active', state.recording);
    this.record.textContent = state.recording ? '■ stop' : '● WebM';
  }
}
