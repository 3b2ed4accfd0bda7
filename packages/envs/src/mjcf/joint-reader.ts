// Reads one <joint>/<freejoint> (after default classes) into the model, with MuJoCo's limit and angle rules.
import type { Vec3 } from '../core/scene.js';
import type { AttributeReader } from './attribute-reader.js';
import { angleToRadians } from './compiler-settings.js';
import { DEFAULT_SOLIMP, DEFAULT_SOLREF } from './contact-defaults.js';
import { norm3 } from './math3d.js';
import type { MjcfCompiler, MjcfJoint, MjcfJointType } from './mjcf-model.js';

/** Where the joint goes: its id, body and first qpos/qvel index. */
export interface JointPlacement {
  id: number;
  body: number;
  qposAddress: number;
  dofAddress: number;
}

/** qpos and qvel sizes per joint type. */
export const JOINT_WIDTH: Record<MjcfJointType, { nq: number; nv: number }> = {
  free: { nq: 7, nv: 6 },
  ball: { nq: 4, nv: 3 },
  slide: { nq: 1, nv: 1 },
  hinge: { nq: 1, nv: 1 },
};

/** Compiles a joint as MuJoCo's `mjCJoint::Compile` does (src/user/user_objects.cc). */
export function readJoint(r: AttributeReader, type: MjcfJointType, placement: JointPlacement, compiler: MjcfCompiler): MjcfJoint {
  const rawAxis = r.vec3('axis', [0, 0, 1]);
  const axisLength = norm3(rawAxis);
  if (axisLength < 1e-14) r.fail('axis', 'axis has zero length');
  const axis: Vec3 = type === 'free' || type === 'ball' ? [0, 0, 1] : [rawAxis[0] / axisLength, rawAxis[1] / axisLength, rawAxis[2] / axisLength];

  const rawRange = r.pair('range', [0, 0]);
  // MuJoCo: a free joint is never limited, whatever `limited` says (a class may set it for all joints)
  const limited = type === 'free' ? false : r.limited('limited', 'range', rawRange, compiler.autoLimits);
  if (limited && type !== 'ball' && !(rawRange[0] < rawRange[1])) {
    r.fail('range', `expected range[0] < range[1] on a limited joint, received [${rawRange.join(', ')}]`);
  }
  if (limited && type === 'ball' && rawRange[0] !== 0) {
    r.fail('range', `a ball joint's range must start at 0, received [${rawRange.join(', ')}]`);
  }
  const angular = type === 'hinge' || type === 'ball';
  const range: [number, number] = angular
    ? [angleToRadians(compiler, rawRange[0]), angleToRadians(compiler, rawRange[1])]
    : rawRange;
  // ref and springref are angles only for hinges (MuJoCo converts nothing else)
  const coordinate = (value: number): number => (type === 'hinge' ? angleToRadians(compiler, value) : value);

  return {
    id: placement.id,
    name: r.string('name') ?? '',
    type,
    body: placement.body,
    pos: type === 'free' ? [0, 0, 0] : r.vec3('pos', [0, 0, 0]),
    axis,
    limited,
    range,
    damping: r.nonNegative('damping'),
    stiffness: r.nonNegative('stiffness'),
    springRef: coordinate(r.number('springref', 0)),
    armature: r.nonNegative('armature'),
    frictionLoss: r.nonNegative('frictionloss'),
    ref: coordinate(r.number('ref', 0)),
    margin: r.number('margin', 0),
    solrefLimit: r.padded('solreflimit', DEFAULT_SOLREF, 2),
    solimpLimit: r.padded('solimplimit', DEFAULT_SOLIMP, 3),
    qposAddress: placement.qposAddress,
    dofAddress: placement.dofAddress,
    line: r.line,
  };
}
