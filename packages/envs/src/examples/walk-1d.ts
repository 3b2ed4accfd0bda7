// A complete user-defined env (the README's worked example): subclass BaseEnv, register it, check it.
import { BaseEnv } from '../core/base-env.js';
import type { EnvMetadata, Info, StepResult } from '../core/env.js';
import type { SceneDescription } from '../core/scene.js';
import { register } from '../registry/registry.js';
import { registeredIds } from '../registry/registry.js';
import { Box } from '../spaces/box.js';

export interface Walk1DOptions extends Record<string, unknown> {
  /** Metres moved per step at full action. */
  speed: number;
}

/** A point on a line: x' = x + speed·clip(a, -1, 1); reward -|x|; terminates when |x| > 10. */
export class Walk1D extends BaseEnv<Float32Array, Float32Array> {
  readonly observationSpace = new Box(-10, 10, [1]);
  readonly actionSpace = new Box(-1, 1, [1]);
  readonly metadata: EnvMetadata = { renderFps: 10, renderModes: ['scene'] };
  private x = 0;

  constructor(private readonly options: Walk1DOptions) {
    super();
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    this.x = this.rng.uniformIn(-1, 1);
    return { obs: Float32Array.of(this.x), info: {} };
  }

  protected stepState(action: Float32Array): StepResult {
    this.x += this.options.speed * Math.min(1, Math.max(-1, action[0]!));
    const terminated = Math.abs(this.x) > 10;
    this.x = Math.min(10, Math.max(-10, this.x));
    return { obs: Float32Array.of(this.x), reward: -Math.abs(this.x), terminated, truncated: false, info: { x: this.x } };
  }

  scene(): SceneDescription {
    return {
      name: 'me/Walk1D-v0',
      up: 'z',
      dt: 0.1,
      trackBody: 1,
      bodies: [
        { name: 'world', parent: -1, geoms: [{ type: 'plane', size: [0, 0, 1], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [0.8, 0.8, 0.8, 1] }] },
        { name: 'walker', parent: 0, geoms: [{ type: 'sphere', size: [0.1], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [0.9, 0.3, 0.2, 1] }] },
      ],
    };
  }

  poses(out = new Float32Array(14)): Float32Array {
    out.set([0, 0, 0, 0, 0, 0, 1, this.x, 0, 0.1, 0, 0, 0, 1]);
    return out;
  }
}

/** Registers `me/Walk1D-v0` once. */
export function registerWalk1D(): void {
  if (registeredIds().includes('me/Walk1D-v0')) return;
  register<Walk1DOptions>({
    id: 'me/Walk1D-v0',
    entryPoint: (options) => new Walk1D(options),
    defaultOptions: { speed: 0.1 },
    optionDocs: { speed: 'metres moved per step at full action' },
    maxEpisodeSteps: 100,
  });
}
