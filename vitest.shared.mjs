// Vitest settings every project shares: sources through the @rapier-gym/source condition, node, no watch mode.
import { defineConfig } from 'vitest/config';

/** A project's Vitest config: tests beside the code (src/**\/*.test.ts) unless `test` overrides it. */
export function workspaceVitestConfig(test = {}) {
  return defineConfig({
    resolve: { conditions: ['@rapier-gym/source'] },
    ssr: { resolve: { conditions: ['@rapier-gym/source'] } },
    test: { include: ['src/**/*.test.ts'], environment: 'node', watch: false, testTimeout: 60_000, ...test },
  });
}
