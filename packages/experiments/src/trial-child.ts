// Entry of a sweep trial's child process (forked from dist): trains one trial, Ctrl-C/SIGINT checkpoints and exits.
import type { RunTrialMessage, TrialChildMessage } from './trial-messages.js';

const controller = new AbortController();
// Installed before the trainer (and tfjs) load, so an early Ctrl-C also ends the child cleanly. The first SIGINT (the
// terminal sends it to the whole process group and the pool forwards it too) saves a checkpoint and stops; further
// ones are ignored so the checkpoint is not cut short.
process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());
// The pool went away: stop at a checkpoint rather than train unobserved.
process.on('disconnect', () => controller.abort());

function send(message: TrialChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || !process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

process.once('message', (message: RunTrialMessage) => {
  void (async () => {
    try {
      const [{ RunDirectory }, { trainIntoRunDirectory }] = await Promise.all([import('./run-directory.js'), import('./trial-runner.js')]);
      if (controller.signal.aborted) {
        await send({ type: 'done', outcome: { status: 'stopped', step: 0, resumedFromStep: undefined, lastEval: undefined, lastCheckpoint: undefined, sessionSeconds: 0 } });
        process.exit(0);
      }
      const outcome = await trainIntoRunDirectory(new RunDirectory(message.runDir), message.config, {
        trial: message.trial,
        signal: controller.signal,
        onStart: (start) => send({ type: 'started', resumedFromStep: start.resumedFromStep, backendLine: start.backendLine }),
        onMetrics: (row) => send({ type: 'metrics', row }),
        onCheckpoint: (checkpoint) => send({ type: 'checkpoint', step: checkpoint.step }),
      });
      await send({ type: 'done', outcome });
      process.exit(0);
    } catch (error) {
      await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    }
  })();
});
