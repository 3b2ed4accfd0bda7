// The rendering contract: a static scene description plus per-step body poses (DESIGN.md "Scene and frames").

/**
 * Geometry types, with MuJoCo's size conventions (all lengths in metres, world is Z-up):
 * - `plane`: [halfX, halfY, gridSpacing]; a half-size of 0 means infinite.
 * - `sphere`: [radius].
 * - `capsule`: [radius, halfLength]; the segment runs along the geom's local Z axis.
 * - `cylinder`: [radius, halfLength]; along local Z.
 * - `box`: [halfX, halfY, halfZ].
 * - `ellipsoid`: [radiusX, radiusY, radiusZ].
 */
export type GeomType = 'plane' | 'sphere' | 'capsule' | 'cylinder' | 'box' | 'ellipsoid';

/** A unit quaternion in (x, y, z, w) order, as three.js and Rapier store it. */
export type Quat = [number, number, number, number];
export type Vec3 = [number, number, number];
export type Rgba = [number, number, number, number];

/** One drawable shape, posed relative to the frame of the body that owns it. */
export interface SceneGeom {
  name?: string;
  type: GeomType;
  size: number[];
  pos: Vec3;
  quat: Quat;
  rgba: Rgba;
  /** False for purely visual geoms that take part in no collision (MuJoCo contype = conaffinity = 0). */
  collides?: boolean;
}

/** A rigid body of the scene. Body 0 is conventionally the world (static geoms such as the floor). */
export interface SceneBody {
  name: string;
  /** Index of the parent body in `SceneDescription.bodies`, or -1 for a root. */
  parent: number;
  geoms: SceneGeom[];
  /** Mass in kg and centre of mass in the body frame, for debug overlays; optional. */
  mass?: number;
  com?: Vec3;
}

/** Everything a renderer needs once, before the first frame. */
export interface SceneDescription {
  /** The env id (`Hopper-v5`) or another label. */
  name: string;
  /** World up axis: always Z, as in MuJoCo. */
  up: 'z';
  /** Seconds of simulated time per env step (Gymnasium's `dt`). */
  dt: number;
  bodies: SceneBody[];
  /** Index of the body a camera should follow (the torso), or -1 for none. */
  trackBody: number;
}

/** Floats per body in a pose buffer: position (x, y, z) then quaternion (x, y, z, w). */
export const POSE_STRIDE = 7;

/** Something that can describe itself for rendering: every Env, wrapper and vector env. */
export interface Renderable {
  /** The static scene; the same object structure on every call. */
  scene(): SceneDescription;
  /**
   * Writes every body's world pose into `out` (POSE_STRIDE floats per body, in scene order) and returns it;
   * allocates a new array when `out` is omitted.
   */
  poses(out?: Float32Array): Float32Array;
}
