#!/usr/bin/env node
// The rapier-gym executable: runs the CLI on process.argv and exits with its code.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli.js';

/** The viewer's build folder next to this app in the workspace (apps/viewer/dist), when it has been built. */
function viewerDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../viewer/dist/', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
  viewerDir: viewerDir(),
});
process.exitCode = code;
