// Rapier-only conditioning of very light links: raise a link's rotational inertia to a floor, taking it off the armature.
import type { SymmetricTensor } from '../mjcf/math3d.js';
import type { MjcfBody, MjcfJoint, MjcfModel } from '../mjcf/mjcf-model.js';

/**
 * Rapier's iterative solver converges slowly when a joint limit acts on a link whose inertia is orders of magnitude
 * below its neighbours' (Pusher's 5 g wrist_flex link: 2.5e-7 kg·m² between links of ~1e-3), so the limit gives way.
 * For each body whose principal moments all lie below `floor` and that carries exactly one hinge with armature, this
 * raises every principal moment to `floor` (mass and COM unchanged) and takes the added inertia about the hinge
 * axis off that hinge's armature, so the hinge's own diagonal of the mass matrix stays MuJoCo's. Joints above the
 * body see up to `floor` more inertia (a documented deviation; Pusher: 2.5e-5 against their ≥ 0.04 armature).
 * Returns a copy of the model and the names of the bodies changed.
 */
export function raiseLightLinkInertia(model: MjcfModel, floor: number): { model: MjcfModel; raised: string[] } {
  const bodies = model.bodies.map((b) => b);
  const joints = model.joints.map((j) => j);
  const raised: string[] = [];
  for (const body of model.bodies) {
    if (body.id === 0 || body.joints.length !== 1) continue;
    const hinge = model.joints[body.joints[0]!]!;
    if (hinge.type !== 'hinge' || hinge.armature <= 0) continue;
    if (body.principalInertia.some((v) => v >= floor)) continue;
    const t = [...body.inertiaTensor] as SymmetricTensor;
    // adding (floor − I_k) along each principal axis k: ΔT = R·diag(Δ)·Rᵀ, here with R from inertiaQuat
    const delta = body.principalInertia.map((v) => floor - v);
    const [qx, qy, qz, qw] = body.inertiaQuat;
    const axes = [
      [1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy + qw * qz), 2 * (qx * qz - qw * qy)],
      [2 * (qx * qy - qw * qz), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz + qw * qx)],
      [2 * (qx * qz + qw * qy), 2 * (qy * qz - qw * qx), 1 - 2 * (qx * qx + qy * qy)],
    ];
    let aboutHinge = 0;
    for (let k = 0; k < 3; k++) {
      const a = axes[k]!;
      const d = delta[k]!;
      t[0] += d * a[0]! * a[0]!; t[1] += d * a[1]! * a[1]!; t[2] += d * a[2]! * a[2]!;
      t[3] += d * a[0]! * a[1]!; t[4] += d * a[0]! * a[2]!; t[5] += d * a[1]! * a[2]!;
      const c = a[0]! * hinge.axis[0] + a[1]! * hinge.axis[1] + a[2]! * hinge.axis[2];
      aboutHinge += d * c * c;
    }
    if (aboutHinge >= hinge.armature) continue;
    bodies[body.id] = { ...body, principalInertia: [floor, floor, floor], inertiaTensor: t } as MjcfBody;
    joints[hinge.id] = { ...hinge, armature: hinge.armature - aboutHinge } as MjcfJoint;
    raised.push(body.name);
  }
  return { model: { ...model, bodies, joints }, raised };
}
