// Loads Rapier's WebAssembly once (`await init()`), so that make() and every Env method can stay synchronous.
import type * as RapierModule from '@dimforge/rapier3d-simd-compat';

/** The Rapier 3D module used by the physics envs (the SIMD build; see docs for the measured choice). */
export type Rapier = typeof RapierModule;

let loaded: Rapier | undefined;
let loading: Promise<Rapier> | undefined;

/**
 * Loads Rapier's WebAssembly (inlined in the package, so it needs no file or network access) and makes the physics
 * envs constructible. Call it once before `make` of a physics env; later calls return the same promise. Classic
 * control envs need no initialisation.
 */
export function init(): Promise<void> {
  loading ??= (async () => {
    const mod = (await import('@dimforge/rapier3d-simd-compat')) as unknown as Rapier & { default?: Rapier };
    const rapier = (mod.default ?? mod) as Rapier;
    await rapier.init();
    loaded = rapier;
    return rapier;
  })();
  return loading.then(() => undefined);
}

/** True once `init()` has finished. */
export function isInitialized(): boolean {
  return loaded !== undefined;
}

/** The loaded Rapier module; throws a clear error when `init()` has not been awaited yet. */
export function rapier(forEnv = 'this env'): Rapier {
  if (!loaded) {
    throw new Error(`${forEnv} needs Rapier's WebAssembly: call \`await init()\` (exported by @rapier-gym/envs) once before make()`);
  }
  return loaded;
}
