// Makes each env of a sweep once (after Rapier's WebAssembly loads) so an unknown env id or option fails before any trial runs.
import { init, make } from '@rapier-gym/envs';
import type { Sweep } from './sweep-spec.js';

/** Throws the registry's message (naming the id or option and the valid ones), prefixed with the sweep's source. */
export async function checkSweepEnvs(sweep: Pick<Sweep, 'source' | 'trials'>): Promise<void> {
  await init();
  const seen = new Set<string>();
  for (const trial of sweep.trials) {
    const key = JSON.stringify([trial.config.env, trial.config.envOptions]);
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      make(trial.config.env, trial.config.envOptions as Record<string, never>).close();
    } catch (error) {
      throw new Error(`sweep ${sweep.source}: trial "${trial.id}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
