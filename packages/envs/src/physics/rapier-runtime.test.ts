import { describe, expect, it } from 'vitest';
import { init, isInitialized, rapier } from './rapier-runtime.js';

describe('Rapier runtime', () => {
  it('throws a clear error before init() and works after it', async () => {
    expect(isInitialized()).toBe(false);
    expect(() => rapier('Hopper-v5')).toThrow('Hopper-v5 needs Rapier\'s WebAssembly: call `await init()` (exported by @rapier-gym/envs) once before make()');
    const first = init();
    expect(init()).toBeInstanceOf(Promise);
    await first;
    expect(isInitialized()).toBe(true);
    const R = rapier();
    const world = new R.World({ x: 0, y: 0, z: -9.81 });
    const body = world.createRigidBody(R.RigidBodyDesc.dynamic().setTranslation(0, 0, 1));
    world.createCollider(R.ColliderDesc.ball(0.1), body);
    world.timestep = 0.01;
    for (let i = 0; i < 10; i++) world.step();
    // Free fall under gravity for 0.1 s: v = -g·t exactly; z between the explicit and symplectic Euler bounds.
    expect(body.linvel().z).toBeCloseTo(-9.81 * 0.1, 4);
    expect(body.translation().z).toBeLessThan(1 - 9.81 * 1e-4 * 45);
    expect(body.translation().z).toBeGreaterThan(1 - 9.81 * 1e-4 * 55);
    world.free();
  });

  it('leaves globalThis.performance as it was, and Rapier steps no longer call it', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'performance');
    await init();
    expect(Object.getOwnPropertyDescriptor(globalThis, 'performance')).toEqual(before);
    const R = rapier();
    const world = new R.World({ x: 0, y: 0, z: -9.81 });
    world.createCollider(R.ColliderDesc.ball(0.1), world.createRigidBody(R.RigidBodyDesc.dynamic()));
    const real = performance.now;
    let calls = 0;
    performance.now = () => {
      calls++;
      return real.call(performance);
    };
    try {
      for (let i = 0; i < 5; i++) world.step();
    } finally {
      performance.now = real;
      world.free();
    }
    expect(calls).toBe(0);
    expect(performance.now()).toBeGreaterThan(0);
  });
});
