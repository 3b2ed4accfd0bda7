// Allocation-free world steps and body-state reads and writes through Rapier's raw API (the hot path of every env step).
import type { World } from '@dimforge/rapier3d-simd-compat';
import type { Rapier } from './rapier-runtime.js';

/** A world's raw rigid-body set (`world.bodies.raw`). */
export type RawBodySet = World['bodies']['raw'];
type RawVector = ReturnType<Rapier['VectorOps']['intoRaw']>;

/**
 * Rapier's object API allocates on every call: `body.translation()` returns a new object, and `world.step()`,
 * `setLinvel`, `addTorque` and `addForceAtPoint` wrap a vector argument in a new WebAssembly `RawVector` registered
 * with a finalizer.
 * At thousands of env steps per second that garbage costs scavenges of 1–2 ms, and in a vector env a pause on one
 * thread stalls the others. This keeps one scratch buffer and two reusable raw vectors per Rapier module and calls
 * the world's raw body set (`world.bodies.raw`) with body handles directly; the numbers written are the same f32 values the object API would write.
 */
export class RawWorldIO {
  /** Filled by `read*` (x, y, z[, w]); valid until the next call. */
  readonly f = new Float32Array(4);
  private readonly a: RawVector;
  private readonly b: RawVector;

  constructor(R: Rapier) {
    this.a = R.VectorOps.intoRaw({ x: 0, y: 0, z: 0 });
    this.b = R.VectorOps.intoRaw({ x: 0, y: 0, z: 0 });
  }

  /** `world.step()` without its per-call gravity RawVector (the same raw pipeline call, no event queue or hooks). */
  step(world: World): void {
    const g = world.gravity;
    world.physicsPipeline.raw.step(
      this.vector(g.x, g.y, g.z),
      world.integrationParameters.raw,
      world.islands.raw,
      world.broadPhase.raw,
      world.narrowPhase.raw,
      world.bodies.raw,
      world.colliders.raw,
      world.impulseJoints.raw,
      world.multibodyJoints.raw,
      world.ccdSolver.raw,
    );
  }

  readTranslation(raw: RawBodySet, h: number): Float32Array {
    raw.rbTranslation(h, this.f);
    return this.f;
  }

  readRotation(raw: RawBodySet, h: number): Float32Array {
    raw.rbRotation(h, this.f);
    return this.f;
  }

  readLinvel(raw: RawBodySet, h: number): Float32Array {
    raw.rbLinvel(h, this.f);
    return this.f;
  }

  readAngvel(raw: RawBodySet, h: number): Float32Array {
    raw.rbAngvel(h, this.f);
    return this.f;
  }

  setTranslation(raw: RawBodySet, h: number, x: number, y: number, z: number, wakeUp: boolean): void {
    raw.rbSetTranslation(h, x, y, z, wakeUp);
  }

  setRotation(raw: RawBodySet, h: number, x: number, y: number, z: number, w: number, wakeUp: boolean): void {
    raw.rbSetRotation(h, x, y, z, w, wakeUp);
  }

  setLinvel(raw: RawBodySet, h: number, x: number, y: number, z: number, wakeUp: boolean): void {
    raw.rbSetLinvel(h, this.vector(x, y, z), wakeUp);
  }

  setAngvel(raw: RawBodySet, h: number, x: number, y: number, z: number, wakeUp: boolean): void {
    raw.rbSetAngvel(h, this.vector(x, y, z), wakeUp);
  }

  addTorque(raw: RawBodySet, h: number, x: number, y: number, z: number, wakeUp: boolean): void {
    raw.rbAddTorque(h, this.vector(x, y, z), wakeUp);
  }

  addForce(raw: RawBodySet, h: number, x: number, y: number, z: number, wakeUp: boolean): void {
    raw.rbAddForce(h, this.vector(x, y, z), wakeUp);
  }

  /** Force (fx, fy, fz) at the world point (px, py, pz). */
  addForceAtPoint(raw: RawBodySet, h: number, fx: number, fy: number, fz: number, px: number, py: number, pz: number, wakeUp: boolean): void {
    const point = this.b;
    point.x = px;
    point.y = py;
    point.z = pz;
    raw.rbAddForceAtPoint(h, this.vector(fx, fy, fz), point, wakeUp);
  }

  private vector(x: number, y: number, z: number): RawVector {
    const v = this.a;
    v.x = x;
    v.y = y;
    v.z = z;
    return v;
  }
}

const perModule = new WeakMap<Rapier, RawWorldIO>();

/** The RawWorldIO of a Rapier module (one per module: its raw vectors live in that module's memory). */
export function rawWorldIO(R: Rapier): RawWorldIO {
  let io = perModule.get(R);
  if (!io) {
    io = new RawWorldIO(R);
    perModule.set(R, io);
  }
  return io;
}
