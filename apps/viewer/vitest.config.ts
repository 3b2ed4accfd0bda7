// Vitest configuration for the viewer: unit tests beside the code (src/**/*.test.ts) and browser e2e tests (e2e/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@rapier-gym/source'] },
  ssr: { resolve: { conditions: ['@rapier-gym/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    environment: 'node',
    watch: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
