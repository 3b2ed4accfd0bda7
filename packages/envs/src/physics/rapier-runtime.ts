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
    detachRapierClock(rapier);
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

/**
 * Rapier's stage timers call `performance.now()` about 32 times per world step even with its profiler off (measured:
 * 128 calls per Hopper env step), each a WebAssembly → JS call whose result Node boxes: about 5 % of a Hopper step and
 * 2 KB of garbage per env step, and garbage collection on a helper thread takes CPU from vector-env workers. The
 * binding fetches `globalThis.performance` once, on the first timer call, and keeps that object; so one empty world
 * is stepped while `globalThis.performance` is a stand-in whose `now()` returns 0, and the real one is put back at
 * once. Only Rapier's own profiler (`world.timing*()`, unused here) then reads 0. Where `performance` cannot be
 * replaced, Rapier keeps the real clock.
 */
function detachRapierClock(R: Rapier): void {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'performance');
  if (descriptor && !descriptor.configurable) return;
  const standIn = { now: (): number => 0 };
  try {
    Object.defineProperty(globalThis, 'performance', { value: standIn, configurable: true, writable: true });
    const world = new R.World({ x: 0, y: 0, z: 0 });
    world.step();
    world.free();
  } finally {
    if (descriptor) Object.defineProperty(globalThis, 'performance', descriptor);
    else delete (globalThis as { performance?: unknown }).performance;
  }
}
