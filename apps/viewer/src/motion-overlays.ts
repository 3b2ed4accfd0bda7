// Task overlays for the active robot: an arrow for the tracked body's velocity and the centre-of-mass trail.
import * as THREE from 'three';
import { POSE_STRIDE, type WireScene } from '@rapier-gym/protocol';
import type { EpisodeTrack } from './episode-track.js';

/**
 * Whole-robot centre of mass of frame `index`: the mass-weighted mean of each body's COM (scene `com`, in the body
 * frame, rotated by the body's quaternion). Bodies without a mass count as 0; when no body has a mass, the tracked
 * body's position (or body 1's) stands in.
 */
export function centreOfMass(scene: WireScene, poses: Float32Array, out = new THREE.Vector3()): THREE.Vector3 {
  const local = new THREE.Vector3();
  const rotation = new THREE.Quaternion();
  let total = 0;
  out.set(0, 0, 0);
  scene.bodies.forEach((body, index) => {
    const mass = body.mass ?? 0;
    if (mass <= 0) return;
    const base = index * POSE_STRIDE;
    local.fromArray(body.com ?? [0, 0, 0]);
    rotation.set(poses[base + 3]!, poses[base + 4]!, poses[base + 5]!, poses[base + 6]!);
    local.applyQuaternion(rotation).add(new THREE.Vector3(poses[base]!, poses[base + 1]!, poses[base + 2]!));
    out.addScaledVector(local, mass);
    total += mass;
  });
  if (total > 0) return out.divideScalar(total);
  const body = scene.trackBody >= 0 ? scene.trackBody : Math.min(1, scene.bodies.length - 1);
  const base = Math.max(0, body) * POSE_STRIDE;
  return out.set(poses[base] ?? 0, poses[base + 1] ?? 0, poses[base + 2] ?? 0);
}

/** Velocity of a body at frame `index` by finite difference with the previous frame (zero at frame 0). */
export function bodyVelocity(track: EpisodeTrack, body: number, index: number, out = new THREE.Vector3()): THREE.Vector3 {
  if (index <= 0 || index >= track.frameCount) return out.set(0, 0, 0);
  const dt = track.times.get(index) - track.times.get(index - 1);
  if (dt <= 0) return out.set(0, 0, 0);
  const now = track.posesAt(index);
  const before = track.posesAt(index - 1);
  const base = body * POSE_STRIDE;
  return out.set(now[base]! - before[base]!, now[base + 1]! - before[base + 1]!, now[base + 2]! - before[base + 2]!).divideScalar(dt);
}

export class MotionOverlays {
  readonly group = new THREE.Group();
  private readonly arrow = new THREE.ArrowHelper(new THREE.Vector3(1, 0, 0), new THREE.Vector3(), 1, 0x00b8d9, 0.12, 0.06);
  private readonly trail: THREE.Line;
  private trailPositions = new Float32Array(0);
  private trailTrack: EpisodeTrack | undefined;
  private trailFrames = 0;
  showVelocity = false;
  showTrail = false;

  constructor() {
    this.group.name = 'motion-overlays';
    this.arrow.visible = false;
    this.trail = new THREE.Line(new THREE.BufferGeometry(), new THREE.LineBasicMaterial({ color: 0xff9500 }));
    this.trail.visible = false;
    this.trail.frustumCulled = false;
    this.group.add(this.arrow, this.trail);
  }

  update(scene: WireScene | undefined, track: EpisodeTrack | undefined, index: number, offset: THREE.Vector3): void {
    const usable = scene && track && index >= 0 && index < track.frameCount;
    this.arrow.visible = Boolean(usable && this.showVelocity);
    this.trail.visible = Boolean(usable && this.showTrail);
    if (!usable) return;
    const body = scene.trackBody >= 0 ? scene.trackBody : Math.min(1, scene.bodies.length - 1);
    if (this.showVelocity) {
      const velocity = bodyVelocity(track, body, index);
      const speed = velocity.length();
      const poses = track.posesAt(index);
      this.arrow.position.set(poses[body * POSE_STRIDE]!, poses[body * POSE_STRIDE + 1]!, poses[body * POSE_STRIDE + 2]!).add(offset);
      if (speed > 1e-6) {
        this.arrow.setDirection(velocity.divideScalar(speed));
        this.arrow.setLength(Math.min(3, 0.3 * speed + 0.05), 0.12, 0.06);
      } else this.arrow.visible = false;
    }
    if (this.showTrail) {
      if (this.trailTrack !== track || this.trailFrames !== track.frameCount) this.rebuildTrail(scene, track);
      this.trail.position.copy(offset);
      this.trail.geometry.setDrawRange(0, index + 1);
    }
  }

  private rebuildTrail(scene: WireScene, track: EpisodeTrack): void {
    this.trailTrack = track;
    this.trailFrames = track.frameCount;
    this.trailPositions = new Float32Array(track.frameCount * 3);
    const point = new THREE.Vector3();
    for (let i = 0; i < track.frameCount; i++) centreOfMass(scene, track.posesAt(i), point).toArray(this.trailPositions, i * 3);
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(this.trailPositions, 3));
    this.trail.geometry.dispose();
    this.trail.geometry = geometry;
  }
}
