// Malformed or unsupported MJCF throws an MjcfError naming the element, the attribute and the line.
import { describe, expect, it } from 'vitest';
import { MjcfError } from './mjcf-error.js';
import { loadMjcf } from './mjcf-loader.js';

/** Loads `xml`, expecting an MjcfError; returns it. */
function errorOf(xml: string): MjcfError {
  try {
    loadMjcf(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(MjcfError);
    return error as MjcfError;
  }
  throw new Error('expected loadMjcf to throw');
}

/** A document whose line 4 is `line4` inside a moving body with a hinge "j" (line 3). */
function withLine4(line4: string, topLevel = ''): string {
  return `<mujoco>
<worldbody>
<body name="b"><joint name="j"/><geom size="0.1"/>
${line4}
</body>
</worldbody>
${topLevel}
</mujoco>`;
}

describe('MJCF errors', () => {
  const cases: [string, string, string, string | undefined, number, RegExp][] = [
    ['unknown element in a body', withLine4('<composite/>'), 'composite', undefined, 4, /unsupported element in <body>/],
    ['unknown attribute that changes dynamics', withLine4('<geom size="0.1" fluidcoef="1 2 3 4 5"/>'), 'geom', 'fluidcoef', 4, /unsupported attribute/],
    ['malformed number', withLine4('<geom size="0.1" pos="0 0 1.2.3"/>'), 'geom', 'pos', 4, /expected a number, received "1.2.3"/],
    ['wrong arity', withLine4('<geom size="0.1" rgba="1 0 0"/>'), 'geom', 'rgba', 4, /expected 4 number\(s\), received 3/],
    ['too many sizes', withLine4('<geom size="0.1 0.2 0.3 0.4"/>'), 'geom', 'size', 4, /expected 1 to 3 number\(s\), received 4/],
    ['missing size', withLine4('<geom type="capsule"/>'), 'geom', undefined, 4, /needs "size"/],
    ['non-positive size', withLine4('<geom type="box" size="0.1 0 0.1"/>'), 'geom', 'size', 4, /3 positive size value/],
    ['bad enum value', withLine4('<geom type="mesh" size="0.1"/>'), 'geom', 'type', 4, /expected one of "plane".*received "mesh"/],
    ['bad condim', withLine4('<geom size="0.1" condim="2"/>'), 'geom', 'condim', 4, /expected 1, 3, 4 or 6, received 2/],
    ['fromto on a sphere', withLine4('<geom type="sphere" size="0.1" fromto="0 0 0 1 0 0"/>'), 'geom', 'fromto', 4, /needs a capsule/],
    ['fromto with pos', withLine4('<geom type="capsule" size="0.1" pos="1 0 0" fromto="0 0 0 1 0 0"/>'), 'geom', 'pos', 4, /both pos and fromto/],
    ['two orientations', withLine4('<geom size="0.1" quat="1 0 0 0" euler="0 0 1"/>'), 'geom', 'euler', 4, /only one orientation/],
    ['plane on a moving body', withLine4('<geom type="plane" size="1 1 1"/>'), 'geom', 'type', 4, /plane is only allowed/],
    ['plane before its body\'s joint', withLine4('<body><geom type="plane" size="1 1 1"/><joint/></body>'), 'geom', 'type', 4, /plane is only allowed/],
    ['limited joint without range', withLine4('<joint limited="true"/>'), 'joint', 'range', 4, /range\[0\] < range\[1\]/],
    ['ball range not starting at 0', withLine4('<joint type="ball" range="10 20"/>'), 'joint', 'range', 4, /must start at 0/],
    ['zero axis', withLine4('<joint axis="0 0 0"/>'), 'joint', 'axis', 4, /zero length/],
    ['negative damping', withLine4('<joint damping="-1"/>'), 'joint', 'damping', 4, /non-negative/],
    ['duplicate joint name', withLine4('<joint name="j"/>'), 'joint', 'name', 4, /duplicate joint name "j"/],
    ['unknown default class', withLine4('<geom class="nope" size="0.1"/>'), 'geom', 'class', 4, /unknown default class "nope"/],
    ['unknown childclass', withLine4('<body childclass="nope"/>'), 'body', 'childclass', 4, /unknown default class "nope"/],
    ['mocap body', withLine4('<body mocap="true"/>'), 'body', 'mocap', 4, /only "false" is supported/],
    ['unsupported inertial', withLine4('<inertial mass="1" pos="0 0 0"/>'), 'inertial', undefined, 4, /unsupported element/],
    ['moving body without mass', withLine4('<body><joint/><geom size="0.1" mass="0"/></body>'), 'body', undefined, 4, /needs positive mass/],
    ['text content', withLine4('<geom size="0.1">hello</geom>'), 'geom', undefined, 4, /unexpected text/],
  ];

  it.each(cases)('%s', (_label, xml, element, attribute, line, message) => {
    const error = errorOf(xml);
    expect(error.element).toBe(element);
    expect(error.attribute).toBe(attribute);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`<${element}>`);
    expect(error.message).toContain(`(line ${line})`);
    if (attribute !== undefined) expect(error.message).toContain(`attribute "${attribute}"`);
  });

  it('actuators: unknown joint, missing joint, tendon transmission, other actuator types, bad ctrlrange', () => {
    const motor = (body: string): MjcfError => errorOf(withLine4('', `<actuator>\n${body}\n</actuator>`));
    // <actuator> opens on line 7, so its first child is on line 8.
    expect(motor('<motor joint="nope"/>')).toMatchObject({ element: 'motor', attribute: 'joint', line: 8 });
    expect(motor('<motor joint="nope"/>').message).toMatch(/unknown joint "nope"/);
    expect(motor('<motor gear="1"/>')).toMatchObject({ element: 'motor', attribute: undefined, line: 8 });
    expect(motor('<motor gear="1"/>').message).toMatch(/missing required attribute "joint"/);
    expect(motor('<motor tendon="t"/>')).toMatchObject({ attribute: 'tendon', line: 8 });
    expect(motor('<position joint="j"/>')).toMatchObject({ element: 'position', line: 8 });
    expect(motor('<motor joint="j" ctrllimited="true" ctrlrange="1 -1"/>')).toMatchObject({ attribute: 'ctrlrange', line: 8 });
  });

  it('tendons: unknown joint, missing coef, spatial tendons', () => {
    const tendon = (body: string): MjcfError => errorOf(withLine4('', `<tendon>\n<fixed name="t">\n${body}\n</fixed>\n</tendon>`));
    expect(tendon('<joint joint="nope" coef="1"/>')).toMatchObject({ element: 'joint', attribute: 'joint', line: 9 });
    expect(tendon('<joint joint="j"/>').message).toMatch(/missing required attribute "coef"/);
    expect(errorOf(withLine4('', '<tendon>\n<spatial/>\n</tendon>'))).toMatchObject({ element: 'spatial', line: 8 });
  });

  it('defaults: unknown class name in a nested default, duplicate classes, bad element', () => {
    const xml = (content: string): string => `<mujoco>\n<default>\n${content}\n</default>\n<worldbody/>\n</mujoco>`;
    expect(errorOf(xml('<default><geom/></default>'))).toMatchObject({ element: 'default', line: 3 });
    expect(errorOf(xml('<default class="a"/>\n<default class="a"/>'))).toMatchObject({ element: 'default', attribute: 'class', line: 4 });
    expect(errorOf(xml('<camera/>'))).toMatchObject({ element: 'camera', line: 3 });
    expect(errorOf(xml('<joint dampin="1"/>'))).toMatchObject({ element: 'joint', attribute: 'dampin', line: 3 });
  });

  it('errors in a default attribute point at the default\'s line', () => {
    const error = errorOf('<mujoco>\n<default>\n<geom friction="a b"/>\n</default>\n<worldbody><body><joint/><geom size="0.1"/></body></worldbody>\n</mujoco>');
    expect(error).toMatchObject({ element: 'geom', attribute: 'friction', line: 3 });
  });

  it('top level: unknown sections, unsupported compiler and option settings, malformed XML, wrong root', () => {
    expect(errorOf('<mujoco>\n<sensor/>\n</mujoco>')).toMatchObject({ element: 'sensor', line: 2 });
    expect(errorOf('<mujoco>\n<keyframe/>\n</mujoco>')).toMatchObject({ element: 'keyframe', line: 2 });
    expect(errorOf('<mujoco>\n<equality/>\n</mujoco>')).toMatchObject({ element: 'equality', line: 2 });
    expect(errorOf('<mujoco>\n<extension/>\n</mujoco>')).toMatchObject({ element: 'extension', line: 2 });
    expect(errorOf('<mujoco>\n<compiler coordinate="global"/>\n</mujoco>')).toMatchObject({ attribute: 'coordinate', line: 2 });
    expect(errorOf('<mujoco>\n<compiler inertiafromgeom="false"/>\n</mujoco>')).toMatchObject({ attribute: 'inertiafromgeom', line: 2 });
    expect(errorOf('<mujoco>\n<compiler fusestatic="true"/>\n</mujoco>')).toMatchObject({ attribute: 'fusestatic', line: 2 });
    expect(errorOf('<mujoco>\n<option timestep="0"/>\n</mujoco>')).toMatchObject({ attribute: 'timestep', line: 2 });
    expect(errorOf('<mujoco>\n<option noslip_iterations="3"/>\n</mujoco>')).toMatchObject({ attribute: 'noslip_iterations', line: 2 });
    expect(errorOf('<mujoco>\n<option>\n<flag contact="disable"/>\n</option>\n</mujoco>')).toMatchObject({ element: 'flag', line: 3 });
    expect(errorOf('<mujoco>\n<worldbody>\n<body>\n</worldbody>\n</mujoco>')).toMatchObject({ line: 4 });
    expect(errorOf('<robot/>')).toMatchObject({ element: 'robot', line: 1 });
    expect(errorOf('<mujoco>\n<worldbody>\n<joint/>\n</worldbody>\n</mujoco>')).toMatchObject({ element: 'joint', line: 3 });
  });

  it('autolimits="false" requires limited to be explicit when a range is given', () => {
    const error = errorOf('<mujoco>\n<compiler autolimits="false"/>\n<worldbody><body>\n<joint range="0 1"/>\n<geom size="0.1"/></body></worldbody>\n</mujoco>');
    expect(error).toMatchObject({ element: 'joint', attribute: 'range', line: 4 });
  });

  it('attributes spread over several lines are reported on their own line', () => {
    const error = errorOf('<mujoco>\n<worldbody>\n<body>\n<geom\n  size="0.1"\n  pos="1 x 0"/>\n</body>\n</worldbody>\n</mujoco>');
    expect(error).toMatchObject({ element: 'geom', attribute: 'pos', line: 6 });
  });
});
