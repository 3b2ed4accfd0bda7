// The trainer's side of the asynchronous mode: starts the actor worker, hands out its transitions, sends policies and grants.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ActorSetup, FromActor, ToActor, TransitionChunk } from './actor-messages.js';
import type { PolicySnapshot } from './policy-snapshot.js';

/** One env step as the trainer consumes it (from its own env or from the actor thread). */
export interface StepRecord {
  observation: Float32Array;
  action: Float32Array;
  reward: number;
  nextObservation: Float32Array;
  terminated: boolean;
  truncated: boolean;
  physicsError: boolean;
  episode: { r: number; l: number } | undefined;
  /** Asynchronous mode: the last step of a chunk (the moment to send a new policy and a grant). */
  endOfChunk: boolean;
}

/** Env steps per chunk the actor sends. */
export const ACTOR_CHUNK_STEPS = 50;
/** How many env steps the actor may run ahead of the steps the learner has consumed. */
export const ACTOR_LEAD_STEPS = 200;

const WORKER_URL = new URL('./actor-worker.js', import.meta.url);
const SOURCE_CONDITION = '@rapier-gym/source';

/** This process's Node flags without the source condition: the worker is built JavaScript and must import dist. */
function workerExecArgv(): string[] {
  const argv = process.execArgv;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if ((flag === '--conditions' || flag === '-C') && argv[i + 1] === SOURCE_CONDITION) i++;
    else if (flag !== `--conditions=${SOURCE_CONDITION}`) out.push(flag);
  }
  return out;
}

/** The actor worker, seen as a stream of steps. */
export class ActorThread {
  private readonly worker: Worker;
  private readonly chunks: TransitionChunk[] = [];
  private current: TransitionChunk | undefined;
  private row = 0;
  private failure: Error | undefined;
  private waiting: { resolve: () => void; reject: (e: Error) => void } | undefined;
  private readonly observationSize: number;
  private readonly actionSize: number;

  constructor(setup: Omit<ActorSetup, 'chunkSize' | 'grant'>, observationSize: number, actionSize: number) {
    if (!existsSync(fileURLToPath(WORKER_URL))) {
      throw new Error(`trainer: the asynchronous mode runs its actor from ${fileURLToPath(WORKER_URL)}, which does not exist; build the package (npx tsc -b packages/sac/tsconfig.lib.json) and import it from dist`);
    }
    this.observationSize = observationSize;
    this.actionSize = actionSize;
    const workerData: ActorSetup = { ...setup, chunkSize: ACTOR_CHUNK_STEPS, grant: setup.startStep + ACTOR_LEAD_STEPS };
    this.worker = new Worker(WORKER_URL, { workerData, execArgv: workerExecArgv() });
    this.worker.on('message', (message: FromActor) => {
      if (message.type === 'error') this.fail(new Error(`actor worker: ${message.message}`));
      else {
        this.chunks.push(message);
        this.waiting?.resolve();
      }
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`actor worker exited with code ${code}`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(this.failure);
  }

  /** The next step; waits for the actor when its chunks are used up. */
  async next(): Promise<StepRecord> {
    while (!this.current || this.row >= this.current.count) {
      if (this.failure) throw this.failure;
      const chunk = this.chunks.shift();
      if (chunk) {
        this.current = chunk;
        this.row = 0;
        break;
      }
      await new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
      this.waiting = undefined;
    }
    const c = this.current;
    const i = this.row++;
    const o = this.observationSize;
    const a = this.actionSize;
    const episode = c.episodes.find((e) => e.row === i);
    return {
      observation: c.observations.subarray(i * o, (i + 1) * o),
      action: c.actions.subarray(i * a, (i + 1) * a),
      reward: c.rewards[i]!,
      nextObservation: c.nextObservations.subarray(i * o, (i + 1) * o),
      terminated: c.terminated[i] === 1,
      truncated: c.truncated[i] === 1,
      physicsError: c.physicsErrors[i] === 1,
      episode: episode ? { r: episode.r, l: episode.l } : undefined,
      endOfChunk: this.row === c.count,
    };
  }

  sendPolicy(snapshot: PolicySnapshot): void {
    this.post({ type: 'policy', snapshot });
  }

  /** Lets the actor run until its step count reaches `consumedSteps + ACTOR_LEAD_STEPS`. */
  grant(consumedSteps: number): void {
    this.post({ type: 'grant', upTo: consumedSteps + ACTOR_LEAD_STEPS });
  }

  private post(message: ToActor): void {
    this.worker.postMessage(message);
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
