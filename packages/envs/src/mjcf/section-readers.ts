// Reads the <tendon>, <actuator> and <contact> sections, which refer to joints and bodies by name.
import { AttributeReader } from './attribute-reader.js';
import { DEFAULT_SOLIMP, DEFAULT_SOLREF } from './contact-defaults.js';
import { MAIN_CLASS, type DefaultClasses } from './default-classes.js';
import { EXCLUDE_SPEC, FIXED_TENDON_SPEC, MOTOR_SPEC, TENDON_JOINT_SPEC } from './element-specs.js';
import { MjcfError } from './mjcf-error.js';
import type {
  MjcfActuator, MjcfBody, MjcfCompiler, MjcfContactExclusion, MjcfFixedTendon, MjcfIgnored, MjcfJoint,
} from './mjcf-model.js';
import { expectNoChildren, type XmlElement } from './xml-tree.js';

/** What the section readers need from the rest of the compilation. */
export interface SectionContext {
  compiler: MjcfCompiler;
  defaults: DefaultClasses;
  ignored: MjcfIgnored[];
  bodies: readonly MjcfBody[];
  joints: readonly MjcfJoint[];
}

function findJoint(r: AttributeReader, context: SectionContext, attribute: string, user: string): MjcfJoint {
  const name = r.required(attribute);
  const joint = context.joints.find((j) => j.name === name) ?? r.fail(attribute, `unknown joint "${name}"`);
  if (joint.type !== 'hinge' && joint.type !== 'slide') {
    r.fail(attribute, `${user} needs a hinge or slide joint, "${name}" is ${joint.type}`);
  }
  return joint;
}

/** `<tendon>`: fixed tendons only (length = Σ coef · q). */
export function readTendons(section: XmlElement, context: SectionContext, firstId: number): MjcfFixedTendon[] {
  AttributeReader.forElement(section, { supported: [] }, context.ignored);
  return section.children.map((element, index) => {
    if (element.name !== 'fixed') {
      throw new MjcfError({ element: element.name, line: element.line }, 'unsupported tendon; expected <fixed>');
    }
    const r = context.defaults.readerFor(element, FIXED_TENDON_SPEC, 'tendon', MAIN_CLASS, context.ignored);
    const terms = element.children.map((child) => {
      if (child.name !== 'joint') {
        throw new MjcfError({ element: child.name, line: child.line }, 'unsupported element in <fixed>; expected <joint>');
      }
      expectNoChildren(child);
      const jr = AttributeReader.forElement(child, TENDON_JOINT_SPEC, context.ignored);
      const joint = findJoint(jr, context, 'joint', 'a fixed tendon');
      if (!jr.has('coef')) jr.fail(undefined, 'missing required attribute "coef"');
      return { joint: joint.id, coef: jr.number('coef', 1) };
    });
    if (terms.length === 0) r.fail(undefined, 'a fixed tendon needs at least one <joint>');
    const range = r.pair('range', [0, 0]);
    const limited = r.limited('limited', 'range', range, context.compiler.autoLimits);
    if (limited && !(range[0] < range[1])) r.fail('range', `expected range[0] < range[1], received [${range.join(', ')}]`);
    const springLength = r.numbers('springlength', 1, 2);
    if (springLength && springLength.length === 2 && springLength[0] !== springLength[1]) {
      r.fail('springlength', 'a dead-band spring (two different lengths) is outside the subset');
    }
    return {
      id: firstId + index,
      name: r.string('name') ?? '',
      joints: terms,
      limited,
      range,
      stiffness: r.nonNegative('stiffness'),
      damping: r.nonNegative('damping'),
      frictionLoss: r.nonNegative('frictionloss'),
      // MuJoCo's -1 means "the length at qpos0"
      springLength: springLength === undefined || springLength[0] === -1 ? undefined : springLength[0],
      margin: r.number('margin', 0),
      solrefLimit: r.padded('solreflimit', DEFAULT_SOLREF, 2),
      solimpLimit: r.padded('solimplimit', DEFAULT_SOLIMP, 3),
      line: element.line,
    };
  });
}

/** `<actuator>`: motors with joint transmission only. */
export function readActuators(section: XmlElement, context: SectionContext, firstId: number): MjcfActuator[] {
  AttributeReader.forElement(section, { supported: [] }, context.ignored);
  return section.children.map((element, index) => {
    if (element.name !== 'motor') {
      throw new MjcfError({ element: element.name, line: element.line }, 'unsupported actuator; expected <motor>');
    }
    expectNoChildren(element);
    const r = context.defaults.readerFor(element, MOTOR_SPEC, 'motor', MAIN_CLASS, context.ignored);
    for (const other of ['tendon', 'site'] as const) {
      if (r.has(other)) r.fail(other, 'only joint transmission is supported; use "joint"');
    }
    const joint = findJoint(r, context, 'joint', 'a motor');
    const ctrlRange = r.pair('ctrlrange', [0, 0]);
    const ctrlLimited = r.limited('ctrllimited', 'ctrlrange', ctrlRange, context.compiler.autoLimits);
    if (ctrlLimited && !(ctrlRange[0] < ctrlRange[1])) {
      r.fail('ctrlrange', `expected ctrlrange[0] < ctrlrange[1] on a limited motor, received [${ctrlRange.join(', ')}]`);
    }
    const forceRange = r.pair('forcerange', [0, 0]);
    const forceLimited = r.limited('forcelimited', 'forcerange', forceRange, context.compiler.autoLimits);
    if (forceLimited && !(forceRange[0] < forceRange[1])) {
      r.fail('forcerange', `expected forcerange[0] < forcerange[1], received [${forceRange.join(', ')}]`);
    }
    return {
      id: firstId + index,
      name: r.string('name') ?? '',
      type: 'motor',
      joint: joint.id,
      // a joint transmission uses only the first of MuJoCo's six gear entries
      gear: r.padded('gear', [1, 0, 0, 0, 0, 0], 1)[0]!,
      ctrlLimited,
      ctrlRange,
      forceLimited,
      forceRange,
      line: element.line,
    };
  });
}

/** `<contact>`: body-pair exclusions only. */
export function readContact(section: XmlElement, context: SectionContext): MjcfContactExclusion[] {
  AttributeReader.forElement(section, { supported: [] }, context.ignored);
  return section.children.map((element) => {
    if (element.name !== 'exclude') {
      throw new MjcfError({ element: element.name, line: element.line }, 'unsupported contact element; expected <exclude>');
    }
    expectNoChildren(element);
    const r = AttributeReader.forElement(element, EXCLUDE_SPEC, context.ignored);
    const [body1, body2] = (['body1', 'body2'] as const).map((attribute) => {
      const name = r.required(attribute);
      return (context.bodies.find((b) => b.name === name) ?? r.fail(attribute, `unknown body "${name}"`)).id;
    });
    return { body1: body1!, body2: body2!, line: element.line };
  });
}
