// MuJoCo's `xipos` (a body's centre of mass in world, Gymnasium's `get_body_com`) read from the Rapier bodies.
import type { Vec3 } from '../core/scene.js';
import { composePoses, poseInAncestor } from '../mjcf/kinematics.js';
import type { JointStateReader } from '../physics/joint-state.js';
import { rotateInto } from '../physics/quat-math.js';
import type { PhysicsWorld } from '../physics/world-builder.js';

/**
 * World COM of named MuJoCo bodies, including bodies welded into a rigid group (Reacher's fingertip, Pusher's
 * tips_arm): the group's pose from the reader's cache composed with the body's COM in the group frame.
 * Uses the bodies' own mass properties from `physics.model` unless `comOf` gives another (body frame) COM.
 */
export class BodyComs {
  private readonly parts: { group: number; com: Vec3 }[];
  private readonly t = new Float64Array(3);

  constructor(physics: PhysicsWorld, names: readonly string[], id: string, comOf?: (body: number) => Vec3) {
    const model = physics.model;
    this.parts = names.map((name) => {
      const body = model.bodies.find((b) => b.name === name);
      if (!body || body.id === 0) {
        throw new Error(`${id}: the model has no body named "${name}"; expected one of ${model.bodies.slice(1).map((b) => b.name).join(', ')}`);
      }
      const group = physics.groups.groupOfBody[body.id]!;
      const inRoot = poseInAncestor(model, body.id, physics.groups.groups[group]!.root);
      return { group, com: composePoses(inRoot, { pos: comOf ? comOf(body.id) : body.com, quat: [0, 0, 0, 1] }).pos };
    });
  }

  /** Writes the world COM of the `index`-th named body into out[offset..offset+3]; `reader` must be refreshed. */
  read(reader: JointStateReader, index: number, out: Float64Array, offset = 0): void {
    const part = this.parts[index]!;
    const c = reader.cache;
    const o = 16 * part.group;
    rotateInto(c[o + 3]!, c[o + 4]!, c[o + 5]!, c[o + 6]!, part.com[0], part.com[1], part.com[2], this.t, 0);
    out[offset] = c[o]! + this.t[0]!;
    out[offset + 1] = c[o + 1]! + this.t[1]!;
    out[offset + 2] = c[o + 2]! + this.t[2]!;
  }
}
