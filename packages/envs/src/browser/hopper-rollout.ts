// A fixed Hopper-v5 rollout used to compare the browser build with Node: same seed, same actions, all observations.
import { make } from '../registry/registry.js';
import { init } from '../physics/rapier-runtime.js';
import { Rng } from '../core/rng.js';
import '../tasks/index.js';

/** Resets Hopper-v5 with `seed`, steps `steps` seeded uniform actions, returns every observation concatenated. */
export async function hopperRollout(seed: number, steps: number): Promise<number[]> {
  await init();
  const env = make('Hopper-v5');
  const rng = new Rng(seed + 1);
  const out: number[] = Array.from(env.reset({ seed }).obs as Float32Array);
  for (let t = 0; t < steps; t++) {
    const action = Float32Array.from({ length: 3 }, () => rng.uniformIn(-1, 1));
    const r = env.step(action);
    out.push(...(r.obs as Float32Array), r.reward);
    if (r.terminated || r.truncated) out.push(...(env.reset().obs as Float32Array));
  }
  env.close();
  return out;
}
