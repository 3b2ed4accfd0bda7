// Turns MuJoCo's pairwise contact filter (contactPairs) into Rapier's 16+16-bit collision groups, exactly.
import { contactPairs } from '../mjcf/contact-pairs.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';

/** Per-geom Rapier interaction groups; geoms that can touch nothing get no collider (`undefined`). */
export interface CollisionClasses {
  /** `(membership << 16) | filter` per geom id, or undefined for geoms with no allowed partner. */
  groups: (number | undefined)[];
  /** Number of distinct classes used (at most 16). */
  classCount: number;
}

/**
 * Geoms whose sets of allowed partners (MuJoCo's filterBodyPair + contype/conaffinity rule, `contactPairs`) are
 * identical share a class; each class gets one membership bit and a filter of the classes it may touch. Because
 * allowed(i, j) depends only on i's row, Rapier's rule `(a.mem & b.filter) && (b.mem & a.filter)` then reproduces
 * MuJoCo's pair filter exactly. Rapier has 16 membership bits, so a model needing more classes is rejected.
 */
export function collisionClasses(model: MjcfModel): CollisionClasses {
  const n = model.geoms.length;
  const partners: number[][] = Array.from({ length: n }, () => []);
  for (const pair of contactPairs(model)) {
    partners[pair.geom1]!.push(pair.geom2);
    partners[pair.geom2]!.push(pair.geom1);
  }
  const classOf = new Map<string, number>();
  const geomClass: number[] = [];
  for (let g = 0; g < n; g++) {
    const row = partners[g]!;
    if (row.length === 0) {
      geomClass.push(-1);
      continue;
    }
    const key = [...row].sort((a, b) => a - b).join(',');
    let c = classOf.get(key);
    if (c === undefined) {
      c = classOf.size;
      classOf.set(key, c);
    }
    geomClass.push(c);
  }
  if (classOf.size > 16) {
    throw new Error(
      `collisionClasses(${model.name}): MuJoCo's contact filter needs ${classOf.size} distinct geom classes, but Rapier's collision groups hold at most 16`,
    );
  }
  const groups: (number | undefined)[] = [];
  for (let g = 0; g < n; g++) {
    const c = geomClass[g]!;
    if (c < 0) {
      groups.push(undefined);
      continue;
    }
    let filter = 0;
    for (const other of partners[g]!) filter |= 1 << geomClass[other]!;
    groups.push((((1 << c) << 16) | filter) >>> 0);
  }
  return { groups, classCount: classOf.size };
}
