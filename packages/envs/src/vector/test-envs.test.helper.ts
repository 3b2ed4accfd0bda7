// Small deterministic envs for the vector-env tests; compiled (worker threads import the built file) but not published (`!dist/**/*.test.*`).
import { BaseEnv } from '../core/base-env.js';
import type { EnvMetadata, Info, StepResult } from '../core/env.js';
import type { SceneDescription } from '../core/scene.js';
import { register } from '../registry/registry.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';

export interface DriftOptions extends Record<string, unknown> {
  /** |x| at or beyond this terminates. */
  limit: number;
  /** The step (1-based, within an episode) at which step() throws; 0 never. */
  failAtStep: number;
  /** The step at which the thread exits with code 7 (simulates a crashed worker); 0 never. */
  exitAtStep: number;
}

/**
 * x starts uniform in [-1, 1) from the env's generator (reset option `x0` overrides it), then x ← x + action.
 * Observation [x, t] (t = steps this episode), reward x, terminated when |x| ≥ limit.
 * Info on step: `x` (number), `tag` (string `step<t>`), `even_step: true` only on even t, and on termination
 * `episode: { r: sum of rewards, l: t }`. Info on reset: `x0` (number).
 */
export class DriftEnv extends BaseEnv<Float32Array, Float32Array> {
  readonly observationSpace = new Box(-Infinity, Infinity, [2]);
  readonly actionSpace = new Box(-1, 1, [1]);
  readonly metadata: EnvMetadata = { renderFps: 10, renderModes: ['scene'] };
  x = 0;
  t = 0;
  episodeReturn = 0;

  constructor(readonly options: DriftOptions) {
    super();
  }

  protected resetState(options: Record<string, unknown>): { obs: Float32Array; info: Info } {
    this.x = typeof options['x0'] === 'number' ? options['x0'] : this.rng.uniformIn(-1, 1);
    this.t = 0;
    this.episodeReturn = 0;
    return { obs: Float32Array.of(this.x, this.t), info: { x0: this.x } };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    const t = this.t + 1;
    if (t === this.options.failAtStep) throw new Error(`Drift failure at step ${t}`);
    if (t === this.options.exitAtStep) process.exit(7);
    this.t = t;
    this.x += action[0]!;
    this.episodeReturn += this.x;
    const terminated = Math.abs(this.x) >= this.options.limit;
    const info: Info = { x: this.x, tag: `step${t}` };
    if (t % 2 === 0) info['even_step'] = true;
    if (terminated) info['episode'] = { r: this.episodeReturn, l: t };
    return { obs: Float32Array.of(this.x, t), reward: this.x, terminated, truncated: false, info };
  }

  scene(): SceneDescription {
    return {
      name: 'test/Drift-v0',
      up: 'z',
      dt: 0.1,
      trackBody: 1,
      bodies: [
        { name: 'world', parent: -1, geoms: [{ type: 'plane', size: [0, 0, 1], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [1, 1, 1, 1] }] },
        { name: 'ball', parent: 0, geoms: [{ type: 'sphere', size: [0.1], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [1, 0, 0, 1] }] },
      ],
    };
  }

  poses(out: Float32Array = new Float32Array(14)): Float32Array {
    out.set([0, 0, 0, 0, 0, 0, 1, this.x, 0, 0.5, 0, 0, 0, 1]);
    return out;
  }
}

/** Position starts at 0; action in {-1, 0, 1} moves it; reward 1 per step; terminated at |position| ≥ 2; info always {}. */
export class WalkEnv extends BaseEnv<Float32Array, number> {
  readonly observationSpace = new Box(-10, 10, [1]);
  readonly actionSpace = new Discrete(3, -1);
  readonly metadata: EnvMetadata = { renderFps: 10, renderModes: ['scene'] };
  position = 0;

  protected resetState(): { obs: Float32Array; info: Info } {
    this.position = 0;
    return { obs: Float32Array.of(0), info: {} };
  }

  protected stepState(action: number): StepResult<Float32Array> {
    this.position += action;
    return { obs: Float32Array.of(this.position), reward: 1, terminated: Math.abs(this.position) >= 2, truncated: false, info: {} };
  }

  scene(): SceneDescription {
    return {
      name: 'test/Walk-v0',
      up: 'z',
      dt: 1,
      trackBody: 0,
      bodies: [{ name: 'walker', parent: -1, geoms: [{ type: 'box', size: [0.1, 0.1, 0.1], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [0, 0, 1, 1] }] }],
    };
  }

  poses(out: Float32Array = new Float32Array(7)): Float32Array {
    out.set([this.position, 0, 0, 0, 0, 0, 1]);
    return out;
  }
}

/** Registers test/Drift-v0 (TimeLimit 5) and test/Walk-v0 (no limit); safe to call repeatedly. */
export function registerTestEnvs(): void {
  register<DriftOptions>(
    {
      id: 'test/Drift-v0',
      entryPoint: (options) => new DriftEnv(options),
      defaultOptions: { limit: 3, failAtStep: 0, exitAtStep: 0 },
      maxEpisodeSteps: 5,
    },
    { override: true },
  );
  register({ id: 'test/Walk-v0', entryPoint: () => new WalkEnv(), defaultOptions: {} }, { override: true });
}

/** The worker vector env awaits a module's exported `init()` after importing it: this is how the test envs get registered there. */
export async function init(): Promise<void> {
  registerTestEnvs();
}
