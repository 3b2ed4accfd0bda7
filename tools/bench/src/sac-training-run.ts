// Shared helper of the SAC training benchmarks: runs train() and collects the evaluation curve and training speed.
import { train, type EvalSummary, type MetricsRow, type SacConfig, type TrainConfig } from '@rapier-gym/sac';

/**
 * Stable-Baselines3's SAC defaults (stable_baselines3/sac/sac.py, policies.py) as overrides of the cleanrl preset, which
 * supplies the rest (PyTorch default init, PyTorch Adam): one learning rate for actor, critics and α (SB3: 3e-4);
 * batch 256; `learningStarts` (SB3: 100) with uniform random actions before it; τ 0.005; γ 0.99; one gradient step
 * per env step; actor, α and targets every step; ent_coef "auto" from α = 1 toward −|A|; two critics; log σ clipped to
 * [−20, 2]; `hidden`-`hidden` ReLU networks (SB3: 256).
 */
export function sb3SacConfig(options: { learningRate: number; learningStarts: number; hidden: number }): Partial<SacConfig> {
  return {
    actorLr: options.learningRate,
    criticLr: options.learningRate,
    alphaLr: options.learningRate,
    batchSize: 256,
    learningStarts: options.learningStarts,
    randomSteps: options.learningStarts,
    tau: 0.005,
    gamma: 0.99,
    updateEvery: 1,
    gradientSteps: 1,
    actorUpdateInterval: 1,
    targetUpdateInterval: 1,
    alpha: 'auto',
    initialAlpha: 1,
    numCritics: 2,
    logStdMode: 'clip',
    logStdMin: -20,
    logStdMax: 2,
    actorHiddenSizes: [options.hidden, options.hidden],
    criticHiddenSizes: [options.hidden, options.hidden],
  };
}

/** What one training run measured. */
export interface TrainingRunResult {
  backendLine: string;
  /** Deterministic evaluations in step order. */
  evals: EvalSummary[];
  rows: MetricsRow[];
  seconds: number;
  /** Env steps per second over the whole run, evaluations included. */
  overallSps: number;
  /** Env steps per second over the log intervals without an evaluation and after learning starts (acting + updates). */
  trainingSps: number;
  /** Mean milliseconds per gradient step over the run. */
  updateMs: number;
}

/** Trains with `config` (no checkpoints) and returns the curve and speeds; `onEval` sees each evaluation as it ends. */
export async function runTraining(config: Partial<TrainConfig> & { env: string }, onEval?: (summary: EvalSummary) => void): Promise<TrainingRunResult> {
  const evals: EvalSummary[] = [];
  const rows: MetricsRow[] = [];
  let backendLine = '';
  let learningStarts = 0;
  const t0 = performance.now();
  await train(config, {
    onStart: (start) => {
      backendLine = start.backendLine;
      learningStarts = start.config.sac.learningStarts;
    },
    onMetrics: (row) => {
      rows.push(row);
    },
    onEval: (summary) => {
      if (!summary.deterministic) return;
      evals.push(summary);
      onEval?.(summary);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const steps = rows.at(-1)?.step ?? 0;
  let trainSteps = 0;
  let trainSeconds = 0;
  let previous = 0;
  let updateMsSum = 0;
  let updateCount = 0;
  for (const row of rows) {
    const span = row.step - previous;
    if (row.evalReturnMean === null && previous >= learningStarts && row.sps > 0) {
      trainSteps += span;
      trainSeconds += span / row.sps;
    }
    if (row.updateMs !== null) {
      const updates = row.gradientSteps - (rows[rows.indexOf(row) - 1]?.gradientSteps ?? 0);
      updateMsSum += row.updateMs * updates;
      updateCount += updates;
    }
    previous = row.step;
  }
  return {
    backendLine,
    evals,
    rows,
    seconds,
    overallSps: steps / seconds,
    trainingSps: trainSeconds > 0 ? trainSteps / trainSeconds : Number.NaN,
    updateMs: updateCount ? updateMsSum / updateCount : Number.NaN,
  };
}

/** Reads `--kebab-name value` numeric flags (non-negative) with defaults; unknown flags throw naming the valid ones. */
export function parseNumberFlags<T extends Record<string, number>>(script: string, argv: string[], defaults: T): T {
  const out: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const key = flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!flag.startsWith('--') || !(key in defaults)) {
      const valid = Object.keys(defaults).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      throw new Error(`${script}: unknown flag "${flag}" (expected ${valid.join(', ')})`);
    }
    const value = Number(argv[++i]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${script}: ${flag} must be a non-negative number, received ${argv[i]}`);
    out[key] = value;
  }
  return out as T;
}
