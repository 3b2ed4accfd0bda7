// Wrapper: forwards every Env member to the wrapped env; subclasses override what they change (gymnasium/core.py Wrapper).
import type { Env, EnvMetadata, ResetOptions, ResetResult, StepResult } from './env.js';
import type { SceneDescription } from './scene.js';
import type { Space } from '../spaces/space.js';
import type { EnvSpec } from '../registry/env-spec.js';

export class Wrapper<Obs = Float32Array, Act = Float32Array | number, InnerObs = Obs, InnerAct = Act> implements Env<Obs, Act> {
  constructor(readonly env: Env<InnerObs, InnerAct>) {}

  get observationSpace(): Space<Obs> {
    return this.env.observationSpace as unknown as Space<Obs>;
  }

  get actionSpace(): Space<Act> {
    return this.env.actionSpace as unknown as Space<Act>;
  }

  get metadata(): EnvMetadata {
    return this.env.metadata;
  }

  get spec(): EnvSpec | undefined {
    return this.env.spec;
  }

  set spec(spec: EnvSpec | undefined) {
    this.env.spec = spec;
  }

  get unwrapped(): Env<unknown, unknown> {
    return this.env.unwrapped;
  }

  reset(options?: ResetOptions): ResetResult<Obs> {
    return this.env.reset(options) as unknown as ResetResult<Obs>;
  }

  step(action: Act): StepResult<Obs> {
    return this.env.step(action as unknown as InnerAct) as unknown as StepResult<Obs>;
  }

  close(): void {
    this.env.close();
  }

  scene(): SceneDescription {
    return this.env.scene();
  }

  poses(out?: Float32Array): Float32Array {
    return this.env.poses(out);
  }

  toString(): string {
    return `${this.constructor.name}<${String(this.env)}>`;
  }
}
