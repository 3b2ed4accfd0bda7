// One rollout's robot in three.js: a group per body holding its geom meshes, debug helpers, posed from frame data.
import * as THREE from 'three';
import { POSE_STRIDE, type WireScene } from '@rapier-gym/protocol';
import { geometryFor } from './geom-geometry.js';

/** What a mesh picked by the mouse belongs to (kept in `mesh.userData`). */
export interface BodyPick {
  rolloutKey: string;
  bodyIndex: number;
}

export interface DebugVisibility {
  collision: boolean;
  axes: boolean;
  com: boolean;
}

const WIREFRAME = new THREE.MeshBasicMaterial({ color: 0x1f8fff, wireframe: true, depthTest: false, transparent: true, opacity: 0.8 });
const COM_MATERIAL = new THREE.MeshBasicMaterial({ color: 0xff2d55, depthTest: false, transparent: true });
const COM_GEOMETRY = new THREE.SphereGeometry(0.035, 12, 8);

export class RobotView {
  /** Root of this robot; its position is the side-by-side layout offset. */
  readonly root = new THREE.Group();
  /** One group per scene body, posed in world coordinates (relative to root). */
  readonly bodies: THREE.Group[] = [];
  /** Meshes that can be clicked, with BodyPick in userData. */
  readonly pickable: THREE.Mesh[] = [];
  private readonly materials: THREE.MeshStandardMaterial[] = [];
  private readonly baseColors: THREE.Color[] = [];
  private readonly collisionMeshes: THREE.Mesh[] = [];
  private readonly axesHelpers: THREE.AxesHelper[] = [];
  private readonly comMarkers: THREE.Mesh[] = [];
  private ghost = false;
  private selectedBody = -1;

  constructor(
    readonly scene: WireScene,
    readonly rolloutKey: string,
  ) {
    this.root.name = `robot:${rolloutKey}`;
    scene.bodies.forEach((body, bodyIndex) => {
      const group = new THREE.Group();
      group.name = body.name;
      group.matrixAutoUpdate = true;
      for (const geom of body.geoms) {
        if (geom.type === 'plane') continue; // the shared ground draws planes
        const color = new THREE.Color().setRGB(geom.rgba[0], geom.rgba[1], geom.rgba[2], THREE.SRGBColorSpace);
        const material = new THREE.MeshStandardMaterial({ color, roughness: 0.6, metalness: 0.05 });
        if (geom.rgba[3] < 1) {
          material.transparent = true;
          material.opacity = geom.rgba[3];
        }
        const mesh = new THREE.Mesh(geometryFor(geom), material);
        mesh.position.fromArray(geom.pos);
        mesh.quaternion.fromArray(geom.quat);
        mesh.castShadow = true;
        mesh.receiveShadow = true;
        const pick: BodyPick = { rolloutKey, bodyIndex };
        mesh.userData = pick;
        group.add(mesh);
        this.pickable.push(mesh);
        this.materials.push(material);
        this.baseColors.push(color.clone());
        if (geom.collides !== false) {
          const wire = new THREE.Mesh(mesh.geometry, WIREFRAME);
          wire.position.copy(mesh.position);
          wire.quaternion.copy(mesh.quaternion);
          wire.visible = false;
          wire.renderOrder = 2;
          group.add(wire);
          this.collisionMeshes.push(wire);
        }
      }
      if (bodyIndex > 0 || body.geoms.some((geom) => geom.type !== 'plane')) {
        const axes = new THREE.AxesHelper(0.2);
        axes.visible = false;
        axes.renderOrder = 3;
        (axes.material as THREE.Material).depthTest = false;
        group.add(axes);
        this.axesHelpers.push(axes);
      }
      if (body.com && (body.mass ?? 1) > 0) {
        const marker = new THREE.Mesh(COM_GEOMETRY, COM_MATERIAL);
        marker.position.fromArray(body.com);
        marker.visible = false;
        marker.renderOrder = 4;
        group.add(marker);
        this.comMarkers.push(marker);
      }
      this.bodies.push(group);
      this.root.add(group);
    });
  }

  /** Poses every body from POSE_STRIDE floats per body (position xyz, quaternion xyzw), in scene order. */
  applyPoses(poses: Float32Array): void {
    const count = Math.min(this.bodies.length, Math.floor(poses.length / POSE_STRIDE));
    for (let body = 0; body < count; body++) {
      const offset = body * POSE_STRIDE;
      const group = this.bodies[body]!;
      group.position.set(poses[offset]!, poses[offset + 1]!, poses[offset + 2]!);
      group.quaternion.set(poses[offset + 3]!, poses[offset + 4]!, poses[offset + 5]!, poses[offset + 6]!);
    }
  }

  /** Ghosted robots are drawn translucent and cast no shadows. */
  setGhost(ghost: boolean): void {
    if (ghost === this.ghost) return;
    this.ghost = ghost;
    for (const material of this.materials) {
      material.transparent = ghost || material.opacity < 1;
      material.opacity = ghost ? 0.3 : 1;
      material.depthWrite = !ghost;
      material.needsUpdate = true;
    }
    for (const mesh of this.pickable) mesh.castShadow = !ghost;
  }

  setDebug(visibility: DebugVisibility): void {
    for (const wire of this.collisionMeshes) wire.visible = visibility.collision;
    for (const axes of this.axesHelpers) axes.visible = visibility.axes;
    for (const marker of this.comMarkers) marker.visible = visibility.com;
  }

  /** Highlights one body (emissive tint), or none with -1. */
  select(bodyIndex: number): void {
    this.selectedBody = bodyIndex;
    this.pickable.forEach((mesh, index) => {
      const material = this.materials[index]!;
      const picked = (mesh.userData as BodyPick).bodyIndex === bodyIndex;
      material.emissive.set(picked ? 0x335577 : 0x000000);
      material.color.copy(this.baseColors[index]!);
    });
  }

  get selected(): number {
    return this.selectedBody;
  }

  /** World position of a body (root offset included). */
  bodyWorldPosition(bodyIndex: number, out = new THREE.Vector3()): THREE.Vector3 {
    const group = this.bodies[bodyIndex];
    if (!group) return out.set(0, 0, 0);
    return out.copy(group.position).add(this.root.position);
  }

  dispose(): void {
    for (const material of this.materials) material.dispose();
    this.root.removeFromParent();
  }
}
