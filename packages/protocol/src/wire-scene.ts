// The scene as it travels on the wire: the same shape as @rapier-gym/envs' SceneDescription, plus its validator.
import { DecodeFailure } from './result.js';
import { MAX_BODIES, MAX_GEOMS, MAX_GEOMS_PER_BODY } from './limits.js';
import {
  arrayReader,
  field,
  invalid,
  literalReader,
  numberReader,
  numberTupleReader,
  optionalField,
  readBoolean,
  readFiniteNumber,
  readName,
  readObject,
  readString,
  rejectUnknownKeys,
  type Reader,
} from './json-readers.js';

/**
 * Geometry types with MuJoCo's size conventions (metres, Z-up):
 * plane [halfX, halfY, gridSpacing] (half-size 0 = infinite), sphere [radius], capsule [radius, halfLength] along
 * local Z, cylinder [radius, halfLength] along local Z, box [halfX, halfY, halfZ], ellipsoid [rx, ry, rz].
 */
export type WireGeomType = 'plane' | 'sphere' | 'capsule' | 'cylinder' | 'box' | 'ellipsoid';
export type WireVec3 = [number, number, number];
/** A quaternion in (x, y, z, w) order. */
export type WireQuat = [number, number, number, number];
/** Colour components in [0, 1]. */
export type WireRgba = [number, number, number, number];

/** One drawable shape posed in the frame of its body. */
export interface WireSceneGeom {
  name?: string;
  type: WireGeomType;
  /** Length fixed by `type`: see SIZE_LENGTH_BY_GEOM_TYPE. Entries are finite and >= 0. */
  size: number[];
  pos: WireVec3;
  quat: WireQuat;
  rgba: WireRgba;
  /** False for visual-only geoms. */
  collides?: boolean;
}

/** A rigid body. Body 0 is conventionally the world (static geoms such as the floor). */
export interface WireSceneBody {
  name: string;
  /** Index of the parent body, or -1 for a root. */
  parent: number;
  geoms: WireSceneGeom[];
  mass?: number;
  com?: WireVec3;
}

/** Everything a renderer needs once before the first frame; frames carry 7 floats per body in this order. */
export interface WireScene {
  /** Env id or another label. */
  name: string;
  /** World up axis: always Z, as in MuJoCo. */
  up: 'z';
  /** Seconds of simulated time per env step. */
  dt: number;
  bodies: WireSceneBody[];
  /** Body a camera should follow (the torso), or -1. */
  trackBody: number;
}

/** Floats per body in a pose array: position (x, y, z) then quaternion (x, y, z, w). */
export const POSE_STRIDE = 7;

/** How many `size` entries each geom type takes (MuJoCo's conventions). */
export const SIZE_LENGTH_BY_GEOM_TYPE: Readonly<Record<WireGeomType, number>> = {
  plane: 3,
  sphere: 1,
  capsule: 2,
  cylinder: 2,
  box: 3,
  ellipsoid: 3,
};

const GEOM_TYPES = Object.keys(SIZE_LENGTH_BY_GEOM_TYPE) as WireGeomType[];
const readGeomType = literalReader(GEOM_TYPES);
const readVec3 = numberTupleReader<WireVec3>(3);
const readQuat = numberTupleReader<WireQuat>(4);
const readRgba = numberTupleReader<WireRgba>(4, numberReader({ min: 0, max: 1 }));
const readNonNegative = numberReader({ min: 0 });
const readPositive: Reader<number> = (value, path) => {
  const number = readFiniteNumber(value, path);
  if (number <= 0) throw invalid(path, 'a finite number > 0', value);
  return number;
};

const readGeom: Reader<WireSceneGeom> = (value, path) => {
  const object = readObject(value, path);
  rejectUnknownKeys(object, path, ['name', 'type', 'size', 'pos', 'quat', 'rgba', 'collides']);
  const type = field(object, 'type', path, readGeomType);
  const sizeLength = SIZE_LENGTH_BY_GEOM_TYPE[type];
  const size = field(object, 'size', path, (sizeValue, sizePath) => {
    if (!Array.isArray(sizeValue) || sizeValue.length !== sizeLength) {
      throw invalid(sizePath, `an array of ${sizeLength} numbers for a ${type}`, sizeValue);
    }
    return sizeValue.map((entry, index) => readNonNegative(entry, `${sizePath}[${index}]`));
  });
  const geom: WireSceneGeom = {
    type,
    size,
    pos: field(object, 'pos', path, readVec3),
    quat: field(object, 'quat', path, readQuat),
    rgba: field(object, 'rgba', path, readRgba),
  };
  const name = optionalField(object, 'name', path, readString);
  if (name !== undefined) geom.name = name;
  const collides = optionalField(object, 'collides', path, readBoolean);
  if (collides !== undefined) geom.collides = collides;
  return geom;
};

function bodyReader(bodyCount: number): Reader<WireSceneBody> {
  const readParent = numberReader({ integer: true, min: -1, max: bodyCount - 1 });
  return (value, path) => {
    const object = readObject(value, path);
    rejectUnknownKeys(object, path, ['name', 'parent', 'geoms', 'mass', 'com']);
    const body: WireSceneBody = {
      name: field(object, 'name', path, readString),
      parent: field(object, 'parent', path, readParent),
      geoms: field(object, 'geoms', path, arrayReader(readGeom, MAX_GEOMS_PER_BODY)),
    };
    const mass = optionalField(object, 'mass', path, readNonNegative);
    if (mass !== undefined) body.mass = mass;
    const com = optionalField(object, 'com', path, readVec3);
    if (com !== undefined) body.com = com;
    return body;
  };
}

/** Validates a scene received as parsed JSON. */
export const readScene: Reader<WireScene> = (value, path) => {
  const object = readObject(value, path);
  rejectUnknownKeys(object, path, ['name', 'up', 'dt', 'bodies', 'trackBody']);
  const rawBodies = Object.hasOwn(object, 'bodies') ? object['bodies'] : undefined;
  const bodyCount = Array.isArray(rawBodies) ? rawBodies.length : 0;
  const bodies = field(object, 'bodies', path, arrayReader(bodyReader(bodyCount), MAX_BODIES));
  bodies.forEach((body, index) => {
    if (body.parent === index) throw invalid(`${path}.bodies[${index}].parent`, 'another body or -1', body.parent);
  });
  const geomCount = bodies.reduce((sum, body) => sum + body.geoms.length, 0);
  if (geomCount > MAX_GEOMS) {
    throw new DecodeFailure('oversized', `${path}.bodies: expected at most ${MAX_GEOMS} geoms in all, received ${geomCount}`);
  }
  return {
    name: field(object, 'name', path, readName),
    up: field(object, 'up', path, literalReader(['z'] as const)),
    dt: field(object, 'dt', path, readPositive),
    bodies,
    trackBody: field(object, 'trackBody', path, numberReader({ integer: true, min: -1, max: bodies.length - 1 })),
  };
};

/**
 * A copy of `scene` holding only the fields the wire carries, so a scene object with extra (newer or internal)
 * fields still encodes. Values are not validated here; encoders do that.
 */
export function toWireScene(scene: WireScene): WireScene {
  return {
    name: scene.name,
    up: scene.up,
    dt: scene.dt,
    trackBody: scene.trackBody,
    bodies: scene.bodies.map((body) => {
      const wireBody: WireSceneBody = {
        name: body.name,
        parent: body.parent,
        geoms: body.geoms.map((geom) => {
          const wireGeom: WireSceneGeom = {
            type: geom.type,
            size: [...geom.size],
            pos: [...geom.pos],
            quat: [...geom.quat],
            rgba: [...geom.rgba],
          };
          if (geom.name !== undefined) wireGeom.name = geom.name;
          if (geom.collides !== undefined) wireGeom.collides = geom.collides;
          return wireGeom;
        }),
      };
      if (body.mass !== undefined) wireBody.mass = body.mass;
      if (body.com !== undefined) wireBody.com = [...body.com];
      return wireBody;
    }),
  };
}
