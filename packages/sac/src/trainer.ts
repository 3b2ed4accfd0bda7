// The SAC training loop: acting, replay, update schedule, evaluation, metrics rows and exact checkpoints / resume.
import { init, make, RecordEpisodeStatistics, Rng, type Env, type Info } from '@rapier-gym/envs';
import { join } from 'node:path';
import { createActionAdapter, type ActionAdapter } from './action-adapter.js';
import { ActorThread, type StepRecord } from './actor-thread.js';
import { formatBackendChoice, selectBackend, type BackendChoice } from './backend.js';
import { readCheckpoint, writeCheckpoint } from './checkpoint-store.js';
import { createSacLearner, type AnySacLearner } from './create-learner.js';
import { evaluatePolicy, type EvalEpisode, type EvalSummary } from './evaluation.js';
import { NonFiniteLossError, type SacUpdateMetrics } from './learner-common.js';
import type { LearnerState } from './learner-state.js';
import { snapshotPolicy, SnapshotActor, type PolicySnapshot } from './policy-snapshot.js';
import { meanQ } from './q-statistics.js';
import { allocateBatch, ReplayBuffer } from './replay-buffer.js';
import type { ReplayBufferState } from './replay-buffer-state.js';
import { resolveTrainConfig, type ResolvedTrainConfig, type TrainConfig } from './train-config.js';
import { addEpisode, addUpdate, emptySums, nextInterval, summariseSums, type IntervalSums, type MetricsRow } from './training-metrics.js';
import { gradientStepsDue } from './update-schedule.js';

/** How the current training episode began, so a resumed run can rebuild it exactly by replaying its actions. */
export type EpisodeStart = { seed: number } | { rngState: number[] };

/** What a checkpoint's state.bin + manifest hold (the replay buffer is stored beside it). */
export interface TrainerCheckpointState {
  config: ResolvedTrainConfig;
  step: number;
  episodes: number;
  learner: LearnerState;
  /** The policy as plain data, for loadPolicy and the browser export without tfjs. */
  policy: PolicySnapshot;
  envId: string;
  actionLow: Float32Array | null;
  actionHigh: Float32Array | null;
  /** Discrete spaces: env action = discreteStart + index. */
  discreteStart: number | null;
  rng: number[];
  episodeStart: EpisodeStart;
  /** Env actions of the current episode so far (Box: arrays, Discrete: integers). */
  episodeActions: (number | number[])[];
  /** The observation the next action will be taken on (checked after the replay). */
  observation: Float32Array;
  sums: IntervalSums;
  lastActorSteps: number;
  /** "async": no episode replay is possible; a resumed run starts a fresh episode (reset seed = seed + step). */
  mode: 'sync' | 'async';
}

/** A checkpoint that was written. */
export interface CheckpointInfo {
  step: number;
  dir: string;
  reason: 'periodic' | 'final' | 'abort';
}

/** Facts about the started run. */
export interface TrainStart {
  backend: BackendChoice;
  backendLine: string;
  config: ResolvedTrainConfig;
  observationSize: number;
  action: ActionAdapter['space'];
  resumedFromStep: number | undefined;
}

export interface TrainOptions {
  /** Where checkpoints go (`<run>/checkpoints`); without it no checkpoints are written. */
  checkpointDir?: string;
  /** A checkpoint folder to resume from (must hold the replay buffer, i.e. be the latest one). */
  resumeFrom?: string;
  /** Abort = save a checkpoint at the current step and return with `stopped: true`. */
  signal?: AbortSignal;
  onStart?: (start: TrainStart) => void | Promise<void>;
  onMetrics?: (row: MetricsRow) => void | Promise<void>;
  /** Each evaluation episode (with frames, scene and info terms when `recordEvalFrames`). */
  onEvalEpisode?: (episode: EvalEpisode) => void | Promise<void>;
  onEval?: (summary: EvalSummary) => void | Promise<void>;
  onCheckpoint?: (checkpoint: CheckpointInfo) => void | Promise<void>;
  /** Record poses and info terms of evaluation episodes (default: true when onEvalEpisode is given). */
  recordEvalFrames?: boolean;
}

export interface TrainResult {
  step: number;
  stopped: boolean;
  lastCheckpoint: CheckpointInfo | undefined;
  lastEval: EvalSummary | undefined;
  finalRow: MetricsRow | undefined;
}

/** Thrown when a loss becomes NaN or infinite; names the last good checkpoint to go back to. */
export class TrainingDivergedError extends Error {
  readonly step: number;
  readonly lastGoodCheckpoint: string | undefined;
  constructor(step: number, cause: NonFiniteLossError, lastGoodCheckpoint: string | undefined) {
    super(
      `training diverged at env step ${step}: ${cause.message}. ${lastGoodCheckpoint ? `Last good checkpoint: ${lastGoodCheckpoint}` : 'No checkpoint was written before it.'}`,
    );
    this.name = 'TrainingDivergedError';
    this.step = step;
    this.lastGoodCheckpoint = lastGoodCheckpoint;
  }
}

type AnyEnv = Env<unknown, unknown>;
interface StepOut {
  obs: Float32Array;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: Info;
}

function envRng(env: AnyEnv): { getState(): number[]; setState(s: readonly number[]): void } {
  const rng = (env.unwrapped as { rng?: { getState?: () => number[]; setState?: (s: readonly number[]) => void } }).rng;
  if (!rng || typeof rng.getState !== 'function' || typeof rng.setState !== 'function') {
    throw new Error(`trainer: env ${env.spec?.id ?? 'unknown'} exposes no rng with getState/setState on env.unwrapped (needed for exact checkpoints)`);
  }
  return rng as { getState(): number[]; setState(s: readonly number[]): void };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Makes the run's env (with RecordEpisodeStatistics) after loading Rapier's WebAssembly. */
async function makeEnv(config: TrainConfig): Promise<AnyEnv> {
  await init();
  return make(config.env, config.envOptions as Record<string, never>) as AnyEnv;
}

/**
 * Trains SAC on `config.env`. Reports through callbacks; touches the file system only for checkpoints. In this
 * synchronous mode a run resumed from its latest checkpoint continues bit for bit as if it had not stopped (same
 * backend): the checkpoint holds the learner state, replay buffer, RNG states, counters, metric sums and the current
 * episode's start (seed or env RNG state) and actions, which are replayed on resume to rebuild the env exactly.
 */
export async function train(input: Partial<TrainConfig> & { env: string }, options: TrainOptions = {}): Promise<TrainResult> {
  const config = resolveTrainConfig(input);
  const resumed = options.resumeFrom ? readCheckpoint<TrainerCheckpointState, ReplayBufferState>(options.resumeFrom, true) : undefined;
  if (resumed) {
    const saved = resumed.state.config;
    for (const key of ['env', 'envOptions', 'sac', 'preset'] as const) {
      if (!sameJson(saved[key], config[key])) {
        throw new Error(`trainer: cannot resume from ${options.resumeFrom}: config field "${key}" differs (checkpoint ${JSON.stringify(saved[key])}, given ${JSON.stringify(config[key])})`);
      }
    }
    if (resumed.step > config.totalSteps) {
      throw new Error(`trainer: cannot resume from step ${resumed.step}: totalSteps must be ≥ ${resumed.step}, received ${config.totalSteps}`);
    }
  }
  const backend = await selectBackend(config.backend === 'auto' ? undefined : config.backend);
  const rawEnv = await makeEnv(config);
  const env = new RecordEpisodeStatistics(rawEnv) as unknown as AnyEnv;
  const evalEnv = await makeEnv(config);
  const adapter = createActionAdapter(env);
  const sac = config.sac;
  const learner: AnySacLearner = createSacLearner(adapter.observationSize, adapter.space, sac);
  let actorThread: ActorThread | undefined;
  try {
    const buffer = new ReplayBuffer({ capacity: sac.bufferSize, observationSize: adapter.observationSize, actionSize: adapter.storedSize });
    const batch = allocateBatch(sac.batchSize, adapter.observationSize, adapter.storedSize);
    const rng = new Rng((config.seed ^ 0x5eed5eed) >>> 0);
    let step = 0;
    let episodes = 0;
    let sums = emptySums();
    let lastActorSteps = -1;
    let episodeStart: EpisodeStart = { seed: config.seed };
    let episodeActions: (number | number[])[] = [];
    let obs: Float32Array;
    if (resumed) {
      const s = resumed.state;
      learner.importState(s.learner);
      buffer.importState(resumed.replay!);
      rng.setState(s.rng);
      step = s.step;
      episodes = s.episodes;
      sums = s.sums;
      lastActorSteps = s.lastActorSteps;
      if (s.mode === 'async' || config.mode === 'async') {
        episodeStart = { seed: config.seed + step };
        obs = env.reset({ seed: config.seed + step }).obs as Float32Array;
      } else {
        episodeStart = s.episodeStart;
        episodeActions = s.episodeActions;
        obs = replayEpisode(env, episodeStart, episodeActions);
        if (!sameJson(Array.from(obs), Array.from(s.observation))) {
          throw new Error(`trainer: resuming from ${options.resumeFrom}: replaying the current episode's ${episodeActions.length} actions did not reproduce the saved observation (is the env deterministic?)`);
        }
      }
    } else {
      obs = (env.reset({ seed: config.seed }).obs as Float32Array);
    }
    let actor = new SnapshotActor(snapshotPolicy(learner));
    actorThread =
      config.mode === 'async'
        ? new ActorThread(
            { envId: config.env, envOptions: config.envOptions, resetSeed: 'seed' in episodeStart ? episodeStart.seed : config.seed + step, rngSeed: (config.seed ^ 0xa5a5a5a5) + step, startStep: step, randomSteps: sac.randomSteps, snapshot: actor.snapshot },
            adapter.observationSize,
            adapter.storedSize,
          )
        : undefined;
    let sentPolicy = actor.snapshot;
    await options.onStart?.({ backend, backendLine: formatBackendChoice(backend), config, observationSize: adapter.observationSize, action: adapter.space, resumedFromStep: resumed?.step });

    const learnerAction = new Float32Array(adapter.storedSize);
    let lastCheckpoint: CheckpointInfo | undefined;
    let lastEval: EvalSummary | undefined;
    let pendingEval: { deterministic?: EvalSummary; stochastic?: EvalSummary } = {};
    let finalRow: MetricsRow | undefined;
    let sampledBatch = false;
    const startTime = performance.now();
    let intervalStart = { time: startTime, step, updateMs: 0, updates: 0 };
    let lastYield = startTime;
    const record = options.recordEvalFrames ?? options.onEvalEpisode !== undefined;

    const refreshActor = (): void => {
      const actorSteps = learner.steps.actorSteps;
      if (actorSteps !== lastActorSteps) {
        actor = new SnapshotActor(snapshotPolicy(learner));
        lastActorSteps = actorSteps;
      }
    };
    refreshActor();

    const makeRow = (): MetricsRow => {
      const now = performance.now();
      const seconds = (now - intervalStart.time) / 1000;
      return {
        step,
        episodes,
        gradientSteps: learner.steps.criticSteps,
        ...summariseSums(sums),
        meanQ: sampledBatch ? meanQ(learner, batch) : null,
        sps: seconds > 0 ? (step - intervalStart.step) / seconds : 0,
        updateMs: intervalStart.updates ? intervalStart.updateMs / intervalStart.updates : null,
        evalReturnMean: pendingEval.deterministic?.returnMean ?? null,
        evalReturnStd: pendingEval.deterministic?.returnStd ?? null,
        evalStochasticReturnMean: pendingEval.stochastic?.returnMean ?? null,
        timeSeconds: (now - startTime) / 1000,
      };
    };

    const evaluate = async (): Promise<void> => {
      if (config.evalEpisodes === 0) return;
      const common = { envId: config.env, step, episodes: config.evalEpisodes, seed: config.evalSeed, recordFrames: record, ...(options.onEvalEpisode ? { onEpisode: options.onEvalEpisode } : {}) };
      const deterministic = await evaluatePolicy(evalEnv, actor, adapter, { ...common, deterministic: true });
      pendingEval.deterministic = deterministic;
      lastEval = deterministic;
      await options.onEval?.(deterministic);
      if (config.evalStochastic) {
        const stochastic = await evaluatePolicy(evalEnv, actor, adapter, { ...common, deterministic: false });
        pendingEval.stochastic = stochastic;
        await options.onEval?.(stochastic);
      }
    };

    const checkpoint = async (reason: CheckpointInfo['reason']): Promise<void> => {
      if (!options.checkpointDir) return;
      const state: TrainerCheckpointState = {
        config,
        step,
        episodes,
        learner: learner.exportState(),
        policy: snapshotPolicy(learner),
        envId: config.env,
        actionLow: adapter.low ?? null,
        actionHigh: adapter.high ?? null,
        discreteStart: adapter.discreteStart ?? null,
        rng: rng.getState(),
        episodeStart,
        episodeActions,
        observation: Float32Array.from(obs),
        sums,
        lastActorSteps,
        mode: config.mode,
      };
      const dir = writeCheckpoint(options.checkpointDir, { step, state, replay: buffer.exportState() });
      lastCheckpoint = { step, dir, reason };
      await options.onCheckpoint?.(lastCheckpoint);
    };

    let stopped = false;
    while (step < config.totalSteps) {
      if (options.signal?.aborted) {
        stopped = true;
        break;
      }
      let record: StepRecord;
      if (actorThread) {
        record = await actorThread.next();
      } else {
        if (step < sac.randomSteps) adapter.randomAction(rng, learnerAction);
        else actor.act(obs, false, rng, learnerAction);
        const envAction = adapter.toEnv(learnerAction);
        const result = env.step(envAction) as StepOut;
        episodeActions.push(typeof envAction === 'number' ? envAction : Array.from(envAction));
        const stats = result.info.episode as { r: number; l: number } | undefined;
        record = { observation: obs, action: learnerAction, reward: result.reward, nextObservation: result.obs, terminated: result.terminated, truncated: result.truncated, physicsError: result.info.physics_error !== undefined, episode: stats, endOfChunk: false };
      }
      step += 1;
      if (record.physicsError) sums.physicsErrors += 1;
      else buffer.add({ observation: record.observation, action: record.action, reward: record.reward, nextObservation: record.nextObservation, terminated: record.terminated });
      if (record.terminated || record.truncated) {
        episodes += 1;
        if (record.episode) addEpisode(sums, record.episode.r, record.episode.l);
        if (!actorThread) {
          episodeStart = { rngState: [...envRng(env).getState()] };
          episodeActions = [];
          obs = env.reset().obs as Float32Array;
        }
      } else if (!actorThread) {
        obs = record.nextObservation;
      }

      const due = gradientStepsDue(step, sac);
      if (due > 0 && buffer.size > 0) {
        const t0 = performance.now();
        for (let k = 0; k < due; k++) {
          buffer.sample(sac.batchSize, rng, batch);
          sampledBatch = true;
          let metrics: SacUpdateMetrics;
          try {
            metrics = learner.update(batch);
          } catch (error) {
            if (error instanceof NonFiniteLossError) throw new TrainingDivergedError(step, error, lastCheckpoint?.dir);
            throw error;
          }
          addUpdate(sums, metrics);
        }
        intervalStart.updateMs += performance.now() - t0;
        intervalStart.updates += due;
        refreshActor();
      }
      if (actorThread && record.endOfChunk) {
        if (actor.snapshot !== sentPolicy) {
          actorThread.sendPolicy(actor.snapshot);
          sentPolicy = actor.snapshot;
        }
        actorThread.grant(step);
      }

      const last = step === config.totalSteps;
      if ((config.evalEvery > 0 && step % config.evalEvery === 0) || last) await evaluate();
      if (step % config.logEvery === 0) {
        finalRow = makeRow();
        await options.onMetrics?.(finalRow);
        sums = nextInterval(sums);
        pendingEval = {};
        intervalStart = { time: performance.now(), step, updateMs: 0, updates: 0 };
      } else if (last) {
        // The closing row reads the sums without starting a new interval, so the final checkpoint matches a longer run's.
        finalRow = makeRow();
        await options.onMetrics?.(finalRow);
      }
      if (last || (config.checkpointEvery > 0 && step % config.checkpointEvery === 0)) await checkpoint(last ? 'final' : 'periodic');
      const now = performance.now();
      if (now - lastYield > 50) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    await actorThread?.stop();
    actorThread = undefined;
    if (stopped && lastCheckpoint?.step !== step) await checkpoint('abort');
    return { step, stopped, lastCheckpoint, lastEval, finalRow };
  } finally {
    await actorThread?.stop();
    learner.dispose();
    env.close();
    evalEnv.close();
  }
}

/** Rebuilds the current episode: the reset it began with, then its actions; returns the observation after them. */
function replayEpisode(env: AnyEnv, start: EpisodeStart, actions: (number | number[])[]): Float32Array {
  let obs: Float32Array;
  if ('seed' in start) obs = env.reset({ seed: start.seed }).obs as Float32Array;
  else {
    envRng(env).setState(start.rngState);
    obs = env.reset().obs as Float32Array;
  }
  for (const a of actions) {
    const result = env.step(typeof a === 'number' ? a : Float32Array.from(a)) as StepOut;
    obs = result.obs;
  }
  return obs;
}

/** `<run>/checkpoints` for a run folder. */
export function checkpointsDirOf(runDir: string): string {
  return join(runDir, 'checkpoints');
}
