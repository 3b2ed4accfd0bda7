// The default on-demand runner: loads a checkpoint's policy, makes the env and streams its episodes as frames.
import { Box, Discrete, init, make, type Env, type Info, type StepResult } from '@rapier-gym/envs';
import { toWireScene, type EpisodeOutcome, type FramePayload, type RolloutHeader } from '@rapier-gym/protocol';
import type { Policy, PolicyLoader, RolloutRequest, RolloutRunner, RolloutSink } from './rollout-runner.js';

export interface EnvRolloutRunnerOptions {
  /** Loads `<runDir>/checkpoints/<step>/`; the SAC package's loadPolicy. Required. */
  loadPolicy: PolicyLoader;
  /** Steps after which an episode of an env without a time limit is cut (reason "stopped"). Default 10000. */
  maxEpisodeSteps?: number;
  /** Software name written into the rollout header. Default "rapier-gym-server". */
  software?: string;
}

type AnyEnv = Env<unknown, unknown>;

/** Numeric (and boolean) info entries of a step, in the env's order: the frame's info terms. */
function numericInfoKeys(info: Info): string[] {
  return Object.keys(info).filter((key) => typeof info[key] === 'number' || typeof info[key] === 'boolean');
}

function infoValues(info: Info, terms: readonly string[]): Float32Array {
  const values = new Float32Array(terms.length);
  terms.forEach((term, i) => {
    const value = info[term];
    const number = typeof value === 'boolean' ? Number(value) : typeof value === 'number' ? value : 0;
    values[i] = Number.isFinite(number) ? number : 0;
  });
  return values;
}

/** Replaces non-finite entries by 0 in place (the wire carries finite floats only). */
function finiteOrZero(values: Float32Array): Float32Array {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) values[i] = 0;
  return values;
}

function labels(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}[${i}]`);
}

/** The rollout header: what was rolled out, the scene, labels and action bounds for the env's spaces. */
function describeRollout(env: AnyEnv, request: RolloutRequest, infoTerms: string[], software: string): RolloutHeader {
  const { actionSpace, observationSpace } = env;
  const header: RolloutHeader = {
    rolloutId: `${request.runId}/checkpoint-${request.checkpointStep}-seed-${request.seed}`,
    envId: request.envId,
    runId: request.runId,
    checkpointStep: request.checkpointStep,
    seed: request.seed,
    deterministic: request.deterministic,
    createdAt: new Date().toISOString(),
    software,
    scene: toWireScene(env.scene()),
    observationLabels: observationSpace instanceof Box ? labels('obs', observationSpace.size) : [],
    actionLabels: actionSpace instanceof Box ? labels('action', actionSpace.size) : ['action'],
    infoTerms,
  };
  if (actionSpace instanceof Box && actionSpace.isBounded()) {
    header.actionLow = Array.from(actionSpace.low);
    header.actionHigh = Array.from(actionSpace.high);
  } else if (actionSpace instanceof Discrete) {
    header.actionLow = [actionSpace.start];
    header.actionHigh = [actionSpace.start + actionSpace.n - 1];
  }
  return header;
}

function endReason(result: StepResult<unknown>): string {
  if (result.terminated) return 'terminated';
  const physicsError = result.info['physics_error'];
  if (physicsError !== undefined && physicsError !== false) return 'physics_error';
  return result.truncated ? 'time_limit' : 'stopped';
}

/** Turns env state into frames with the header's sizes. */
class FrameMaker {
  constructor(private readonly header: RolloutHeader) {}

  make(
    step: number,
    reward: number,
    action: Float32Array | number,
    info: Info,
    observation: unknown,
    poses: Float32Array,
    flags: { terminated: boolean; truncated: boolean },
  ): FramePayload {
    const frame: FramePayload = {
      step,
      time: Math.fround(step * this.header.scene.dt),
      reward: Number.isFinite(reward) ? reward : 0,
      terminated: flags.terminated,
      truncated: flags.truncated,
      poses: finiteOrZero(poses),
      action: finiteOrZero(typeof action === 'number' ? Float32Array.of(action) : Float32Array.from(action)),
      info: infoValues(info, this.header.infoTerms),
    };
    if (this.header.observationLabels.length > 0 && observation instanceof Float32Array) {
      frame.observation = finiteOrZero(Float32Array.from(observation));
    }
    return frame;
  }
}

function actWith(policy: Policy, observation: unknown, request: RolloutRequest): Float32Array | number {
  if (!(observation instanceof Float32Array)) {
    throw new Error(`env ${request.envId}: a policy acts on Float32Array observations, the env gives ${typeof observation}`);
  }
  return policy.act(observation, { deterministic: request.deterministic });
}

/**
 * Builds a RolloutRunner that rolls out a checkpoint with `make(envId)` from @rapier-gym/envs. Episode 0 resets with
 * the request's seed; later episodes continue the env's random stream (Gymnasium's seeding rule). Each episode is
 * frame 0 (the reset state, zero action and reward) then one frame per step. The info terms are the numeric entries
 * of the first step's info (reward terms, positions) in the env's order; a missing or non-finite value is sent as 0.
 * An episode ends as the env says ("terminated", "time_limit", "physics_error") or after maxEpisodeSteps ("stopped").
 * An action the env rejects (wrong size, out of the space) fails the rollout with the env's error message.
 */
export function createEnvRolloutRunner(options: EnvRolloutRunnerOptions): RolloutRunner {
  const maxEpisodeSteps = options.maxEpisodeSteps ?? 10_000;
  const software = options.software ?? 'rapier-gym-server';
  if (typeof options.loadPolicy !== 'function') {
    throw new Error(
      `createEnvRolloutRunner: loadPolicy must be a function (runDir, checkpointStep) => Promise<Policy>, received ${typeof options.loadPolicy}`,
    );
  }
  if (!Number.isInteger(maxEpisodeSteps) || maxEpisodeSteps < 1) {
    throw new Error(`createEnvRolloutRunner: maxEpisodeSteps must be a positive integer, received ${String(maxEpisodeSteps)}`);
  }
  return async (request: RolloutRequest, sink: RolloutSink): Promise<void> => {
    const policy = await options.loadPolicy(request.runDir, request.checkpointStep);
    await init(); // Rapier's WebAssembly, which the physics envs need (loaded once per process)
    const env = make(request.envId) as AnyEnv;
    try {
      let header: RolloutHeader | undefined;
      for (let episode = 0; episode < request.episodes && !sink.signal.aborted; episode++) {
        const reset = env.reset(episode === 0 ? { seed: request.seed } : {});
        const resetPoses = env.poses();
        let action = actWith(policy, reset.obs, request);
        let result = env.step(action);
        // The first step names the info terms, so it is taken before the episode is announced.
        header ??= describeRollout(env, request, numericInfoKeys(result.info), software);
        const frames = new FrameMaker(header);
        await sink.startEpisode(header, episode);
        const noAction = new Float32Array(header.actionLabels.length);
        await sink.frame(frames.make(0, 0, noAction, reset.info, reset.obs, resetPoses, { terminated: false, truncated: false }));
        let episodeReturn = 0;
        for (let step = 1; ; step++) {
          episodeReturn += result.reward;
          const cut = step >= maxEpisodeSteps || sink.signal.aborted;
          const ends = result.terminated || result.truncated || cut;
          const flags = { terminated: result.terminated, truncated: ends && !result.terminated };
          await sink.frame(frames.make(step, result.reward, action, result.info, result.obs, env.poses(), flags));
          if (ends) {
            const outcome: EpisodeOutcome = {
              terminated: result.terminated,
              truncated: !result.terminated,
              reason: endReason(result),
              episodeReturn: Number.isFinite(episodeReturn) ? episodeReturn : 0,
              length: step,
            };
            await sink.endEpisode(outcome);
            break;
          }
          action = actWith(policy, result.obs, request);
          result = env.step(action);
        }
      }
    } finally {
      env.close();
    }
  };
}
