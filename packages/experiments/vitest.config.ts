// Vitest configuration for @rapier-gym/experiments: tests sit beside the code as src/**/*.test.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@rapier-gym/source'] },
  ssr: { resolve: { conditions: ['@rapier-gym/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    watch: false,
    testTimeout: 60_000,
  },
});
