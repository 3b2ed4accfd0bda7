// Benchmark: env steps/s of locomotion tasks in one env, a SyncVectorEnv and WorkerVectorEnvs, with ratios to one thread (run: npx tsc -b tools/bench/tsconfig.lib.json && node tools/bench/dist/locomotion-vector-throughput.js).
import { availableParallelism, cpus } from 'node:os';
import { init, make, makeVec, type Env, type SyncVectorEnv } from '@rapier-gym/envs';
import { WorkerVectorEnv, type WorkerVectorEnvOptions } from '@rapier-gym/envs/node';
import { ACTION_BATCHES, actionBatches, actionSize } from './independent-stepping.js';
import { intFlag } from './locomotion-common.js';
import { ParallelCeiling } from './parallel-ceiling.js';
import { RapierCeiling } from './rapier-ceiling.js';
import { median, printTable, type Cell } from './table.js';

/** What the benchmark measures; every field has its default (the flags change them). */
interface VectorThroughputConfig {
  /** Tasks (`--tasks a,b`). Default Hopper-v5, Walker2d-v5, HalfCheetah-v5, Ant-v5. */
  ids: string[];
  /** Sub-envs of every vector env (`--envs`). Default 8. */
  numEnvs: number;
  /** Timed env steps per variant and round, counted in single-env steps (`--steps`). Default 800 (short rounds track the load). */
  steps: number;
  /** Interleaved rounds; medians are reported (`--rounds`). Default 12. */
  rounds: number;
  /** Seconds of untimed stepping of every variant before the rounds (`--warmup`). Default 3. */
  warmupSeconds: number;
  /** A round is quiet when the machine ceiling before and after it is at least this (`--quiet`). Default 1.8. */
  quiet: number;
}

/** A worker variant: its table label and WorkerVectorEnv options. */
interface WorkerVariant {
  name: string;
  options: WorkerVectorEnvOptions;
}

function config(argv: string[]): VectorThroughputConfig {
  const i = argv.indexOf('--tasks');
  const ids = i >= 0 && argv[i + 1] ? argv[i + 1]!.split(',') : ['Hopper-v5', 'Walker2d-v5', 'HalfCheetah-v5', 'Ant-v5'];
  return { ids, numEnvs: intFlag(argv, 'envs', 8), steps: intFlag(argv, 'steps', 800), rounds: intFlag(argv, 'rounds', 12), quiet: quietFlag(argv), warmupSeconds: intFlag(argv, 'warmup', 3) };
}

function quietFlag(argv: string[]): number {
  const i = argv.indexOf('--quiet');
  if (i < 0) return 1.8;
  const v = Number(argv[i + 1]);
  if (!(v >= 1 && v <= 2)) throw new Error(`--quiet must be a number in [1, 2], received ${String(argv[i + 1])}`);
  return v;
}

function workerVariants(numEnvs: number): WorkerVariant[] {
  const half = numEnvs / 2;
  return [
    { name: `worker 2 × ${half}, wait yield (defaults)`, options: { workers: 2, wait: 'yield' } },
    { name: `worker 2 × ${half}, wait block`, options: { workers: 2, wait: 'block' } },
    { name: `main ${half} + worker 1 × ${half}, wait block`, options: { workers: 1, mainThreadEnvs: half, wait: 'block' } },
    { name: `main ${half} + worker 1 × ${half}, block, spin 1000 µs`, options: { workers: 1, mainThreadEnvs: half, wait: 'block', spinMicros: 1000 } },
  ];
}

/** Env steps per second of `calls` calls to `step`, each advancing `stepsPerCall` env steps. */
async function rate(step: (t: number) => void | Promise<void>, calls: number, stepsPerCall: number): Promise<number> {
  const start = performance.now();
  for (let t = 0; t < calls; t++) await step(t);
  return (calls * stepsPerCall) / ((performance.now() - start) / 1000);
}

async function benchmarkTask(id: string, cfg: VectorThroughputConfig, ceiling: ParallelCeiling): Promise<Cell[][]> {
  const { numEnvs, steps, rounds } = cfg;
  const single: Env = make(id);
  const size = actionSize(single);
  const one = actionBatches(size, 1);
  const many = actionBatches(size, numEnvs);
  const sync: SyncVectorEnv = makeVec(id, numEnvs);
  const variants = workerVariants(numEnvs);
  const workers: WorkerVectorEnv[] = [];
  for (const v of variants) workers.push(await WorkerVectorEnv.create(id, numEnvs, { sharePoses: false, ...v.options }));

  single.reset({ seed: 0 });
  sync.reset({ seed: 0 });
  for (const w of workers) await w.reset({ seed: 0 });
  const stepSingle = (t: number): void => {
    const r = single.step(one[t % ACTION_BATCHES]!);
    if (r.terminated || r.truncated) single.reset();
  };
  const stepSync = (t: number): void => {
    sync.step(many[t % ACTION_BATCHES]!);
  };
  const vectorCalls = Math.max(1, Math.round(steps / numEnvs));
  // New worker threads run Rapier's WebAssembly on baseline code at first and compile the hot functions with the
  // optimising tier in the background, which takes a core for a second or two (measured: the ceiling drops to 1.0×
  // right after a fresh worker env's first steps). Warm every variant up, then wait for the machine to settle.
  const warmEnd = performance.now() + cfg.warmupSeconds * 1000;
  while (performance.now() < warmEnd) {
    await rate(stepSingle, 100, 1);
    for (const w of workers) await rate(async (t) => void (await w.step(many[t % ACTION_BATCHES]!)), 10, numEnvs);
  }
  const settleEnd = performance.now() + 3000;
  while (performance.now() < settleEnd && (await ceiling.ratio()) < cfg.quiet);
  // Round 0 warms up the JIT and is dropped; variants alternate within each round so that load changes hit all alike.
  // The machine ceiling is measured before and after each round; a round is quiet when both are ≥ cfg.quiet.
  const rates: number[][] = [[], [], ...variants.map(() => [])];
  const ceilings: number[] = [];
  const rapierCeiling = await RapierCeiling.create(id, Math.ceil(numEnvs / 2));
  await rapierCeiling.ratio(1000); // warm-up: the worker's WebAssembly tiers up
  const rapierCeilings: number[] = [];
  for (let r = 0; r <= rounds; r++) {
    const before = await ceiling.ratio();
    const round = [await rate(stepSingle, steps, 1), await rate(stepSync, vectorCalls, numEnvs)];
    for (const w of workers) round.push(await rate(async (t) => void (await w.step(many[t % ACTION_BATCHES]!)), vectorCalls, numEnvs));
    const after = await ceiling.ratio();
    if (r > 0) {
      round.forEach((x, k) => rates[k]!.push(x));
      ceilings.push(Math.min(before, after));
      rapierCeilings.push(await rapierCeiling.ratio());
    }
  }
  await rapierCeiling.close();
  single.close();
  sync.close();
  await Promise.all(workers.map((w) => w.close()));

  const quiet = ceilings.map((c, r) => (c >= cfg.quiet ? r : -1)).filter((r) => r >= 0);
  const names = ['single env', `sync ${numEnvs}`, ...variants.map((v) => v.name)];
  const rows = names.map((name, k): Cell[] => {
    const envs = k === 0 ? 1 : numEnvs;
    const threads = k < 2 ? '1' : '2';
    const value = median(rates[k]!);
    // Ratios are medians of per-round ratios: each round's single-env figure is the anchor of its own round.
    const perRound = rates[k]!.map((x, r) => x / rates[0]![r]!);
    const quietRatio = quiet.length > 0 ? `${median(quiet.map((r) => perRound[r]!)).toFixed(2)}×` : '–';
    const efficiency = k >= 2 ? median(perRound.map((x, r) => x / ceilings[r]!)).toFixed(2) : '';
    return [id, name, threads, value, (envs / value) * 1e6, `${median(perRound).toFixed(2)}×`, quietRatio, efficiency];
  });
  const quietCeiling = quiet.length > 0 ? `${median(quiet.map((r) => ceilings[r]!)).toFixed(2)}× (${quiet.length} of ${rounds})` : `– (0 of ${rounds})`;
  rows.push([id, 'machine ceiling: 2 threads of pure JS vs 1', '2', '', '', `${median(ceilings).toFixed(2)}×`, quietCeiling, '']);
  const quietRapier = quiet.length > 0 ? `${median(quiet.map((r) => rapierCeilings[r]!)).toFixed(2)}×` : '–';
  rows.push([id, `Rapier ceiling: 2 threads × ${Math.ceil(numEnvs / 2)} envs, no sync, vs 1`, '2', '', '', `${median(rapierCeilings).toFixed(2)}×`, quietRapier, '']);
  return rows;
}

async function main(): Promise<void> {
  const cfg = config(process.argv.slice(2));
  await init();
  console.log(
    `locomotion vector throughput: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, availableParallelism ${availableParallelism()}; ` +
      `${cfg.rounds} interleaved rounds × ${cfg.steps} env steps per variant, ${cfg.numEnvs} sub-envs per vector env, uniform random actions, default options (terminations on, autoreset next-step)`,
  );
  const rows: Cell[][] = [];
  const ceiling = new ParallelCeiling();
  for (const id of cfg.ids) rows.push(...(await benchmarkTask(id, cfg, ceiling)));
  await ceiling.close();
  printTable(
    'Locomotion env steps per second (µs/call: one single-env step or one whole vector step; ratios: medians of per-round ratios to the single env; ' +
      `quiet: rounds with the machine ceiling ≥ ${cfg.quiet}×; ÷ ceiling: the ratio over that round's ceiling; Rapier ceiling: two threads stepping ` +
      `their own envs with no synchronisation against one, measured after each round)`,
    ['task', 'variant', 'threads', 'env steps/s', 'µs/call', 'vs single', 'vs single, quiet rounds', '÷ ceiling'],
    rows,
  );
}

await main();
