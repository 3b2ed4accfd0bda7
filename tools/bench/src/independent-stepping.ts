// Steps a set of locomotion envs, each on its own with uniform random actions, for a given time (one thread's share of the Rapier ceiling).
import { Rng, init, make, type Env } from '@rapier-gym/envs';

const ACTION_ROWS = 32;

/** `count` envs of `id` on the calling thread, reset with seeds `seed…`, stepped round-robin with autoreset. */
export class IndependentStepper {
  private readonly actions: Float32Array[];
  private t = 0;

  private constructor(private readonly envs: Env[]) {
    const size = (envs[0]!.actionSpace.toJSON() as { low: unknown[] }).low.length;
    const rng = new Rng(7);
    this.actions = Array.from({ length: ACTION_ROWS }, () => Float32Array.from({ length: size }, () => rng.uniformIn(-1, 1)));
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
        const r = env.step(this.actions[this.t++ % ACTION_ROWS]!);
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
