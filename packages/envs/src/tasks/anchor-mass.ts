// Rapier-only conditioning of a light jointed link: lend it mass from its parent at the joint anchor (an exact move).
import type { Vec3 } from '../core/scene.js';
import { withPointMass } from '../mjcf/mass-properties.js';
import { quatRotate } from '../mjcf/math3d.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';

/**
 * Rapier's iterative solver holds a joint badly when a link between two others is far lighter than they are
 * (Pusher's 5 g wrist_flex link between a 0.93 kg forearm and a 0.18 kg wrist: 35 mm of joint separation with one
 * TGS substep). This moves a point mass `mass` from the parent body to the body itself, at the body's joint anchor.
 * The anchor is a point of both bodies as long as the joint holds, and a point mass on a hinge axis has no inertia
 * about it, so the mass distribution of the robot, and with it MuJoCo's mass matrix, is unchanged: only how the
 * mass is split between the two Rapier bodies differs. Returns a copy of the model (the input is not modified).
 * Throws when the body is unknown, has no single hinge/slide joint, is a root, or when its parent would keep less
 * than half its mass.
 */
export function lendAnchorMass(model: MjcfModel, bodyName: string, mass: number, id: string): MjcfModel {
  const body = model.bodies.find((b) => b.name === bodyName);
  if (!body) throw new Error(`${id}: lendAnchorMass: no body named "${bodyName}"; expected one of ${model.bodies.map((b) => b.name).join(', ')}`);
  if (!(mass > 0)) throw new Error(`${id}: lendAnchorMass: mass must be a positive number of kg, got ${String(mass)}`);
  if (body.parent <= 0) throw new Error(`${id}: lendAnchorMass: body "${bodyName}" is a root; expected a body jointed to a parent body`);
  if (body.joints.length !== 1) throw new Error(`${id}: lendAnchorMass: body "${bodyName}" has ${body.joints.length} joints; expected exactly one`);
  const joint = model.joints[body.joints[0]!]!;
  if (joint.type !== 'hinge' && joint.type !== 'slide') throw new Error(`${id}: lendAnchorMass: joint "${joint.name}" is a ${joint.type} joint; expected a hinge or slide`);
  const parent = model.bodies[body.parent]!;
  if (parent.mass - mass < 0.5 * parent.mass) {
    throw new Error(`${id}: lendAnchorMass: body "${parent.name}" (${parent.mass} kg) cannot lend ${mass} kg; expected at most half its mass`);
  }
  const turned = quatRotate(body.quat, joint.pos);
  const inParent: Vec3 = [body.pos[0] + turned[0], body.pos[1] + turned[1], body.pos[2] + turned[2]];
  const bodies = model.bodies.slice();
  bodies[body.id] = withPointMass(body, mass, joint.pos);
  bodies[parent.id] = withPointMass(parent, -mass, inParent);
  return { ...model, bodies };
}
