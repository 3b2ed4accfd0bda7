// Vitest configuration for @rapier-gym/protocol: tests sit beside the code as src/**/*.test.ts.
import { workspaceVitestConfig } from '../../vitest.shared.mjs';

export default workspaceVitestConfig();
