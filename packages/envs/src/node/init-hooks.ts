// Module init hooks of WorkerVectorEnv: this package's init() (Rapier's WebAssembly), then the user's modules and their init().

/**
 * Awaits `init()` of this package's main entry when it exports one, then imports each user module in order and
 * awaits its exported `init()` when present: registration modules of user envs work either by registering at import
 * or from `init()`. Runs in every worker, and on the main thread when it steps a share of the sub-envs.
 */
export async function runInitHooks(modules: readonly string[]): Promise<void> {
  const packageEntry = (await import('../index.js')) as unknown as Record<string, unknown>;
  const entryInit = packageEntry['init'];
  if (typeof entryInit === 'function') await (entryInit as () => unknown)();
  for (const specifier of modules) {
    const mod = (await import(specifier)) as Record<string, unknown>;
    if (typeof mod['init'] === 'function') await (mod['init'] as () => unknown)();
  }
}
