// Starting a server on a port that is taken (or on an address that is not ours) fails with one actionable line.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.js';

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('listen errors', () => {
  it('names the port in use and how to choose another', async () => {
    const first = await startServer({ port: 0 });
    servers.push(first);
    await expect(startServer({ port: first.port })).rejects.toThrow(
      new RegExp(`^server: port ${first.port} on 127\\.0\\.0\\.1 is already in use; .*--port 0 for any free port`),
    );
  });

  it('names a host that is not an address of this machine', async () => {
    await expect(startServer({ port: 0, host: '203.0.113.7' })).rejects.toThrow(/^server: cannot listen on 203\.0\.113\.7:0: 203\.0\.113\.7 is not an address of this machine/);
  });
});
