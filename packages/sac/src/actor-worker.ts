// The actor thread of the asynchronous mode: steps its own env with the latest policy snapshot and sends transition chunks.
import { init, make, RecordEpisodeStatistics, Rng, type Env, type Info } from '@rapier-gym/envs';
import { parentPort, workerData } from 'node:worker_threads';
import { createActionAdapter } from './action-adapter.js';
import type { ActorSetup, FromActor, ToActor, TransitionChunk } from './actor-messages.js';
import { SnapshotActor } from './policy-snapshot.js';

const setup = workerData as ActorSetup;
const port = parentPort!;
let actor = new SnapshotActor(setup.snapshot);
let grant = setup.grant;
let stopped = false;
let wake: (() => void) | undefined;

port.on('message', (message: ToActor) => {
  if (message.type === 'policy') actor = new SnapshotActor(message.snapshot);
  else if (message.type === 'grant') grant = Math.max(grant, message.upTo);
  else stopped = true;
  wake?.();
});

async function run(): Promise<void> {
  await init();
  const env = new RecordEpisodeStatistics(make(setup.envId, setup.envOptions as Record<string, never>) as Env<unknown, unknown>) as unknown as Env<unknown, unknown>;
  const adapter = createActionAdapter(env, 'actor worker');
  const rng = new Rng(setup.rngSeed >>> 0);
  const o = adapter.observationSize;
  const a = adapter.storedSize;
  const learnerAction = new Float32Array(a);
  let obs = env.reset({ seed: setup.resetSeed }).obs as Float32Array;
  let step = setup.startStep;
  while (!stopped) {
    if (step >= grant) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    const n = Math.min(setup.chunkSize, grant - step);
    const chunk: TransitionChunk = {
      type: 'chunk',
      count: n,
      observations: new Float32Array(n * o),
      actions: new Float32Array(n * a),
      rewards: new Float64Array(n),
      nextObservations: new Float32Array(n * o),
      terminated: new Uint8Array(n),
      truncated: new Uint8Array(n),
      physicsErrors: new Uint8Array(n),
      episodes: [],
    };
    for (let i = 0; i < n; i++) {
      if (step < setup.randomSteps) adapter.randomAction(rng, learnerAction);
      else actor.act(obs, false, rng, learnerAction);
      const result = env.step(adapter.toEnv(learnerAction)) as { obs: Float32Array; reward: number; terminated: boolean; truncated: boolean; info: Info };
      chunk.observations.set(obs, i * o);
      chunk.actions.set(learnerAction, i * a);
      chunk.rewards[i] = result.reward;
      chunk.nextObservations.set(result.obs, i * o);
      chunk.terminated[i] = result.terminated ? 1 : 0;
      chunk.truncated[i] = result.truncated ? 1 : 0;
      chunk.physicsErrors[i] = result.info.physics_error !== undefined ? 1 : 0;
      step += 1;
      if (result.terminated || result.truncated) {
        const stats = result.info.episode as { r: number; l: number } | undefined;
        if (stats) chunk.episodes.push({ row: i, r: stats.r, l: stats.l });
        obs = env.reset().obs as Float32Array;
      } else {
        obs = result.obs;
      }
    }
    port.postMessage(chunk satisfies FromActor, [chunk.observations.buffer, chunk.actions.buffer, chunk.rewards.buffer, chunk.nextObservations.buffer, chunk.terminated.buffer, chunk.truncated.buffer, chunk.physicsErrors.buffer] as ArrayBuffer[]);
    // Let policy updates and grants arrive.
    await new Promise((resolve) => setImmediate(resolve));
  }
  env.close();
}

run().catch((error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromActor));
