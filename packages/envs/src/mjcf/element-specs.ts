// Which attributes each supported MJCF element accepts (read) or ignores (recorded, no effect on dynamics).

import type { AttributeSpec } from './attribute-reader.js';

export const ORIENTATION_ATTRIBUTES = ['quat', 'axisangle', 'euler', 'xyaxes', 'zaxis'] as const;

export const MUJOCO_SPEC: AttributeSpec = { supported: ['model'] };

export const COMPILER_SPEC: AttributeSpec = {
  supported: ['angle', 'eulerseq', 'inertiafromgeom', 'settotalmass', 'autolimits', 'boundmass', 'boundinertia', 'coordinate'],
  ignored: ['meshdir', 'texturedir', 'assetdir', 'strippath'],
};

export const OPTION_SPEC: AttributeSpec = {
  supported: ['timestep', 'gravity', 'wind', 'density', 'viscosity', 'integrator', 'solver', 'iterations', 'tolerance', 'cone', 'impratio'],
};

/** Attributes a `<geom>` accepts; inside `<default>` the same minus name/class. */
export const GEOM_ATTRIBUTES = [
  'type', 'size', 'pos', 'fromto', ...ORIENTATION_ATTRIBUTES, 'friction', 'density', 'mass', 'contype', 'conaffinity',
  'condim', 'priority', 'margin', 'gap', 'solmix', 'solref', 'solimp', 'rgba', 'group', 'fluidshape', 'shellinertia',
] as const;
export const GEOM_IGNORED = ['material', 'user'] as const;

export const JOINT_ATTRIBUTES = [
  'type', 'pos', 'axis', 'range', 'limited', 'damping', 'stiffness', 'springref', 'armature', 'frictionloss', 'ref',
  'margin', 'solreflimit', 'solimplimit',
] as const;
export const JOINT_IGNORED = ['group', 'user'] as const;

export const SITE_ATTRIBUTES = ['type', 'size', 'pos', ...ORIENTATION_ATTRIBUTES, 'rgba'] as const;
export const SITE_IGNORED = ['group', 'material', 'user'] as const;

export const MOTOR_ATTRIBUTES = ['gear', 'ctrlrange', 'ctrllimited', 'forcerange', 'forcelimited'] as const;
export const MOTOR_IGNORED = ['group', 'user'] as const;

export const TENDON_ATTRIBUTES = [
  'limited', 'range', 'stiffness', 'damping', 'frictionloss', 'springlength', 'margin', 'solreflimit', 'solimplimit',
] as const;
export const TENDON_IGNORED = ['group', 'width', 'material', 'rgba', 'user'] as const;

export const BODY_SPEC: AttributeSpec = {
  supported: ['name', 'childclass', 'pos', ...ORIENTATION_ATTRIBUTES, 'mocap', 'gravcomp'],
  ignored: ['user'],
};

export const GEOM_SPEC: AttributeSpec = { supported: ['name', 'class', ...GEOM_ATTRIBUTES], ignored: GEOM_IGNORED };
export const JOINT_SPEC: AttributeSpec = { supported: ['name', 'class', ...JOINT_ATTRIBUTES], ignored: JOINT_IGNORED };
export const FREEJOINT_SPEC: AttributeSpec = { supported: ['name'], ignored: ['group'] };
export const SITE_SPEC: AttributeSpec = { supported: ['name', 'class', ...SITE_ATTRIBUTES], ignored: SITE_IGNORED };
export const MOTOR_SPEC: AttributeSpec = {
  supported: ['name', 'class', 'joint', 'tendon', 'site', ...MOTOR_ATTRIBUTES],
  ignored: MOTOR_IGNORED,
};
export const FIXED_TENDON_SPEC: AttributeSpec = { supported: ['name', 'class', ...TENDON_ATTRIBUTES], ignored: TENDON_IGNORED };
export const TENDON_JOINT_SPEC: AttributeSpec = { supported: ['joint', 'coef'] };
export const EXCLUDE_SPEC: AttributeSpec = { supported: ['name', 'body1', 'body2'] };
export const DEFAULT_SPEC: AttributeSpec = { supported: ['class'] };

/** The element kinds a `<default>` class may hold, with the attributes each accepts there. */
export const DEFAULTABLE: Record<string, AttributeSpec> = {
  geom: { supported: GEOM_ATTRIBUTES, ignored: GEOM_IGNORED },
  joint: { supported: JOINT_ATTRIBUTES, ignored: JOINT_IGNORED },
  site: { supported: SITE_ATTRIBUTES, ignored: SITE_IGNORED },
  motor: { supported: MOTOR_ATTRIBUTES, ignored: MOTOR_IGNORED },
  tendon: { supported: TENDON_ATTRIBUTES, ignored: TENDON_IGNORED },
};

/** Top-level elements that only affect rendering, memory sizes or bookkeeping: skipped and recorded as ignored. */
export const IGNORED_TOP_LEVEL = ['visual', 'asset', 'size', 'statistic', 'custom'] as const;

/** Elements inside a body that only affect rendering. */
export const IGNORED_IN_BODY = ['camera', 'light'] as const;
