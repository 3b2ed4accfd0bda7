// Small deterministic envs for the wrapper tests (not exported from the package index).
import type { EnvMetadata, Info, StepResult } from '../core/env.js';
import { BaseEnv } from '../core/base-env.js';
import type { SceneDescription } from '../core/scene.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';

export interface CountingEnvOptions {
  /** Action space bounds. Default low [-1, 0], high [1, 2]. */
  actionLow?: number[];
  actionHigh?: number[];
  /** Reward of step t (1-based) is rewards[t - 1]; default: the reward of step t is t. */
  rewards?: number[];
  /** Observation at reset is observations[0], after step t observations[t]; default [t, action[0]] (reset: [0, 0]). */
  observations?: number[][];
  /** The step at which the episode terminates; default never. */
  terminateAt?: number;
}

/**
 * A counting env: a step counter t; `step(a)` increments t, returns reward t (or `rewards[t-1]`), observation
 * [t, a[0]] (or `observations[t]`), info { step: t, reward_count: reward }, and terminates at `terminateAt`. Its scene
 * has one box body, posed at (t, 0, 0) with identity rotation. It records every action it receives.
 */
export class CountingEnv extends BaseEnv<Float32Array, Float32Array> {
  readonly observationSpace: Box;
  readonly actionSpace: Box;
  readonly metadata: EnvMetadata = { renderFps: 10, renderModes: ['scene'] };
  readonly received: Float32Array[] = [];
  t = 0;
  closed = false;
  private readonly options: CountingEnvOptions;

  constructor(options: CountingEnvOptions = {}) {
    super();
    this.options = options;
    const obsSize = options.observations?.[0]?.length ?? 2;
    this.observationSpace = new Box(-Infinity, Infinity, [obsSize]);
    this.actionSpace = new Box(options.actionLow ?? [-1, 0], options.actionHigh ?? [1, 2]);
  }

  protected resetState(): { obs: Float32Array; info: Info } {
    this.t = 0;
    return { obs: this.observe(0), info: { step: 0 } };
  }

  protected stepState(action: Float32Array): StepResult<Float32Array> {
    this.received.push(action);
    this.t += 1;
    const reward = this.options.rewards ? this.options.rewards[this.t - 1]! : this.t;
    const terminated = this.options.terminateAt !== undefined && this.t >= this.options.terminateAt;
    return {
      obs: this.observe(action[0]!),
      reward,
      terminated,
      truncated: false,
      info: { step: this.t, reward_count: reward },
    };
  }

  override close(): void {
    this.closed = true;
  }

  scene(): SceneDescription {
    return {
      name: 'Counting',
      up: 'z',
      dt: 0.1,
      bodies: [
        {
          name: 'block',
          parent: -1,
          geoms: [{ type: 'box', size: [0.5, 0.5, 0.5], pos: [0, 0, 0], quat: [0, 0, 0, 1], rgba: [0.8, 0.2, 0.2, 1] }],
        },
      ],
      trackBody: 0,
    };
  }

  poses(out: Float32Array = new Float32Array(7)): Float32Array {
    out.set([this.t, 0, 0, 0, 0, 0, 1]);
    return out;
  }

  private observe(firstAction: number): Float32Array {
    const fixed = this.options.observations;
    return fixed ? Float32Array.from(fixed[this.t]!) : Float32Array.from([this.t, firstAction]);
  }
}

/** A one-step env with Discrete observation and action spaces, for the space-type errors of Box-only wrappers. */
export class DiscreteEnv extends BaseEnv<number, number> {
  readonly observationSpace = new Discrete(4);
  readonly actionSpace = new Discrete(3);
  readonly metadata: EnvMetadata = { renderFps: 10, renderModes: ['scene'] };

  protected resetState(): { obs: number; info: Info } {
    return { obs: 0, info: {} };
  }

  protected stepState(action: number): StepResult<number> {
    return { obs: action + 1, reward: action, terminated: true, truncated: false, info: {} };
  }

  scene(): SceneDescription {
    return { name: 'Discrete', up: 'z', dt: 0.1, bodies: [], trackBody: -1 };
  }

  poses(out: Float32Array = new Float32Array(0)): Float32Array {
    return out;
  }
}
