// Fills every body's mass properties from its geoms, applies compiler bounds, checks moving bodies, applies settotalmass.
import type { Vec3 } from '../core/scene.js';
import { combineMassProperties, scaleMassProperties } from './mass-properties.js';
import { MjcfError } from './mjcf-error.js';
import type { MjcfBody, MjcfCompiler, MjcfGeom } from './mjcf-model.js';

/** MuJoCo's mjMINVAL. */
const MIN_VALUE = 1e-15;

/** MuJoCo order: InertiaFromGeom, boundmass/boundinertia, moving-body check, then mj_setTotalmass. */
export function compileBodyMasses(bodies: MjcfBody[], geoms: readonly MjcfGeom[], compiler: MjcfCompiler): void {
  for (const body of bodies) {
    if (body.id === 0) continue;
    const properties = combineMassProperties(body.geoms.map((id) => geoms[id]!));
    properties.mass = Math.max(properties.mass, compiler.boundMass);
    properties.principalInertia = properties.principalInertia.map((v) => Math.max(v, compiler.boundInertia)) as Vec3;
    Object.assign(body, properties);
  }
  for (const body of bodies) {
    if (body.joints.length > 0 && !hasValidMass(bodies, body)) {
      throw new MjcfError(
        { element: 'body', line: body.line },
        `moving body "${body.name}" needs positive mass and inertia (from its geoms or a joint-less child's)`,
      );
    }
  }
  const target = compiler.setTotalMass;
  if (target !== undefined) {
    const total = bodies.reduce((sum, b) => sum + b.mass, 0);
    const scale = Math.max(MIN_VALUE, target / Math.max(MIN_VALUE, total));
    for (const body of bodies) if (body.id > 0) scaleMassProperties(body, scale);
  }
}

/** MuJoCo `CheckBodyMassInertia`: the body, or a joint-less descendant welded to it, has mass and inertia ≥ 1e-15. */
function hasValidMass(bodies: readonly MjcfBody[], body: MjcfBody): boolean {
  if (body.mass >= MIN_VALUE && body.principalInertia.every((v) => v >= MIN_VALUE)) return true;
  return body.children.some((id) => {
    const child = bodies[id]!;
    return child.joints.length === 0 && hasValidMass(bodies, child);
  });
}
