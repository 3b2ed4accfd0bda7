// Vitest configuration of the learning suite (npm run test:learning): minutes-long runs with published thresholds.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@rapier-gym/source'] },
  ssr: { resolve: { conditions: ['@rapier-gym/source'] } },
  test: {
    include: ['learning/**/*.test.ts'],
    environment: 'node',
    watch: false,
    testTimeout: 900_000,
    fileParallelism: false,
  },
});
