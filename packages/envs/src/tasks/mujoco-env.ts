// MujocoEnv: the base of the locomotion tasks (gymnasium/envs/mujoco/mujoco_env.py) on a Rapier world built from MJCF.
import { BaseEnv } from '../core/base-env.js';
import type { EnvMetadata, StepResult } from '../core/env.js';
import { POSE_STRIDE, type SceneBody, type SceneDescription } from '../core/scene.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import { loadRobot } from '../robots/robot-models.js';
import { ROBOT_FILES } from '../robots/robot-files.generated.js';
import { applyState } from '../physics/apply-state.js';
import { ArmatureMotors } from '../physics/armature-motor.js';
import { contactPoints, type ContactPoint } from '../physics/contact-forces.js';
import { JointStateReader } from '../physics/joint-state.js';
import { rotateInto } from '../physics/quat-math.js';
import { jointErrors, type JointErrors } from '../physics/joint-diagnostics.js';
import { projectOntoPlane } from '../physics/planar-projection.js';
import { rapier } from '../physics/rapier-runtime.js';
import { rawWorldIO } from '../physics/raw-world-io.js';
import { buildWorld, restoreWorld, worldBlueprint, type PhysicsWorld, type WorldBlueprint, type WorldSettings } from '../physics/world-builder.js';
import { Box } from '../spaces/box.js';
import type { TaskOverlay } from './task-overlay.js';

/** `xml_file`: a robot name from src/robots (`hopper`) or the MJCF text itself (starting with `<`). */
export function loadTaskModel(xmlFile: string, id: string): MjcfModel {
  if (typeof xmlFile !== 'string' || xmlFile.length === 0) throw new Error(`${id}: xml_file must be a robot name or MJCF text, got ${String(xmlFile)}`);
  if (xmlFile.trimStart().startsWith('<')) return loadMjcf(xmlFile);
  if (!Object.prototype.hasOwnProperty.call(ROBOT_FILES, xmlFile)) {
    throw new Error(`${id}: xml_file "${xmlFile}" is neither MJCF text nor a robot name; expected one of ${Object.keys(ROBOT_FILES).sort().join(', ')}`);
  }
  return loadRobot(xmlFile);
}

/**
 * Mirrors MujocoEnv: `frame_skip` physics steps per env step, `dt = timestep · frame_skip`, `init_qpos = qpos0`,
 * `init_qvel = 0`, `set_state(qpos, qvel)`, `state_vector()`. The world is rebuilt on every reset, so a seed and a
 * list of actions give bit-identical trajectories. A physics blow-up (non-finite state, a qvel component beyond the
 * overlay's `maxSpeed`, or a Rapier exception) ends the episode with `truncated: true`, `info.physics_error` and
 * the last finite observation.
 */
export abstract class MujocoEnv extends BaseEnv<Float32Array, Float32Array> {
  readonly model: MjcfModel;
  readonly frameSkip: number;
  readonly overlay: TaskOverlay;
  readonly actionSpace: Box;
  abstract override readonly observationSpace: Box;
  readonly metadata: EnvMetadata;
  readonly qpos: Float64Array;
  readonly qvel: Float64Array;
  readonly initQpos: Float64Array;
  readonly initQvel: Float64Array;
  protected physics!: PhysicsWorld;
  protected reader!: JointStateReader;
  private motors!: ArmatureMotors;
  private readonly ctrl: Float64Array;
  private readonly worldSettings: WorldSettings;
  private readonly blueprint: WorldBlueprint;
  private template: { physics: PhysicsWorld; snapshot: Uint8Array } | undefined;
  private sceneCache: SceneDescription | undefined;
  private lastObs: Float32Array | undefined;

  protected constructor(readonly id: string, model: MjcfModel, frameSkip: number, overlay: TaskOverlay) {
    super();
    rapier(id);
    if (!Number.isInteger(frameSkip) || frameSkip < 1) throw new Error(`${id}: frame_skip must be a positive integer, got ${String(frameSkip)}`);
    this.model = model;
    this.frameSkip = frameSkip;
    this.overlay = overlay;
    this.qpos = Float64Array.from(model.qpos0);
    this.qvel = new Float64Array(model.nv);
    this.initQpos = Float64Array.from(model.qpos0);
    this.initQvel = new Float64Array(model.nv);
    this.ctrl = new Float64Array(model.nu);
    const low = new Float32Array(model.nu);
    const high = new Float32Array(model.nu);
    model.actuators.forEach((a, i) => {
      low[i] = a.ctrlLimited ? a.ctrlRange[0] : -Infinity;
      high[i] = a.ctrlLimited ? a.ctrlRange[1] : Infinity;
    });
    this.actionSpace = new Box(low, high);
    this.worldSettings = {
      timestep: model.option.timestep / overlay.substeps,
      solverIterations: overlay.solverIterations,
      pgsIterations: overlay.pgsIterations,
      limitClamp: overlay.limitClamp,
      softLimits: overlay.softLimits,
    };
    this.blueprint = worldBlueprint(model);
    this.metadata = { renderFps: Math.round(1 / this.dt), renderModes: ['scene'] };
    this.rebuild();
  }

  /** Seconds per env step: MuJoCo's timestep × frame_skip. */
  get dt(): number {
    return this.model.option.timestep * this.frameSkip;
  }

  /** The Rapier world (for tools and tests; rebuilt on every reset). */
  get physicsWorld(): PhysicsWorld {
    return this.physics;
  }

  /** MuJoCo's `state_vector()`: qpos then qvel. */
  stateVector(): Float64Array {
    const s = new Float64Array(this.model.nq + this.model.nv);
    s.set(this.qpos);
    s.set(this.qvel, this.model.nq);
    return s;
  }

  /** MuJoCo's `set_state`: a fresh world posed at (qpos, qvel). */
  setState(qpos: ArrayLike<number>, qvel: ArrayLike<number>): void {
    this.rebuild();
    applyState(this.physics, qpos, qvel);
    this.reader.refresh();
    this.reader.resetUnwrap(qpos);
    this.qpos.set(qpos);
    this.qvel.set(qvel);
  }

  /** World position of a site (MuJoCo's `site_xpos[id]`), from the current body states. */
  siteWorldPosition(siteId: number): [number, number, number] {
    const group = this.physics.groups.groupOfBody[this.model.sites[siteId]!.body]!;
    const part = this.physics.groups.groups[group]!.sites.find((s) => s.id === siteId)!;
    const c = this.reader.cache;
    const o = 16 * group;
    const out = new Float64Array(3);
    rotateInto(c[o + 3]!, c[o + 4]!, c[o + 5]!, c[o + 6]!, part.pos[0], part.pos[1], part.pos[2], out, 0);
    return [c[o]! + out[0]!, c[o + 1]! + out[1]!, c[o + 2]! + out[2]!];
  }

  /** How far the impulse joints have drifted apart and past their limits now (stability diagnostics). */
  jointErrors(): JointErrors {
    return jointErrors(this.physics, this.reader, this.qpos);
  }

  /** Contact points and forces after the last step, for the viewer (not computed unless asked for). */
  contacts(): ContactPoint[] {
    return contactPoints(this.physics);
  }

  scene(): SceneDescription {
    this.sceneCache ??= this.buildScene();
    return this.sceneCache;
  }

  poses(out?: Float32Array): Float32Array {
    const bodies = this.physics.bodies;
    const buffer = out ?? new Float32Array(POSE_STRIDE * bodies.length);
    const io = rawWorldIO(this.physics.R);
    const raw = this.physics.world.bodies.raw;
    for (let g = 0; g < bodies.length; g++) {
      const o = POSE_STRIDE * g;
      const h = bodies[g]!.handle;
      const p = io.readTranslation(raw, h);
      buffer[o] = p[0]!; buffer[o + 1] = p[1]!; buffer[o + 2] = p[2]!;
      const q = io.readRotation(raw, h);
      buffer[o + 3] = q[0]!; buffer[o + 4] = q[1]!; buffer[o + 5] = q[2]!; buffer[o + 6] = q[3]!;
    }
    return buffer;
  }

  override close(): void {
    this.physics.world.free();
    this.template?.physics.world.free();
  }

  /** Runs frame_skip physics steps with `action` as ctrl; returns a physics-error message or undefined. */
  protected simulate(action: Float32Array): string | undefined {
    this.ctrl.set(action);
    const steps = this.frameSkip * this.overlay.substeps;
    const { world } = this.physics;
    const io = rawWorldIO(this.physics.R);
    try {
      for (let i = 0; i < steps; i++) {
        if (this.motors.count > 0) {
          this.reader.refresh();
          this.motors.configure(this.ctrl, this.reader);
        }
        this.beforeWorldStep();
        if (i === steps - 1) this.beforeLastWorldStep();
        io.step(world);
      }
      projectOntoPlane(this.physics);
      this.reader.refresh();
      this.reader.read(this.qpos, this.qvel);
    } catch (error) {
      return `Rapier raised an exception: ${error instanceof Error ? error.message : String(error)}`;
    }
    for (let i = 0; i < this.qpos.length; i++) if (!Number.isFinite(this.qpos[i]!)) return `qpos[${i}] is ${this.qpos[i]}`;
    for (let i = 0; i < this.qvel.length; i++) {
      const v = this.qvel[i]!;
      if (!Number.isFinite(v)) return `qvel[${i}] is ${v}`;
      if (Math.abs(v) > this.overlay.maxSpeed) return `qvel[${i}] = ${v.toPrecision(4)} exceeds the runaway limit ${this.overlay.maxSpeed}`;
    }
    return undefined;
  }

  /** Called before every Rapier step, after the motors are configured (passive forces such as fluid drag; default: nothing). */
  protected beforeWorldStep(): void {}

  /** Called before the last Rapier step of an env step, with the reader refreshed when motors exist (default: nothing). */
  protected beforeLastWorldStep(): void {}

  /** The step result for a physics blow-up: the last finite observation, truncated, `info.physics_error`. */
  protected physicsErrorStep(message: string): StepResult<Float32Array> {
    const obs = this.lastObs ? this.lastObs.slice() : new Float32Array(this.observationSpace.size);
    return { obs, reward: 0, terminated: false, truncated: true, info: { physics_error: message } };
  }

  /** Records an observation as the last finite one and returns it. */
  protected remember(obs: Float32Array): Float32Array {
    this.lastObs = obs;
    return obs;
  }

  /** Uniform noise U(−scale, scale) per entry, added to `base` (Gymnasium's `np_random.uniform`). */
  protected uniformNoise(base: Float64Array, scale: number): Float64Array {
    const out = new Float64Array(base.length);
    for (let i = 0; i < base.length; i++) out[i] = base[i]! + this.rng.uniformIn(-scale, scale);
    return out;
  }

  /** Gaussian noise scale·N(0, 1) per entry, added to `base` (Gymnasium's `scale * np_random.standard_normal`). */
  protected normalNoise(base: Float64Array, scale: number): Float64Array {
    const out = new Float64Array(base.length);
    for (let i = 0; i < base.length; i++) out[i] = base[i]! + scale * this.rng.normal();
    return out;
  }


  /** A fresh world at the rest pose: restored from a snapshot of the first build (bit-identical every time). */
  private rebuild(): void {
    if (!this.template) {
      const built = buildWorld(this.model, this.worldSettings, this.id, this.blueprint);
      this.template = { physics: built, snapshot: built.world.takeSnapshot() };
    }
    if (this.physics) this.physics.world.free();
    this.physics = restoreWorld(this.template.physics, this.template.snapshot);
    this.reader = new JointStateReader(this.physics);
    this.motors = new ArmatureMotors(this.physics, this.worldSettings.limitClamp);
  }

  private buildScene(): SceneDescription {
    const { model } = this.physics;
    const groups = this.physics.groups;
    const bodies: SceneBody[] = groups.groups.map((group, g) => ({
      name: g === 0 ? 'world' : model.bodies[group.root]!.name,
      parent: g === 0 ? -1 : groups.groupOfBody[model.bodies[group.root]!.parent]!,
      geoms: group.geoms.map((part) => {
        const geom = model.geoms[part.id]!;
        return {
          name: geom.name, type: geom.type, size: [...geom.size], pos: [...part.pos], quat: [...part.quat], rgba: [...geom.rgba],
          collides: geom.contype !== 0 || geom.conaffinity !== 0,
        };
      }),
      mass: group.massProperties.mass,
      com: [...group.massProperties.com],
    }));
    return { name: this.id, up: 'z', dt: this.dt, bodies, trackBody: bodies.length > 1 ? 1 : -1 };
  }
}
