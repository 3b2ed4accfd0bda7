// Opening rollout files (.rgr): from the file picker, by drag and drop onto the page, or fetched from a URL.
import { decodeRolloutFile, type Rollout } from '@rapier-gym/protocol';

/** Decodes file bytes; an incomplete file (a writer that crashed) still opens with its complete records. */
export function decodeRolloutBytes(bytes: ArrayBuffer | Uint8Array, name: string): Rollout {
  const decoded = decodeRolloutFile(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), { allowIncomplete: true });
  if (!decoded.ok) throw new Error(`${name}: not a readable rollout file (${decoded.error.code}: ${decoded.error.message})`);
  return decoded.value;
}

export type RolloutSink = (rollout: Rollout, name: string) => void;
export type ErrorSink = (message: string) => void;

async function readFiles(files: Iterable<File>, sink: RolloutSink, report: ErrorSink): Promise<void> {
  for (const file of files) {
    try {
      sink(decodeRolloutBytes(await file.arrayBuffer(), file.name), file.name);
    } catch (error) {
      report(error instanceof Error ? error.message : String(error));
    }
  }
}

/** Wires a file input (the picker) and drag-and-drop on `dropTarget`. */
export function attachFileOpening(input: HTMLInputElement, dropTarget: HTMLElement, sink: RolloutSink, report: ErrorSink): void {
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    void readFiles(files, sink, report);
  });
  dropTarget.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropTarget.classList.add('dragging');
  });
  dropTarget.addEventListener('dragleave', () => dropTarget.classList.remove('dragging'));
  dropTarget.addEventListener('drop', (event) => {
    event.preventDefault();
    dropTarget.classList.remove('dragging');
    void readFiles(Array.from(event.dataTransfer?.files ?? []), sink, report);
  });
}

/** Fetches and opens a rollout from a URL (relative URLs resolve against the page). */
export async function fetchRollout(url: string, sink: RolloutSink, report: ErrorSink): Promise<void> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
    const name = decodeURIComponent(url.split('/').pop() || url);
    sink(decodeRolloutBytes(await response.arrayBuffer(), name), name);
  } catch (error) {
    report(error instanceof Error ? error.message : String(error));
  }
}
