// Which geom pairs MuJoCo lets collide, and the contact parameters it mixes for each pair.
// Source: MuJoCo src/engine/engine_collision_driver.c (filterBodyPair, canCollide, mj_contactParam).
import type { Vec3 } from '../core/scene.js';
import type { MjcfGeom, MjcfModel } from './mjcf-model.js';
import { rigidGroups, type MjcfRigidGroups } from './rigid-groups.js';

/** Parameters of contacts between two geoms, after MuJoCo's mixing rules. */
export interface MjcfContactParameters {
  /** Contact dimensionality: the higher-priority geom's, else the larger. */
  condim: number;
  /** Sliding, torsional, rolling: the higher-priority geom's, else element-wise max. */
  friction: Vec3;
  /** solmix-weighted mix (element-wise min when either solref is in MuJoCo's direct, negative form). */
  solref: number[];
  solimp: number[];
  /** Larger margin and larger gap of the two; contacts act within margin − gap. */
  margin: number;
  gap: number;
}

/** A pair of geoms that may touch, with its contact parameters. */
export interface MjcfContactPair extends MjcfContactParameters {
  geom1: number;
  geom2: number;
}

/** MuJoCo's mixing of two geoms' contact parameters (`mj_contactParam`). */
export function contactParameters(a: MjcfGeom, b: MjcfGeom): MjcfContactParameters {
  const margin = Math.max(a.margin, b.margin);
  const gap = Math.max(a.gap, b.gap);
  if (a.priority !== b.priority) {
    const winner = a.priority > b.priority ? a : b;
    return { condim: winner.condim, friction: [...winner.friction], solref: [...winner.solref], solimp: [...winner.solimp], margin, gap };
  }
  const MIN = 1e-15;
  let mix: number;
  if (a.solmix >= MIN && b.solmix >= MIN) mix = a.solmix / (a.solmix + b.solmix);
  else if (a.solmix < MIN && b.solmix < MIN) mix = 0.5;
  else mix = a.solmix < MIN ? 0 : 1;
  const standard = a.solref[0]! > 0 && b.solref[0]! > 0;
  return {
    condim: Math.max(a.condim, b.condim),
    friction: [Math.max(a.friction[0], b.friction[0]), Math.max(a.friction[1], b.friction[1]), Math.max(a.friction[2], b.friction[2])],
    solref: a.solref.map((v, i) => (standard ? mix * v + (1 - mix) * b.solref[i]! : Math.min(v, b.solref[i]!))),
    solimp: a.solimp.map((v, i) => mix * v + (1 - mix) * b.solimp[i]!),
    margin,
    gap,
  };
}

/**
 * Whether MuJoCo would ever test geoms `a` and `b` for contact: not in the same rigid group, not both static,
 * not in a parent–child pair of rigid groups (unless the parent is the world), not an excluded body pair,
 * and `(contype1 & conaffinity2) || (contype2 & conaffinity1)`.
 */
export function canCollide(model: MjcfModel, a: number, b: number, groups: MjcfRigidGroups = rigidGroups(model)): boolean {
  const ga = model.geoms[a]!;
  const gb = model.geoms[b]!;
  const weld = (body: number): number => groups.groups[groups.groupOfBody[body]!]!.root;
  const wa = weld(ga.body);
  const wb = weld(gb.body);
  if (wa === wb) return false;
  const dofs = (root: number): number => model.bodies[root]!.joints.length;
  if (dofs(wa) === 0 && dofs(wb) === 0) return false;
  const weldParent = (root: number): number => (root === 0 ? -1 : weld(model.bodies[root]!.parent));
  if (wa !== 0 && wb !== 0 && (wa === weldParent(wb) || wb === weldParent(wa))) return false;
  const excluded = model.contactExclusions.some(
    (e) => (e.body1 === ga.body && e.body2 === gb.body) || (e.body1 === gb.body && e.body2 === ga.body),
  );
  if (excluded) return false;
  return (ga.contype & gb.conaffinity) !== 0 || (gb.contype & ga.conaffinity) !== 0;
}

/** Every geom pair (geom1 < geom2) that may collide, with its mixed contact parameters. */
export function contactPairs(model: MjcfModel): MjcfContactPair[] {
  const groups = rigidGroups(model);
  const pairs: MjcfContactPair[] = [];
  for (let a = 0; a < model.geoms.length; a++) {
    for (let b = a + 1; b < model.geoms.length; b++) {
      if (canCollide(model, a, b, groups)) {
        pairs.push({ geom1: a, geom2: b, ...contactParameters(model.geoms[a]!, model.geoms[b]!) });
      }
    }
  }
  return pairs;
}
