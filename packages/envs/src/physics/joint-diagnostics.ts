// Joint-error diagnostics for stability checks: how far impulse joints drift apart and past their limits.
import type { JointStateReader } from './joint-state.js';
import { rotateInto } from './quat-math.js';
import type { PhysicsWorld } from './world-builder.js';

export interface JointErrors {
  /** Largest world distance (m) between the two bodies' copies of a joint anchor (off-axis only, for slide joints). */
  separation: number;
  /** Largest excursion past a joint range: radians for hinges, metres for slides (0 inside the range). */
  hingeOvershoot: number;
  slideOvershoot: number;
}

/** Measures every impulse joint from the reader's (refreshed) cache and the qpos it last read. */
export function jointErrors(physics: PhysicsWorld, reader: JointStateReader, qpos: ArrayLike<number>): JointErrors {
  const c = reader.cache;
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  let separation = 0;
  let hingeOvershoot = 0;
  let slideOvershoot = 0;
  for (const built of physics.joints) {
    if (built.realisation !== 'impulse') continue;
    const oc = 16 * built.childGroup;
    const op = 16 * built.parentGroup;
    rotateInto(c[oc + 3]!, c[oc + 4]!, c[oc + 5]!, c[oc + 6]!, built.anchorChild[0], built.anchorChild[1], built.anchorChild[2], a, 0);
    rotateInto(c[op + 3]!, c[op + 4]!, c[op + 5]!, c[op + 6]!, built.anchorParent[0], built.anchorParent[1], built.anchorParent[2], b, 0);
    let dx = c[oc]! + a[0]! - c[op]! - b[0]!;
    let dy = c[oc + 1]! + a[1]! - c[op + 1]! - b[1]!;
    let dz = c[oc + 2]! + a[2]! - c[op + 2]! - b[2]!;
    const j = built.joint;
    if (j.type === 'slide') {
      // a slide joint's anchors move apart along its axis by design: only the off-axis part is separation
      const ax = built.axisChild;
      rotateInto(c[op + 3]!, c[op + 4]!, c[op + 5]!, c[op + 6]!, ax[0], ax[1], ax[2], a, 0);
      const along = dx * a[0]! + dy * a[1]! + dz * a[2]!;
      dx -= along * a[0]!; dy -= along * a[1]!; dz -= along * a[2]!;
    }
    separation = Math.max(separation, Math.hypot(dx, dy, dz));
    if (!j.limited || (j.type !== 'hinge' && j.type !== 'slide')) continue;
    const q = qpos[j.qposAddress]!;
    const over = Math.max(0, j.range[0] - q, q - j.range[1]);
    if (j.type === 'hinge') hingeOvershoot = Math.max(hingeOvershoot, over);
    else slideOvershoot = Math.max(slideOvershoot, over);
  }
  return { separation, hingeOvershoot, slideOvershoot };
}
