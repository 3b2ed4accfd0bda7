// The floor: a checkerboard texture drawn in code (no image files), laid on the scene's plane geoms or at z = 0.
import * as THREE from 'three';
import type { WireScene } from '@rapier-gym/protocol';

/** A canvas texture of 2 x 2 checker cells with thin grid lines; repeat it once per 2 m. */
export function checkerTexture(): THREE.CanvasTexture {
  const size = 256;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  const half = size / 2;
  context.fillStyle = '#c9d1c9';
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#b1bbb3';
  context.fillRect(0, 0, half, half);
  context.fillRect(half, half, half, half);
  context.strokeStyle = 'rgba(60, 70, 65, 0.35)';
  context.lineWidth = 2;
  context.strokeRect(0, 0, size, size);
  const texture = new THREE.CanvasTexture(canvas);
  texture.wrapS = THREE.RepeatWrapping;
  texture.wrapT = THREE.RepeatWrapping;
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}

/** The ground mesh: the first plane geom of the scene (posed on its body's rest position), else a 100 m floor at z = 0. */
export function buildGround(scene: WireScene | undefined): THREE.Mesh {
  let halfX = 50;
  let halfY = 50;
  const position = new THREE.Vector3();
  const quaternion = new THREE.Quaternion();
  for (const body of scene?.bodies ?? []) {
    const plane = body.geoms.find((geom) => geom.type === 'plane');
    if (!plane) continue;
    halfX = plane.size[0] || 50;
    halfY = plane.size[1] || 50;
    position.fromArray(plane.pos);
    quaternion.fromArray(plane.quat);
    break;
  }
  const texture = checkerTexture();
  texture.repeat.set(halfX, halfY); // one 2 m texture tile = 2 x 2 cells of 1 m
  const material = new THREE.MeshStandardMaterial({ map: texture, roughness: 0.95, metalness: 0 });
  const mesh = new THREE.Mesh(new THREE.PlaneGeometry(2 * halfX, 2 * halfY), material);
  mesh.position.copy(position);
  mesh.quaternion.copy(quaternion);
  mesh.receiveShadow = true;
  mesh.name = 'ground';
  return mesh;
}
