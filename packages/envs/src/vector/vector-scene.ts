// The rendering contract for vector envs: one scene holding every sub-env's bodies, laid out side by side along +Y.
import { POSE_STRIDE, type SceneDescription } from '../core/scene.js';
import { describeValue } from '../core/format.js';

/**
 * Combines sub-env scenes into one: sub-env i's bodies follow sub-env i-1's, renamed `env<i>/<name>`, with parent
 * indices shifted to the new order. `dt`, `up` and the tracked body come from sub-env 0. Geoms are body-local, so
 * the side-by-side layout lives only in the poses (`layOutPoses`).
 */
export function combineScenes(scenes: readonly SceneDescription[]): SceneDescription {
  if (scenes.length === 0) throw new Error('combineScenes: expected at least one scene, got none');
  const first = scenes[0]!;
  const bodies: SceneDescription['bodies'] = [];
  scenes.forEach((scene, i) => {
    const offset = bodies.length;
    for (const body of scene.bodies) {
      bodies.push({ ...body, name: `env${i}/${body.name}`, parent: body.parent < 0 ? body.parent : body.parent + offset });
    }
  });
  return { name: `${first.name} ×${scenes.length}`, up: first.up, dt: first.dt, bodies, trackBody: first.trackBody };
}

/** Number of pose floats of each sub-env scene, and their start offsets in the combined pose buffer. */
export function poseLayout(scenes: readonly SceneDescription[]): { sizes: number[]; starts: number[]; total: number } {
  const sizes = scenes.map((s) => s.bodies.length * POSE_STRIDE);
  const starts: number[] = [];
  let total = 0;
  for (const size of sizes) {
    starts.push(total);
    total += size;
  }
  return { sizes, starts, total };
}

/** Adds the layout offset (sub-env i at y + i × spacing) to poses written in sub-env order. */
export function layOutPoses(poses: Float32Array, starts: readonly number[], sizes: readonly number[], spacing: number): void {
  if (spacing === 0) return;
  for (let i = 1; i < starts.length; i++) {
    const dy = i * spacing;
    const end = starts[i]! + sizes[i]!;
    for (let k = starts[i]! + 1; k < end; k += POSE_STRIDE) poses[k] = poses[k]! + dy;
  }
}

/** Returns `out`, or a new buffer when omitted; throws when `out` has the wrong length. */
export function poseBuffer(label: string, out: Float32Array | undefined, total: number): Float32Array {
  if (out === undefined) return new Float32Array(total);
  if (!(out instanceof Float32Array) || out.length !== total) {
    throw new Error(`${label}: poses(out) needs a Float32Array of length ${total} (every sub-env's bodies × ${POSE_STRIDE}), got ${describeValue(out)}`);
  }
  return out;
}
