// Types of vitest.shared.mjs (kept as plain JavaScript so every project's config can import it across rootDirs).
import type { UserConfig } from 'vitest/config';

export declare function workspaceVitestConfig(test?: NonNullable<UserConfig['test']>): UserConfig;
