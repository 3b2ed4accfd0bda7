// Reads one <geom> or <site> (after default classes) into the model: type, size, pose (incl. fromto), contact, mass.
import type { GeomType, Rgba, Vec3 } from '../core/scene.js';
import type { AttributeReader } from './attribute-reader.js';
import { DEFAULT_RGBA, DEFAULT_SOLIMP, DEFAULT_SOLREF } from './contact-defaults.js';
import { geomInertia, geomVolume } from './mass-properties.js';
import { IDENTITY_QUAT, norm3, quatZToVector } from './math3d.js';
import type { MjcfGeom, MjcfSite, MjcfSiteType } from './mjcf-model.js';
import { readOrientation, type AngleSettings } from './orientation.js';

const GEOM_TYPES: readonly GeomType[] = ['plane', 'sphere', 'capsule', 'cylinder', 'box', 'ellipsoid'];
const SITE_TYPES: readonly MjcfSiteType[] = ['sphere', 'capsule', 'ellipsoid', 'cylinder', 'box'];
/** How many size entries each type uses (MuJoCo `mjGEOMINFO`; a plane keeps its 3). */
const SIZE_ARITY: Record<GeomType, number> = { plane: 3, sphere: 1, capsule: 2, cylinder: 2, box: 3, ellipsoid: 3 };

/** Where a geom sits in the body tree, which decides whether it may be a plane and whether it carries mass. */
export interface GeomPlacement {
  id: number;
  body: number;
  /** True when the body or one of its ancestors below the world has joints (the geom moves). */
  moving: boolean;
}

/** Compiles a geom as MuJoCo's `mjCGeom::Compile` does for the supported primitives. */
export function readGeom(r: AttributeReader, placement: GeomPlacement, angles: AngleSettings): MjcfGeom {
  const type = r.choice('type', GEOM_TYPES, 'sphere');
  r.onlyValue('fluidshape', 'none', "fluid forces use MuJoCo's default inertia-box model");
  r.onlyValue('shellinertia', 'false', 'only solid inertia is supported');
  const size = r.padded('size', [0, 0, 0], 1);
  let pos = r.vec3('pos', [0, 0, 0]);
  let quat = readOrientation(r, angles) ?? [...IDENTITY_QUAT];

  const fromto = r.numbers('fromto', 6);
  if (fromto) {
    if (type !== 'capsule' && type !== 'cylinder' && type !== 'box' && type !== 'ellipsoid') {
      r.fail('fromto', `fromto needs a capsule, cylinder, box or ellipsoid, received type "${type}"`);
    }
    if (pos[0] !== 0 || pos[1] !== 0 || pos[2] !== 0) r.fail('pos', 'both pos and fromto are given');
    // MuJoCo: +Z points along from − to, the half-length goes to size[1] (size[2] for box/ellipsoid)
    const vec: Vec3 = [fromto[0]! - fromto[3]!, fromto[1]! - fromto[4]!, fromto[2]! - fromto[5]!];
    const half = norm3(vec) / 2;
    if (half < 1e-14) r.fail('fromto', 'the two points coincide');
    if (type === 'box' || type === 'ellipsoid') {
      size[2] = half;
      size[1] = size[0]!;
    } else {
      size[1] = half;
    }
    pos = [(fromto[0]! + fromto[3]!) / 2, (fromto[1]! + fromto[4]!) / 2, (fromto[2]! + fromto[5]!) / 2];
    quat = quatZToVector(vec);
  } else if ((type === 'capsule' || type === 'cylinder') && !r.has('size')) {
    r.fail(undefined, `a ${type} needs "size" (radius half-length) or "fromto"`);
  }
  checkGeomSize(r, type, size);
  if (type === 'plane' && placement.moving) r.fail('type', 'a plane is only allowed in the world or a body without joints');
  const condim = r.int('condim', 3);
  if (![1, 3, 4, 6].includes(condim)) r.fail('condim', `expected 1, 3, 4 or 6, received ${condim}`);
  const group = r.int('group', 0);

  // Mass: only geoms of non-world bodies in inertia groups 0..5 infer inertia; an explicit mass sets the density.
  const volume = geomVolume(type, size);
  const infers = placement.body > 0 && group >= 0 && group <= 5;
  let density = r.nonNegative('density', 1000);
  let mass = infers ? density * volume : 0;
  if (r.has('mass')) {
    const explicit = r.nonNegative('mass');
    mass = 0;
    if (explicit === 0) density = 0;
    else if (volume > 1e-14) {
      density = explicit / volume;
      if (infers) mass = explicit;
    }
  }
  return {
    id: placement.id,
    name: r.string('name') ?? '',
    type,
    body: placement.body,
    size: size.slice(0, SIZE_ARITY[type]),
    pos,
    quat,
    friction: r.padded('friction', [1, 0.005, 0.0001], 1) as Vec3,
    contype: r.int('contype', 1),
    conaffinity: r.int('conaffinity', 1),
    condim,
    priority: r.int('priority', 0),
    margin: r.number('margin', 0),
    gap: r.number('gap', 0),
    solmix: r.number('solmix', 1),
    solref: r.padded('solref', DEFAULT_SOLREF, 2),
    solimp: r.padded('solimp', DEFAULT_SOLIMP, 3),
    rgba: (r.numbers('rgba', 4) as Rgba | undefined) ?? [...DEFAULT_RGBA],
    density,
    mass,
    inertia: mass > 0 ? geomInertia(type, size, mass) : [0, 0, 0],
    group,
    line: r.line,
  };
}

/** MuJoCo `checksize`: a plane needs a positive grid spacing; other types positive entries up to their arity. */
function checkGeomSize(r: AttributeReader, type: GeomType, size: number[]): void {
  if (type === 'plane') {
    if (!(size[2]! > 0)) r.fail('size', `a plane needs a positive third size (grid spacing), received [${size.join(', ')}]`);
    if (size[0]! < 0 || size[1]! < 0) r.fail('size', `plane half-sizes must be >= 0 (0 = infinite), received [${size.join(', ')}]`);
    return;
  }
  const arity = SIZE_ARITY[type];
  if (size.slice(0, arity).some((value) => !(value > 0))) {
    r.fail(r.has('size') ? 'size' : undefined, `a ${type} needs ${arity} positive size value(s), received [${size.slice(0, arity).join(', ')}]`);
  }
}

/** Reads a site: a posed marker with no physical effect. */
export function readSite(r: AttributeReader, id: number, body: number, angles: AngleSettings): MjcfSite {
  const type = r.choice('type', SITE_TYPES, 'sphere');
  const size = r.padded('size', [0.005, 0.005, 0.005], 1);
  return {
    id,
    name: r.string('name') ?? '',
    type,
    body,
    size: size.slice(0, type === 'sphere' ? 1 : type === 'capsule' || type === 'cylinder' ? 2 : 3),
    pos: r.vec3('pos', [0, 0, 0]),
    quat: readOrientation(r, angles) ?? [...IDENTITY_QUAT],
    rgba: (r.numbers('rgba', 4) as Rgba | undefined) ?? [...DEFAULT_RGBA],
    line: r.line,
  };
}
