// three.js geometry for each wire geom type, sized by MuJoCo's conventions and aligned with the body's local Z axis.
import * as THREE from 'three';
import type { WireSceneGeom } from '@rapier-gym/protocol';

const cache = new Map<string, THREE.BufferGeometry>();

/**
 * Shared geometry for a geom (many robots reuse it). MuJoCo sizes: sphere [r]; capsule and cylinder [r, half length]
 * along local Z; box half extents; ellipsoid radii; plane [half x, half y, grid spacing] in local XY facing +Z.
 * three's capsule and cylinder run along Y, so they are turned a quarter about X (Y goes to Z).
 * Planes of size 0 (MuJoCo's "infinite") are drawn 50 m wide.
 */
export function geometryFor(geom: WireSceneGeom): THREE.BufferGeometry {
  const key = `${geom.type}:${geom.size.join(',')}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [a = 0, b = 0, c = 0] = geom.size;
  let geometry: THREE.BufferGeometry;
  switch (geom.type) {
    case 'sphere':
      geometry = new THREE.SphereGeometry(a, 24, 16);
      break;
    case 'capsule':
      geometry = new THREE.CapsuleGeometry(a, 2 * b, 8, 16).rotateX(Math.PI / 2);
      break;
    case 'cylinder':
      geometry = new THREE.CylinderGeometry(a, a, 2 * b, 20).rotateX(Math.PI / 2);
      break;
    case 'box':
      geometry = new THREE.BoxGeometry(2 * a, 2 * b, 2 * c);
      break;
    case 'ellipsoid':
      geometry = new THREE.SphereGeometry(1, 24, 16).scale(a, b, c);
      break;
    case 'plane':
      geometry = new THREE.PlaneGeometry(2 * (a || 25), 2 * (b || 25));
      break;
  }
  cache.set(key, geometry);
  return geometry;
}
