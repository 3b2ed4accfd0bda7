// Constructing a locomotion task before `await init()` throws the clear error (this file never calls init()).
import { expect, it } from 'vitest';
import { make } from '../registry/registry.js';
import { registeredIds } from '../registry/registry.js';
import './index.js';

it('registers the tasks on import, and make() before init() names the fix', () => {
  expect(registeredIds()).toEqual(expect.arrayContaining(['Hopper-v5', 'Walker2d-v5', 'HalfCheetah-v5', 'Ant-v5']));
  expect(() => make('Hopper-v5')).toThrow("Hopper-v5 needs Rapier's WebAssembly: call `await init()` (exported by @rapier-gym/envs) once before make()");
  expect(() => make('Ant-v5')).toThrow(/Ant-v5 needs Rapier's WebAssembly/);
});
