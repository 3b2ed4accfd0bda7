// Steps a set of locomotion envs, each on its own with uniform random actions, for a given time (one thread's share of the Rapier ceiling).
import { Rng, init, make, type Env } from '@rapier-gym/envs';

/** Pre-drawn action batches per benchmark; steps cycle through them. */
export const ACTION_BATCHES = 32;

/** `ACTION_BATCHES` batches of `rows` uniform random actions in [-1, 1) (every locomotion task benched has that box). */
export function actionBatches(size: number, rows: number, seed = 0): Float32Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: ACTION_BATCHES }, () => Float32Array.from({ length: rows * size }, () => rng.uniformIn(-1, 1)));
}

/** The length of an env's Box action. */
export function actionSize(env: Env): number {
  return (env.actionSpace.toJSON() as { low: unknown[] }).low.length;
}

/** `count` envs of `id` on the calling thread, reset with seeds `seed…`, stepped round-robin with autoreset. */
export class IndependentStepper {
  private readonly actions: Float32Array[];
  private t = 0;

  private constructor(private readonly envs: Env[]) {
    this.actions = actionBatches(actionSize(envs[0]!), 1, 7);
  }

  static async create(id: string, count: number, seed: number): Promise<IndependentStepper> {
    await init();
    const envs = Array.from({ length: count }, (_, i) => {
      const env = make(id);
      env.reset({ seed: seed + i });
      return env;
    });
    return new IndependentStepper(envs);
  }

  /** Env steps taken in `ms` milliseconds of stepping. */
  run(ms: number): number {
    const end = performance.now() + ms;
    let steps = 0;
    while (performance.now() < end) {
      for (const env of this.envs) {
        const r = env.step(this.actions[this.t++ % ACTION_BATCHES]!);
        if (r.terminated || r.truncated) env.reset();
        steps++;
      }
    }
    return steps;
  }

  close(): void {
    for (const env of this.envs) env.close();
  }
}
