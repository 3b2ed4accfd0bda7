// Stands in for the SAC trainer in tests: a real Pendulum-v1 loop that feeds the live hub like the CLI will.
import { make } from '@rapier-gym/envs';
import { toWireScene, type Frame } from '@rapier-gym/protocol';
import type { LiveHub } from '../live-hub.js';

export interface PublishedEpisode {
  streamId: number;
  frames: Frame[];
  episodeReturn: number;
  length: number;
}

export interface SimulatedTrainingOptions {
  runId: string;
  /** Training env steps between evaluations (each evaluation is one published episode). */
  stepsPerEvaluation: number;
  evaluations: number;
  /** Steps of each evaluation episode (the env's limit is 200). */
  evaluationSteps: number;
  /** A metrics row every this many training steps. */
  metricsEvery: number;
  /** Called between steps of an evaluation episode, after frame `step` was published. */
  onFrame?: (step: number, streamId: number) => Promise<void> | void;
}

/** A deterministic pseudo-policy: torque from a sine of the step, in Pendulum's [-2, 2] range. */
function torque(step: number): Float32Array {
  return Float32Array.of(2 * Math.sin(step / 7));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `evaluations` rounds of: `stepsPerEvaluation` training steps (metrics rows published every `metricsEvery`),
 * then one evaluation episode published as beginEpisode / a frame per step / endEpisode, yielding to the event loop
 * after every frame as a trainer that awaits its callbacks would. Returns what was published.
 */
export async function runSimulatedTraining(hub: LiveHub, options: SimulatedTrainingOptions): Promise<{ episodes: PublishedEpisode[]; metricsSteps: number[] }> {
  const train = make('Pendulum-v1');
  const evaluate = make('Pendulum-v1');
  train.reset({ seed: 1 });
  const episodes: PublishedEpisode[] = [];
  const metricsSteps: number[] = [];
  let totalSteps = 0;
  let trainReturn = 0;
  for (let round = 0; round < options.evaluations; round++) {
    for (let i = 0; i < options.stepsPerEvaluation; i++) {
      const result = train.step(torque(totalSteps));
      trainReturn += result.reward;
      totalSteps++;
      if (result.terminated || result.truncated) train.reset();
      if (totalSteps % options.metricsEvery === 0) {
        hub.publishMetrics(options.runId, { step: totalSteps, trainReturn, qLoss: 1 / totalSteps, alpha: Number.NaN });
        metricsSteps.push(totalSteps);
      }
    }
    const scene = toWireScene(evaluate.scene());
    const streamId = hub.beginEpisode({
      rolloutId: `${options.runId}/eval-${totalSteps}`,
      runId: options.runId,
      envId: 'Pendulum-v1',
      seed: 100 + round,
      checkpointStep: totalSteps,
      episode: 0,
      deterministic: true,
      scene,
      observationLabels: ['cos', 'sin', 'thetaDot'],
      actionLabels: ['torque'],
      infoTerms: [],
      actionLow: [-2],
      actionHigh: [2],
    });
    const reset = evaluate.reset({ seed: 100 + round });
    const frames: Frame[] = [];
    const publish = (frame: Frame): void => {
      hub.publishFrame(frame);
      frames.push(frame);
    };
    publish({ streamId, step: 0, time: 0, reward: 0, terminated: false, truncated: false, poses: evaluate.poses(), action: new Float32Array(1), info: new Float32Array(0), observation: reset.obs });
    await options.onFrame?.(0, streamId);
    await nextTurn();
    let episodeReturn = 0;
    for (let step = 1; step <= options.evaluationSteps; step++) {
      const action = torque(step);
      const result = evaluate.step(action);
      episodeReturn += result.reward;
      const last = step === options.evaluationSteps;
      publish({
        streamId,
        step,
        time: Math.fround(step * scene.dt),
        reward: result.reward,
        terminated: result.terminated,
        truncated: result.truncated || last,
        poses: evaluate.poses(),
        action,
        info: new Float32Array(0),
        observation: result.obs,
      });
      await options.onFrame?.(step, streamId);
      await nextTurn();
    }
    hub.endEpisode({ streamId, terminated: false, truncated: true, reason: 'time_limit', episodeReturn, length: options.evaluationSteps });
    episodes.push({ streamId, frames, episodeReturn, length: options.evaluationSteps });
  }
  return { episodes, metricsSteps };
}
