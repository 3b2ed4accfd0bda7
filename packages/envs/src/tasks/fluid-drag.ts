// MuJoCo's inertia-box fluid forces (viscosity and density in <option>) applied to the Rapier bodies before each step.
import type { Quat, Vec3 } from '../core/scene.js';
import { inertiaBoxFluidWrench } from '../mjcf/inertia-box-fluid.js';
import { composePoses, poseInAncestor } from '../mjcf/kinematics.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import type { JointStateReader } from '../physics/joint-state.js';
import { quatMulInto, rotateInto } from '../physics/quat-math.js';
import { rawWorldIO } from '../physics/raw-world-io.js';
import type { PhysicsWorld } from '../physics/world-builder.js';

interface FluidBody {
  body: number;
  group: number;
  /** The MuJoCo body's COM and principal frame in its rigid group's frame. */
  com: Vec3;
  frame: Quat;
}

/**
 * MuJoCo applies the fluid wrench of each body at its COM (engine_passive.c `mj_inertiaBoxFluidModel`, explicit in
 * time); here it is recomputed from the current Rapier state before every world step and set as the body's force
 * and torque (Rapier keeps forces until reset, so they are reset first). `massModel` gives the bodies' own mass
 * properties (MuJoCo's `body_mass`, `body_inertia`, without any armature folded into the Rapier bodies).
 */
export class FluidDrag {
  private readonly parts: FluidBody[] = [];
  private readonly groups: number[];
  private readonly t = new Float64Array(4);

  constructor(private readonly massModel: MjcfModel, physics: PhysicsWorld) {
    for (const body of massModel.bodies) {
      if (body.id === 0 || body.mass <= 0) continue;
      const group = physics.groups.groupOfBody[body.id]!;
      const inRoot = poseInAncestor(massModel, body.id, physics.groups.groups[group]!.root);
      const inertial = composePoses(inRoot, { pos: body.com, quat: body.inertiaQuat });
      this.parts.push({ body: body.id, group, com: inertial.pos, frame: inertial.quat });
    }
    this.groups = [...new Set(this.parts.map((p) => p.group))];
  }

  /** True when the model's medium has density or viscosity. */
  get active(): boolean {
    return this.massModel.option.density > 0 || this.massModel.option.viscosity > 0;
  }

  /** Sets every body's force and torque to its fluid wrench; `reader` must hold the current state. */
  apply(physics: PhysicsWorld, reader: JointStateReader): void {
    const c = reader.cache;
    for (const g of this.groups) {
      physics.bodies[g]!.resetForces(false);
      physics.bodies[g]!.resetTorques(false);
    }
    const t = this.t;
    const io = rawWorldIO(physics.R);
    const raw = physics.world.bodies.raw;
    for (const part of this.parts) {
      const o = 16 * part.group;
      const qx = c[o + 3]!, qy = c[o + 4]!, qz = c[o + 5]!, qw = c[o + 6]!;
      rotateInto(qx, qy, qz, qw, part.com[0], part.com[1], part.com[2], t, 0);
      const px = c[o]! + t[0]!, py = c[o + 1]! + t[1]!, pz = c[o + 2]! + t[2]!;
      const wx = c[o + 13]!, wy = c[o + 14]!, wz = c[o + 15]!;
      const rx = px - c[o + 7]!, ry = py - c[o + 8]!, rz = pz - c[o + 9]!;
      const velocity: Vec3 = [c[o + 10]! + wy * rz - wz * ry, c[o + 11]! + wz * rx - wx * rz, c[o + 12]! + wx * ry - wy * rx];
      quatMulInto(qx, qy, qz, qw, part.frame[0], part.frame[1], part.frame[2], part.frame[3], t, 0);
      const frame: Quat = [t[0]!, t[1]!, t[2]!, t[3]!];
      const body = this.massModel.bodies[part.body]!;
      const wrench = inertiaBoxFluidWrench(body, frame, velocity, [wx, wy, wz], this.massModel.option);
      const h = physics.bodies[part.group]!.handle;
      io.addForceAtPoint(raw, h, wrench.force[0], wrench.force[1], wrench.force[2], px, py, pz, false);
      io.addTorque(raw, h, wrench.torque[0], wrench.torque[1], wrench.torque[2], false);
    }
  }
}
