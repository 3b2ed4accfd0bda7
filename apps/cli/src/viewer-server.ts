// Starts @rapier-gym/server for the CLI: the runs folder, the built viewer, and on-demand rollouts via loadPolicy.
import { createEnvRolloutRunner, startServer, type RunningServer } from '@rapier-gym/server';
import { loadPolicy } from '@rapier-gym/sac';
import { CommandError } from './usage-error.js';

export interface ViewerServer {
  server: RunningServer;
}

export interface ViewerServerOptions {
  runsDir: string;
  viewerDir: string | undefined;
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

/** Starts the server; a listen failure (port in use, bad host) becomes a one-line CommandError. */
export async function startViewerServer(options: ViewerServerOptions): Promise<ViewerServer> {
  const server = await startServer({
    runsDir: options.runsDir,
    ...(options.viewerDir ? { viewerDir: options.viewerDir } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.log ? { log: options.log } : {}),
    rolloutRunner: createEnvRolloutRunner({ loadPolicy: (runDir, step) => loadPolicy(runDir, { step }) }),
  }).catch((error: unknown) => {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  });
  return { server };
}
