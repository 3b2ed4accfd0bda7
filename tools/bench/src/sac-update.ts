// Benchmark: SAC update throughput on tfjs (obs 17, act 6, batch 256, 256-256 nets, two critics) against PyTorch 1-thread.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ReplayBuffer,
  Rng,
  SacLearner,
  allocateBatch,
  formatBackendChoice,
  parseBackendName,
  selectBackend,
  type BackendName,
  type CriticEnsembleMode,
} from '@rapier-gym/sac';
import { median, printTable, ratio, type Cell } from './table.js';

interface Options {
  backend: BackendName | undefined;
  iters: number;
  warmup: number;
  batch: number;
  hidden: number;
  critics: number;
  obs: number;
  act: number;
  torch: boolean;
  anchor: string;
  ensemble: CriticEnsembleMode;
}

function parseArgs(argv: string[]): Options {
  const defaultAnchor = fileURLToPath(new URL('../../../../shared/anchors/torch_sac_update.py', import.meta.url));
  const o: Options = { backend: undefined, iters: 200, warmup: 20, batch: 256, hidden: 256, critics: 2, obs: 17, act: 6, torch: true, anchor: defaultAnchor, ensemble: 'auto' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`sac-update bench: ${flag} needs a value`);
      return v;
    };
    const int = (): number => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) throw new Error(`sac-update bench: ${flag} must be a positive integer, received ${argv[i]}`);
      return v;
    };
    if (flag === '--backend') o.backend = parseBackendName(value());
    else if (flag === '--iters') o.iters = int();
    else if (flag === '--warmup') o.warmup = int();
    else if (flag === '--batch') o.batch = int();
    else if (flag === '--hidden') o.hidden = int();
    else if (flag === '--critics') o.critics = int();
    else if (flag === '--no-torch') o.torch = false;
    else if (flag === '--anchor') o.anchor = value();
    else if (flag === '--ensemble') {
      const mode = value();
      if (mode !== 'auto' && mode !== 'batched' && mode !== 'unrolled') throw new Error(`sac-update bench: --ensemble must be auto, batched or unrolled, received "${mode}"`);
      o.ensemble = mode;
    }
    else throw new Error(`sac-update bench: unknown flag "${flag}" (expected --backend, --iters, --warmup, --batch, --hidden, --critics, --ensemble, --no-torch, --anchor)`);
  }
  return o;
}

interface Timing {
  msPerUpdate: number;
  medianStepMs: number;
}

interface TfjsTiming extends Timing {
  mode: 'batched' | 'unrolled';
}

function benchTfjs(o: Options): TfjsTiming {
  const rng = new Rng(0);
  const size = 100_000;
  const buffer = new ReplayBuffer({ capacity: size, observationSize: o.obs, actionSize: o.act });
  const obs = new Float32Array(o.obs);
  const next = new Float32Array(o.obs);
  const action = new Float32Array(o.act);
  for (let i = 0; i < size; i++) {
    rng.fillUniform(obs, -1, 1);
    rng.fillUniform(next, -1, 1);
    rng.fillUniform(action, -1, 1);
    buffer.add({ observation: obs, action, reward: rng.uniform() * 2 - 1, nextObservation: next, terminated: rng.uniform() < 0.01 });
  }
  // The anchor's work per update: one critic step, one actor step, one alpha step, one Polyak update.
  const learner = new SacLearner(
    { observationSize: o.obs, actionSize: o.act },
    { actorHiddenSizes: [o.hidden, o.hidden], criticHiddenSizes: [o.hidden, o.hidden], numCritics: o.critics, criticEnsemble: o.ensemble, batchSize: o.batch, actorUpdateInterval: 1, alpha: 'auto' },
  );
  const batch = allocateBatch(o.batch, o.obs, o.act);
  for (let i = 0; i < o.warmup; i++) learner.update(buffer.sample(o.batch, rng, batch));
  const steps: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < o.iters; i++) {
    const ts = performance.now();
    learner.update(buffer.sample(o.batch, rng, batch));
    steps.push(performance.now() - ts);
  }
  const total = performance.now() - t0;
  const mode = learner.critics.mode;
  learner.dispose();
  return { msPerUpdate: total / o.iters, medianStepMs: median(steps), mode };
}

function benchTorch(o: Options, variant: 'cleanrl' | 'lean'): (Timing & { blas: string }) | string {
  if (!existsSync(o.anchor)) return `anchor not found at ${o.anchor}`;
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const args = [o.anchor, '--threads', '1', '--variant', variant, '--iters', String(o.iters), '--warmup', String(o.warmup), '--batch', String(o.batch), '--hidden', String(o.hidden), '--obs', String(o.obs), '--act', String(o.act)];
  // One BLAS thread, whichever OpenBLAS build the alternatives select: the pthread build otherwise starts a pool of
  // busy-waiting threads that, on a shared 2-core machine, measured 20× slower (313 ms against 14 ms per update).
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  const run = spawnSync(python, args, { encoding: 'utf8', env });
  if (run.status !== 0) return `python3 torch unavailable (${(run.stderr || run.error?.message || '').trim().split('\n').pop()})`;
  const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { msPerUpdate: number; medianStepMs: number; blas: string[] };
  return { msPerUpdate: result.msPerUpdate, medianStepMs: result.medianStepMs, blas: result.blas.join(' ') };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const choice = await selectBackend(o.backend);
  console.log(formatBackendChoice(choice));
  const tfjs = benchTfjs(o);
  const rows: Cell[][] = [];
  const torch = o.torch ? (['cleanrl', 'lean'] as const).map((v) => [v, benchTorch(o, v)] as const) : [];
  const anchor = torch.find(([v]) => v === 'lean')?.[1];
  // Ratios use median step times: other processes on a shared machine inflate means far more than medians.
  const anchorMs = typeof anchor === 'object' ? anchor.medianStepMs : undefined;
  rows.push([`tfjs ${choice.backend} (${choice.device}), ${tfjs.mode} critics`, tfjs.msPerUpdate, tfjs.medianStepMs, 1000 / tfjs.msPerUpdate, anchorMs ? ratio(anchorMs, tfjs.medianStepMs) : 'n/a']);
  for (const [variant, t] of torch) {
    if (typeof t === 'string') {
      console.log(`torch ${variant}: ${t}`);
      continue;
    }
    rows.push([`pytorch 1 thread, ${variant} (${t.blas || 'blas?'})`, t.msPerUpdate, t.medianStepMs, 1000 / t.msPerUpdate, anchorMs ? ratio(anchorMs, t.medianStepMs) : 'n/a']);
  }
  printTable(
    `SAC update: obs ${o.obs}, act ${o.act}, batch ${o.batch}, ${o.hidden}-${o.hidden} nets, ${o.critics} critics, ${o.iters} updates after ${o.warmup} warm-up`,
    ['implementation', 'ms/update', 'median step ms', 'updates/s', 'speed vs pytorch lean, medians (≥1 = as fast or faster)'],
    rows,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
