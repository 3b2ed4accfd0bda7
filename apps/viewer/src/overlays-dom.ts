// Small DOM overlays on the view: the keyboard help, the body inspector, the toggles panel and status messages.
import { helpRows } from './key-bindings.js';
import { TOGGLE_LABELS, type ViewOptions } from './view-options.js';

/** Fills the help overlay with the shortcut table. */
export function buildHelp(element: HTMLElement): void {
  const title = document.createElement('h2');
  title.textContent = 'Keyboard shortcuts';
  const table = document.createElement('table');
  for (const row of helpRows()) {
    const tr = table.insertRow();
    const keys = tr.insertCell();
    keys.className = 'keys';
    keys.textContent = row.keys;
    tr.insertCell().textContent = row.description;
  }
  const mouse = document.createElement('p');
  mouse.textContent = 'Mouse: drag to orbit, right-drag to pan, wheel to zoom, click a body to inspect it. Drop .rgr files anywhere to open them.';
  element.replaceChildren(title, table, mouse);
}

/** Builds a checkbox per boolean view option; returns a function that re-syncs the boxes with the options. */
export function buildToggles(container: HTMLElement, options: ViewOptions, changed: () => void): () => void {
  const boxes = TOGGLE_LABELS.map(({ option, label }) => {
    const wrapper = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `toggle-${option}`;
    box.addEventListener('change', () => {
      (options as unknown as Record<string, boolean>)[option] = box.checked;
      changed();
    });
    wrapper.append(box, ` ${label}`);
    container.append(wrapper);
    return { option, box };
  });
  const sync = () => {
    for (const { option, box } of boxes) box.checked = Boolean(options[option]);
  };
  sync();
  return sync;
}

/** Shows a transient message in the status line (errors stay until replaced). */
export function showMessage(element: HTMLElement, text: string, isError = false): void {
  element.textContent = text;
  element.classList.toggle('error', isError);
}
