// Entry point of the viewer page: reads the URL parameters, finds the page elements and starts the app.
import './styles.css';
import { installTestHook } from './test-hook.js';
import { parseViewerParams } from './url-params.js';
import { ViewerApp, type ViewerElements } from './viewer-app.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`viewer page: expected an element with id "${id}" in index.html`);
  return found as T;
}

const elements: ViewerElements = {
  stage: element('stage'),
  canvas: element<HTMLCanvasElement>('view'),
  hud: element('hud'),
  status: element('status'),
  help: element('help'),
  inspector: element('inspector'),
  transport: element('transport'),
  rollouts: element('rollouts'),
  toggles: element('toggles'),
  plots: element('plots'),
  fileInput: element<HTMLInputElement>('file-input'),
};

try {
  const app = new ViewerApp(elements, parseViewerParams(location.search, location));
  installTestHook(app);
} catch (error) {
  elements.status.textContent = error instanceof Error ? error.message : String(error);
  elements.status.classList.add('error');
  throw error;
}
