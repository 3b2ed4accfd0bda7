// Browser test page entry: exposes the package and the reference rollout on window for the headless-Chromium test.
import * as envs from '../index.js';
import { hopperRollout } from './hopper-rollout.js';

Object.assign(globalThis, { rapierGym: envs, hopperRollout });
// The page's body is marked ready once the bundle has run (this file is compiled without the DOM lib).
(globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }).document.body.dataset['ready'] = 'true';
