// A tiny deterministic env for the core tests: a point walking on a line, reaching |x| >= 1 terminates.
import { BaseEnv } from '../core/base-env.js';
import type { EnvMetadata, Info, StepResult } from '../core/env.js';
import type { SceneDescription } from '../core/scene.js';
import { Box } from '../spaces/box.js';

/** x' = x + 0.1·clip(a, -1, 1); reward = -|x'|; reset x ~ U(-0.5, 0.5) from the env's generator. */
export class LineWalkEnv extends BaseEnv<Float32Array, Float32Array> {
  readonly observationSpace = new Box(-1, 1, [1]);
  readonly actionSpace = new Box(-1, 1, [1]);
  readonly metadata: EnvMetadata = { renderFps: 10, renderModes: ['scene'] };
  x = 0;

  protected resetState(options: Record<string, unknown>): { obs: Float32Array; info: Info } {
    this.x = typeof options['x'] === 'number' ? options['x'] : this.rng.uniformIn(-0.5, 0.5);
    return { obs: Float32Array.of(this.x), info: {} };
  }

  protected stepState(action: Float32Array): StepResult {
    this.x = Math.max(-1, Math.min(1, this.x + 0.1 * Math.max(-1, Math.min(1, action[0]!))));
    const terminated = Math.abs(this.x) >= 1;
    return { obs: Float32Array.of(this.x), reward: -Math.abs(this.x), terminated, truncated: false, info: { x: this.x } };
  }

  scene(): SceneDescription {
    return {
      name: 'LineWalk',
      up: 'z',
      dt: 0.1,
      trackBody: 1,
      bodies: [
        { name: 'world', parent: -1, geoms: [{ type: 'plane', size: [0, 0, 0.1], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [0.5, 0.5, 0.5, 1] }] },
        { name: 'point', parent: 0, geoms: [{ type: 'sphere', size: [0.05], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [1, 0, 0, 1] }] },
      ],
    };
  }

  poses(out = new Float32Array(14)): Float32Array {
    out.set([0, 0, 0, 0, 0, 0, 1, this.x, 0, 0.05, 0, 0, 0, 1]);
    return out;
  }
}
