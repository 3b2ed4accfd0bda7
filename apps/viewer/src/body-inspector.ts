// Click-to-inspect: raycasts a click into the robots and describes the picked body (pose, velocity, mass).
import * as THREE from 'three';
import { POSE_STRIDE } from '@rapier-gym/protocol';
import type { EpisodeTrack } from './episode-track.js';
import { bodyVelocity } from './motion-overlays.js';
import type { BodyPick } from './robot-view.js';
import type { RolloutEntry } from './rollout-store.js';

const raycaster = new THREE.Raycaster();
const pointer = new THREE.Vector2();

/** The body under a canvas-relative click, or undefined. */
export function pickBody(camera: THREE.Camera, canvas: HTMLCanvasElement, clientX: number, clientY: number, meshes: THREE.Object3D[]): BodyPick | undefined {
  const rect = canvas.getBoundingClientRect();
  pointer.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
  raycaster.setFromCamera(pointer, camera);
  const hit = raycaster.intersectObjects(meshes, false).find((intersection) => intersection.object.visible);
  return hit ? (hit.object.userData as BodyPick) : undefined;
}

function vector(values: ArrayLike<number>, decimals = 3): string {
  return Array.from(values, (value) => value.toFixed(decimals)).join(', ');
}

/** Lines describing body `bodyIndex` of `entry` at frame `index` of `track`. */
export function describeBody(entry: RolloutEntry, track: EpisodeTrack | undefined, index: number, bodyIndex: number): string[] {
  const body = entry.meta.scene.bodies[bodyIndex];
  if (!body) return [];
  const lines = [`${body.name} (body ${bodyIndex}) · ${entry.label}`];
  const parent = entry.meta.scene.bodies[body.parent];
  lines.push(`parent ${parent ? parent.name : 'none'} · ${body.geoms.length} geom${body.geoms.length === 1 ? '' : 's'}`);
  if (body.mass !== undefined) lines.push(`mass ${body.mass.toFixed(3)} kg${body.com ? ` · com (${vector(body.com)})` : ''}`);
  if (track && index >= 0 && index < track.frameCount) {
    const poses = track.posesAt(index);
    const base = bodyIndex * POSE_STRIDE;
    lines.push(`position (${vector(poses.subarray(base, base + 3))}) m`);
    const euler = new THREE.Euler().setFromQuaternion(new THREE.Quaternion(poses[base + 3], poses[base + 4], poses[base + 5], poses[base + 6]), 'ZYX');
    lines.push(`rotation xyz (${vector([euler.x, euler.y, euler.z].map(THREE.MathUtils.radToDeg), 1)})°`);
    lines.push(`velocity (${vector(bodyVelocity(track, bodyIndex, index).toArray())}) m/s`);
  }
  return lines;
}
