// `rapier-gym serve`: serves a runs folder (recorded rollouts, metrics, on-demand rollouts) and the viewer until Ctrl-C.
import { integerFlag, parseFlags } from './parse-flags.js';
import type { CommandIo } from './train-command.js';
import { UsageError } from './usage-error.js';
import { startViewerServer } from './viewer-server.js';

export const SERVE_HELP = `Usage: rapier-gym serve --runs <DIR> [--port P] [--host H]

Serves the viewer and the runs in DIR (config, metrics, recorded rollouts, on-demand rollouts of checkpoints).

Options:
  --runs <DIR>   the runs folder (each run a subfolder) (required)
  --port <P>     TCP port [0 = any free port]
  --host <H>     interface to bind [127.0.0.1]; 0.0.0.0 exposes every run to the network
  -h, --help     this help`;

const FLAGS = {
  runs: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function serveCommand(argv: string[], io: CommandIo): Promise<number> {
  const flags = parseFlags('serve', argv, FLAGS);
  if (flags.help) {
    io.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  if (!flags.runs) throw new UsageError('serve: --runs <DIR> is required');
  const port = integerFlag('port', flags.port, 0, 65535);
  const { server } = await startViewerServer({
    runsDir: flags.runs,
    viewerDir: io.viewerDir,
    ...(port !== undefined ? { port } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    log: (line) => void io.stderr.write(`${line}\n`),
  });
  io.stdout.write(`viewer: ${server.url}\nWebSocket: ${server.wsUrl}\n`);
  await new Promise<void>((resolve) => {
    const remove = io.onInterrupt(() => {
      remove();
      resolve();
    });
  });
  await server.close();
  return 0;
}
