// Benchmark: env steps per second of classic-control envs alone, in a SyncVectorEnv and in a WorkerVectorEnv (run: npm run bench:envs).
import { availableParallelism, cpus } from 'node:os';
import { Rng, make, makeVec, type Env } from '@rapier-gym/envs';
import { WorkerVectorEnv, type WorkerVectorEnvOptions } from '@rapier-gym/envs/node';
import { median, printTable, ratio, type Cell } from './table.js';

/** What the benchmark measures; every field has the default used by `npm run bench:envs`. */
interface ThroughputConfig {
  /** Env ids to measure. Default Pendulum-v1 (Box action) and CartPole-v1 (Discrete action). */
  ids: string[];
  /** Sub-envs of the vector envs. Default 8. */
  numEnvs: number;
  /** Worker threads of the worker vector env. Default 2 (2 × 4 sub-envs). */
  workers: number;
  /** Seconds per timed repeat. Default 1. */
  seconds: number;
  /** Timed repeats per variant; the median is reported. Default 3. */
  repeats: number;
}

const CONFIG: ThroughputConfig = { ids: ['Pendulum-v1', 'CartPole-v1'], numEnvs: 8, workers: 2, seconds: 1, repeats: 3 };
const ACTION_BATCHES = 64;

type Stepper = () => void | Promise<void>;

/** Runs `step` (which advances `stepsPerCall` env steps) for `seconds`, returning env steps per second. */
async function timeSteps(step: Stepper, stepsPerCall: number, seconds: number): Promise<number> {
  let calls = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (true) {
    for (let k = 0; k < 64; k++) await step();
    calls += 64;
    const now = performance.now();
    if (now >= end) return (calls * stepsPerCall) / ((now - start) / 1000);
  }
}

async function measure(step: Stepper, stepsPerCall: number): Promise<number> {
  await timeSteps(step, stepsPerCall, 0.2);
  const rates: number[] = [];
  for (let r = 0; r < CONFIG.repeats; r++) rates.push(await timeSteps(step, stepsPerCall, CONFIG.seconds));
  return median(rates);
}

/** Pre-drawn random action batches (drawing is not what is measured). */
function actionBatches(env: Env, n: number): (Float32Array | Int32Array)[] {
  const rng = new Rng(0);
  const space = env.actionSpace;
  return Array.from({ length: ACTION_BATCHES }, () => {
    if (space.dtype === 'int32') {
      const n0 = (space.toJSON() as { n: number }).n;
      return Int32Array.from({ length: n }, () => rng.integer(0, n0));
    }
    const json = space.toJSON() as { low: (number | null)[]; high: (number | null)[] };
    const size = json.low.length;
    return Float32Array.from({ length: n * size }, (_, i) => rng.uniformIn(json.low[i % size] ?? -1, json.high[i % size] ?? 1));
  });
}

async function benchmarkId(id: string): Promise<Cell[][]> {
  const { numEnvs, workers } = CONFIG;

  const single = make(id);
  single.reset({ seed: 0 });
  const singleActions = actionBatches(single, 1);
  let t = 0;
  const singleRate = await measure(() => {
    const batch = singleActions[t++ % ACTION_BATCHES]!;
    const result = single.step(batch instanceof Int32Array ? batch[0]! : batch);
    if (result.terminated || result.truncated) single.reset();
  }, 1);
  single.close();

  const sync = makeVec(id, numEnvs);
  sync.reset({ seed: 0 });
  const vecActions = actionBatches(single, numEnvs);
  const syncRate = await measure(() => {
    sync.step(vecActions[t++ % ACTION_BATCHES]!);
  }, numEnvs);
  sync.close();

  const workerRates: [string, number][] = [];
  const half = numEnvs / 2;
  const variants: [string, WorkerVectorEnvOptions][] = [
    [`worker ${workers} × ${numEnvs / workers}, wait yield`, { workers, wait: 'yield' }],
    [`worker ${workers} × ${numEnvs / workers}, wait yield, no poses`, { workers, wait: 'yield', sharePoses: false }],
    [`worker ${workers} × ${numEnvs / workers}, wait block, no poses`, { workers, wait: 'block', sharePoses: false }],
    [`main ${half} + worker 1 × ${half}, wait block, no poses`, { workers: 1, mainThreadEnvs: half, wait: 'block', sharePoses: false }],
    [`main ${half} + worker 1 × ${half}, block, spin 1000 µs, no poses`, { workers: 1, mainThreadEnvs: half, wait: 'block', spinMicros: 1000, sharePoses: false }],
  ];
  for (const [name, options] of variants) {
    const worker = await WorkerVectorEnv.create(id, numEnvs, options);
    await worker.reset({ seed: 0 });
    const rate = await measure(async () => {
      await worker.step(vecActions[t++ % ACTION_BATCHES]!);
    }, numEnvs);
    await worker.close();
    workerRates.push([name, rate]);
  }

  const row = (variant: string, envs: number, rate: number, vsSingle: string, vsSync: string): Cell[] => [
    id,
    variant,
    String(envs),
    rate,
    (envs / rate) * 1e6,
    vsSingle,
    vsSync,
  ];
  return [
    row('single env', 1, singleRate, '1.00×', ''),
    row(`sync ${numEnvs}`, numEnvs, syncRate, ratio(syncRate, singleRate), '1.00×'),
    ...workerRates.map(([name, rate]) => row(name, numEnvs, rate, ratio(rate, singleRate), ratio(rate, syncRate))),
  ];
}

async function main(): Promise<void> {
  console.log(
    `envs throughput: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, availableParallelism ${availableParallelism()}; ` +
      `median of ${CONFIG.repeats} × ${CONFIG.seconds} s, random actions, autoreset next-step`,
  );
  const rows: Cell[][] = [];
  for (const id of CONFIG.ids) rows.push(...(await benchmarkId(id)));
  printTable(
    'Env steps per second (µs/call is the time of one single-env step or one whole vector step)',
    ['env', 'variant', 'sub-envs', 'env steps/s', 'µs/call', 'vs single', 'worker/sync'],
    rows,
  );
}

await main();
