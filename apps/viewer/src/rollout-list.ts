// The rollouts panel: one row per rollout (active radio, visible checkbox, episode picker, remove) plus the layout
// switch, and the server's recorded rollouts that can be opened.
import type { RolloutSummary } from '@rapier-gym/protocol';
import { orderRecordedRollouts, recordedRolloutLabel } from './recorded-rollout-order.js';
import type { RolloutEntry } from './rollout-store.js';
import type { RolloutLayout } from './view-options.js';

export interface RolloutListHandlers {
  activate: (key: string) => void;
  setVisible: (key: string, visible: boolean) => void;
  selectEpisode: (key: string, episodeIndex: number) => void;
  remove: (key: string) => void;
  setLayout: (layout: RolloutLayout) => void;
  openServerRollout: (rolloutId: string) => void;
}

export class RolloutList {
  private readonly list: HTMLUListElement;
  private readonly layout: HTMLSelectElement;
  private readonly serverList: HTMLUListElement;
  private readonly serverBox: HTMLDetailsElement;
  private readonly serverSummary: HTMLElement;
  private signature = '';

  constructor(container: HTMLElement, private readonly handlers: RolloutListHandlers) {
    const heading = document.createElement('h2');
    heading.textContent = 'Rollouts';
    this.layout = document.createElement('select');
    this.layout.id = 'layout';
    this.layout.title = 'how several rollouts share the view (s)';
    this.layout.append(new Option('side by side', 'side-by-side'), new Option('ghosted overlay', 'ghost'));
    this.layout.addEventListener('change', () => handlers.setLayout(this.layout.value as RolloutLayout));
    heading.append(' ', this.layout);
    this.list = document.createElement('ul');
    this.list.id = 'rollout-list';
    this.serverList = document.createElement('ul');
    this.serverList.id = 'server-rollouts';
    // Recorded rollouts grow with every evaluation: a collapsible, scrolling box keeps the plots in view.
    this.serverBox = document.createElement('details');
    this.serverBox.id = 'server-rollouts-box';
    this.serverBox.hidden = true;
    this.serverBox.open = true;
    this.serverSummary = document.createElement('summary');
    this.serverBox.append(this.serverSummary, this.serverList);
    container.append(heading, this.list, this.serverBox);
  }

  /** Re-renders when anything shown changed (entries, episodes, active, visibility, layout). */
  render(entries: readonly RolloutEntry[], activeKey: string | undefined, visible: ReadonlySet<string>, layout: RolloutLayout): void {
    const signature = JSON.stringify([
      entries.map((entry) => [entry.key, entry.episodes.length, entry.episodeIndex, visible.has(entry.key)]),
      activeKey,
      layout,
    ]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.layout.value = layout;
    this.list.replaceChildren(
      ...entries.map((entry) => {
        const row = document.createElement('li');
        row.dataset['key'] = entry.key;
        row.classList.toggle('active', entry.key === activeKey);
        const radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = 'active-rollout';
        radio.checked = entry.key === activeKey;
        radio.title = 'active: the camera, HUD and plots follow it';
        radio.addEventListener('change', () => this.handlers.activate(entry.key));
        const shown = document.createElement('input');
        shown.type = 'checkbox';
        shown.checked = visible.has(entry.key);
        shown.title = 'shown';
        shown.className = 'visible-toggle';
        shown.addEventListener('change', () => this.handlers.setVisible(entry.key, shown.checked));
        const label = document.createElement('span');
        label.className = 'label';
        label.textContent = entry.label;
        label.addEventListener('click', () => this.handlers.activate(entry.key));
        const episode = document.createElement('select');
        episode.className = 'episode-picker';
        entry.episodes.forEach((track, index) => episode.append(new Option(`ep ${track.info.episode}`, String(index))));
        episode.value = String(entry.episodeIndex);
        episode.addEventListener('change', () => this.handlers.selectEpisode(entry.key, Number(episode.value)));
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '×';
        remove.title = 'remove';
        remove.addEventListener('click', () => this.handlers.remove(entry.key));
        row.append(radio, shown, label, episode, remove);
        return row;
      }),
    );
  }

  /** Lists the server's recorded rollouts, newest checkpoint first, with an open button each. */
  setServerRollouts(rollouts: readonly RolloutSummary[]): void {
    this.serverBox.hidden = rollouts.length === 0;
    this.serverSummary.textContent = `Recorded rollouts (${rollouts.length})`;
    this.serverList.replaceChildren(
      ...orderRecordedRollouts(rollouts).map((summary) => {
        const row = document.createElement('li');
        const open = document.createElement('button');
        open.type = 'button';
        open.textContent = 'open';
        open.addEventListener('click', () => this.handlers.openServerRollout(summary.rolloutId));
        row.append(open, ` ${recordedRolloutLabel(summary)}`);
        return row;
      }),
    );
  }
}
