// Vitest configuration for the viewer: unit tests beside the code (src/**/*.test.ts) and browser e2e tests (e2e/).
import { workspaceVitestConfig } from '../../vitest.shared.mjs';

export default workspaceVitestConfig({ include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'], hookTimeout: 60_000 });
