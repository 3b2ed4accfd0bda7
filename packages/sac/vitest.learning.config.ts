// Vitest configuration of the learning suite (npm run test:learning): minutes-long runs with published thresholds.
import { workspaceVitestConfig } from '../../vitest.shared.mjs';

export default workspaceVitestConfig({ include: ['learning/**/*.test.ts'], testTimeout: 900_000, fileParallelism: false });
