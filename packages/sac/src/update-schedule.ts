// When gradient steps happen: update phases every N env steps, gradient steps per env step, delayed actor and target updates.
import type { SacConfig } from './config.js';

/**
 * Gradient steps to run right after the environment step that brought the step count to `stepsTaken` (1-based):
 * none before `learningStarts`, otherwise `updateEvery × gradientSteps` whenever `stepsTaken` is a multiple of
 * `updateEvery` (Spinning Up: every 50 steps, 50 updates; SB3/CleanRL: every step, one update).
 */
export function gradientStepsDue(stepsTaken: number, config: Pick<SacConfig, 'learningStarts' | 'updateEvery' | 'gradientSteps'>): number {
  if (!Number.isInteger(stepsTaken) || stepsTaken < 0) {
    throw new Error(`update schedule: stepsTaken must be a non-negative integer, received ${stepsTaken}`);
  }
  if (stepsTaken < Math.max(1, config.learningStarts) || stepsTaken % config.updateEvery !== 0) return 0;
  return config.updateEvery * config.gradientSteps;
}

/**
 * Actor (and alpha) steps to run after critic step number `criticStep` (1-based): TD3-style delay with compensation —
 * every k-th critic step runs k actor steps, so the actor gets as many steps as the critic on average.
 */
export function actorStepsDue(criticStep: number, actorUpdateInterval: number): number {
  return criticStep % actorUpdateInterval === 0 ? actorUpdateInterval : 0;
}

/** Whether the target networks are updated after critic step number `criticStep` (1-based). */
export function targetUpdateDue(criticStep: number, targetUpdateInterval: number): boolean {
  return criticStep % targetUpdateInterval === 0;
}
