// Export of exactly what is shown: the 3D view with the HUD text drawn over it, as PNG or as WebM video.

/** Draws the WebGL canvas (call right after rendering, in the same task) and the HUD lines onto `target`. */
export function composeFrame(target: HTMLCanvasElement, source: HTMLCanvasElement, hudLines: readonly string[]): void {
  if (target.width !== source.width || target.height !== source.height) {
    target.width = source.width;
    target.height = source.height;
  }
  const context = target.getContext('2d')!;
  context.drawImage(source, 0, 0);
  if (hudLines.length === 0) return;
  const scale = Math.max(1, source.width / 1200);
  context.font = `${Math.round(13 * scale)}px ui-monospace, monospace`;
  const lineHeight = Math.round(17 * scale);
  const width = Math.max(...hudLines.map((line) => context.measureText(line).width)) + 16 * scale;
  context.fillStyle = 'rgba(20, 24, 32, 0.6)';
  context.fillRect(8 * scale, 8 * scale, width, lineHeight * hudLines.length + 8 * scale);
  context.fillStyle = '#f4f6fa';
  hudLines.forEach((line, index) => context.fillText(line, 16 * scale, 8 * scale + lineHeight * (index + 1)));
}

/** Saves a blob as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export: the canvas produced no image'))), 'image/png'),
  );
}

/** Records a canvas (the composed frames) to WebM with MediaRecorder. */
export class WebmRecorder {
  private recorder: MediaRecorder | undefined;
  private chunks: Blob[] = [];

  get recording(): boolean {
    return this.recorder?.state === 'recording';
  }

  /** Starts recording `canvas` at `fps` frames per second; throws when the browser cannot record WebM. */
  start(canvas: HTMLCanvasElement, fps = 30): void {
    if (typeof MediaRecorder === 'undefined') throw new Error('WebM export: this browser has no MediaRecorder');
    const mimeType = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((type) => MediaRecorder.isTypeSupported(type));
    if (!mimeType) throw new Error('WebM export: this browser cannot record video/webm');
    this.chunks = [];
    this.recorder = new MediaRecorder(canvas.captureStream(fps), { mimeType, videoBitsPerSecond: 8_000_000 });
    this.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) this.chunks.push(event.data);
    });
    this.recorder.start(250);
  }

  /** Stops and resolves with the recorded video. */
  stop(): Promise<Blob> {
    const recorder = this.recorder;
    if (!recorder) return Promise.reject(new Error('WebM export: not recording'));
    return new Promise((resolve) => {
      recorder.addEventListener('stop', () => resolve(new Blob(this.chunks, { type: 'video/webm' })), { once: true });
      recorder.stop();
      this.recorder = undefined;
    });
  }
}
