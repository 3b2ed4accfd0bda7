// Tests of scene validation: the wire scene accepts envs' scene contract and names every malformed field.
import { describe, expect, it } from 'vitest';
import { decodeServerControlMessage } from './control-codec.js';
import { MAX_BODIES, MAX_GEOMS, MAX_GEOMS_PER_BODY } from './limits.js';
import type { Result } from './result.js';
import { episodeStartFromHeader } from './rollout-header.js';
import { sampleHopperHeader, sampleHopperScene } from './sample-rollout.js';
import { toWireScene, type WireScene } from './wire-scene.js';

/** Decodes an episodeStart carrying `scene` (given as plain JSON data). */
function decodeWithScene(scene: unknown): Result<unknown> {
  const start = { ...episodeStartFromHeader(sampleHopperHeader(), 0, 0), scene };
  return decodeServerControlMessage(JSON.stringify(start));
}

function editedScene(edit: (scene: WireScene) => void): WireScene {
  const scene = structuredClone(sampleHopperScene());
  edit(scene);
  return scene;
}

function expectError(result: Result<unknown>, code: string, message: string | RegExp): void {
  expect(result.ok ? 'ok' : result.error.code).toBe(code);
  if (!result.ok) {
    if (typeof message === 'string') expect(result.error.message).toBe(message);
    else expect(result.error.message).toMatch(message);
  }
}

describe('wire scene', () => {
  it('accepts the Hopper scene and every geom type with its MuJoCo size count', () => {
    const scene = editedScene((s) => {
      s.bodies[1]?.geoms.push(
        { type: 'sphere', size: [0.1], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [1, 0, 0, 1] },
        { type: 'cylinder', size: [0.1, 0.2], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [1, 0, 0, 0.5], collides: false },
        { type: 'box', size: [0.1, 0.2, 0.3], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [0, 0, 0, 0] },
        { type: 'ellipsoid', size: [0.1, 0.2, 0.3], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [0, 0, 0, 1] },
      );
    });
    const decoded = decodeWithScene(scene);
    expect(decoded.ok).toBe(true);
    expect(decoded.ok && (decoded.value as { scene: WireScene }).scene).toEqual(scene);
  });

  const cases: [string, (s: WireScene) => void, string, string | RegExp][] = [
    ['a box with two sizes', (s) => void (s.bodies[1]!.geoms[0] = { ...s.bodies[1]!.geoms[0]!, type: 'box' }), 'invalid_field',
      'episodeStart.scene.bodies[1].geoms[0].size: expected an array of 3 numbers for a box, received an array of 2'],
    ['a negative radius', (s) => void (s.bodies[2]!.geoms[0]!.size[0] = -0.05), 'invalid_field',
      /episodeStart\.scene\.bodies\[2\]\.geoms\[0\]\.size\[0\]: expected a finite number >= 0, received the number -0\.05/],
    ['a mesh geom', (s) => void ((s.bodies[1]!.geoms[0] as { type: string }).type = 'mesh'), 'invalid_field',
      'episodeStart.scene.bodies[1].geoms[0].type: expected one of "plane", "sphere", "capsule", "cylinder", "box", "ellipsoid", received the string "mesh"'],
    ['a three-entry quaternion', (s) => void ((s.bodies[1]!.geoms[0] as { quat: number[] }).quat = [0, 0, 1]), 'invalid_field',
      'episodeStart.scene.bodies[1].geoms[0].quat: expected an array of 4 numbers, received an array of 3'],
    ['a colour above 1', (s) => void (s.bodies[1]!.geoms[0]!.rgba = [1, 2, 0, 1]), 'invalid_field',
      'episodeStart.scene.bodies[1].geoms[0].rgba[1]: expected a finite number in [0, 1], received the number 2'],
    ['a position given as a string', (s) => void ((s.bodies[1]!.geoms[0] as { pos: unknown }).pos = '0 0 0'), 'invalid_field',
      'episodeStart.scene.bodies[1].geoms[0].pos: expected an array of 3 numbers, received the string "0 0 0"'],
    ['a parent out of range', (s) => void (s.bodies[2]!.parent = 5), 'invalid_field',
      'episodeStart.scene.bodies[2].parent: expected an integer in [-1, 4], received the number 5'],
    ['a body its own parent', (s) => void (s.bodies[2]!.parent = 2), 'invalid_field',
      'episodeStart.scene.bodies[2].parent: expected another body or -1, received the number 2'],
    ['a track body out of range', (s) => void (s.trackBody = 5), 'invalid_field',
      'episodeStart.scene.trackBody: expected an integer in [-1, 4], received the number 5'],
    ['a Y-up world', (s) => void ((s as { up: string }).up = 'y'), 'invalid_field',
      'episodeStart.scene.up: expected one of "z", received the string "y"'],
    ['a zero dt', (s) => void (s.dt = 0), 'invalid_field', 'episodeStart.scene.dt: expected a finite number > 0, received the number 0'],
    ['an empty name', (s) => void (s.name = ''), 'invalid_field', 'episodeStart.scene.name: expected a non-empty string, received the string ""'],
    ['a negative mass', (s) => void (s.bodies[1]!.mass = -1), 'invalid_field', /bodies\[1\]\.mass: expected a finite number >= 0/],
    ['an unknown body field', (s) => void ((s.bodies[1] as unknown as Record<string, unknown>)['inertia'] = [1, 1, 1]), 'unknown_field',
      'episodeStart.scene.bodies[1]: unexpected field "inertia"; allowed fields are name, parent, geoms, mass, com'],
    ['geoms missing', (s) => void delete (s.bodies[1] as Partial<WireScene['bodies'][number]>).geoms, 'missing_field',
      'episodeStart.scene.bodies[1].geoms: required field is missing'],
  ];

  it.each(cases)('rejects %s', (_, edit, code, message) => {
    expectError(decodeWithScene(editedScene(edit)), code, message);
  });

  it('rejects more bodies or geoms than the limits allow', () => {
    const body = { name: 'b', parent: -1, geoms: [] };
    expectError(
      decodeWithScene({ ...sampleHopperScene(), bodies: Array(MAX_BODIES + 1).fill(body), trackBody: -1 }),
      'oversized',
      `episodeStart.scene.bodies: expected at most ${MAX_BODIES} items, received ${MAX_BODIES + 1}`,
    );
    const geom = sampleHopperScene().bodies[1]!.geoms[0];
    expectError(
      decodeWithScene({ ...sampleHopperScene(), bodies: [{ ...body, geoms: Array(MAX_GEOMS_PER_BODY + 1).fill(geom) }], trackBody: -1 }),
      'oversized',
      `episodeStart.scene.bodies[0].geoms: expected at most ${MAX_GEOMS_PER_BODY} items, received ${MAX_GEOMS_PER_BODY + 1}`,
    );
    const fullBody = { ...body, geoms: Array(MAX_GEOMS_PER_BODY).fill(geom) };
    const bodyCount = MAX_GEOMS / MAX_GEOMS_PER_BODY + 1;
    expectError(
      decodeWithScene({ ...sampleHopperScene(), bodies: Array(bodyCount).fill(fullBody), trackBody: -1 }),
      'oversized',
      `episodeStart.scene.bodies: expected at most ${MAX_GEOMS} geoms in all, received ${bodyCount * MAX_GEOMS_PER_BODY}`,
    );
  });
});

describe('toWireScene', () => {
  it('keeps every wire field and drops fields the wire does not carry, so the result encodes', () => {
    const scene = sampleHopperScene();
    const extended = structuredClone(scene) as unknown as Record<string, unknown> & WireScene;
    extended['gravity'] = [0, 0, -9.81];
    (extended.bodies[1] as unknown as Record<string, unknown>)['inertia'] = [1, 1, 1];
    (extended.bodies[1]!.geoms[0] as unknown as Record<string, unknown>)['friction'] = [0.9, 0.005, 0.0001];
    expect(decodeWithScene(extended).ok).toBe(false);
    const wire = toWireScene(extended);
    expect(wire).toEqual(scene);
    expect(decodeWithScene(wire).ok).toBe(true);
  });

  it('copies arrays so later edits of the source do not leak into the wire scene', () => {
    const scene = sampleHopperScene();
    const wire = toWireScene(scene);
    scene.bodies[1]!.geoms[0]!.pos[2] = 99;
    expect(wire.bodies[1]!.geoms[0]!.pos[2]).toBe(0);
  });
});
