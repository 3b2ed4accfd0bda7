// The learner's configuration: one typed schema, a documented default per field, and validation with clear errors.

/** Activation of hidden layers. */
export type Activation = 'relu' | 'tanh';
/** Weight initialisation: Xavier/Glorot uniform with zero biases (TF1 implementations), or PyTorch nn.Linear's default. */
export type WeightInit = 'xavier' | 'torch-default';
/** Mean and log-std from one output layer of width 2|A| ("joint"), or from two heads of width |A| ("separate"). */
export type PolicyHead = 'joint' | 'separate';
/**
 * How log σ is bounded: "clip" clamps (no gradient outside the range), "clip-pass-gradient" clamps in the forward pass
 * but passes the gradient straight through (Stable Baselines' clip_but_pass_gradient), "tanh" squashes the raw output
 * with tanh and rescales it into [logStdMin, logStdMax] (Yarats, CleanRL).
 */
export type LogStdMode = 'clip' | 'clip-pass-gradient' | 'tanh';
/** What the policy L2 penalty applies to: the weight matrices, or the mean and log-std outputs (Haarnoja's `reg`). */
export type PolicyRegularizationTarget = 'weights' | 'outputs';
/** How the N critics run: one batched matmul per layer, one 2-D chain per member, or chosen by backend. */
export type CriticEnsembleMode = 'auto' | 'batched' | 'unrolled';
/** "sac": SAC with N Q-networks and optional entropy tuning (arXiv 1812.05905); "sac-v1": with a state-value network and target V (arXiv 1801.01290). */
export type SacVariant = 'sac' | 'sac-v1';

/** Every setting of the learner. Discrete action spaces use discrete SAC (arXiv 1910.07207) with the same fields. */
export interface SacConfig {
  variant: SacVariant;
  gamma: number;
  tau: number;
  targetUpdateInterval: number;
  batchSize: number;
  bufferSize: number;
  learningStarts: number;
  randomSteps: number;
  updateEvery: number;
  gradientSteps: number;
  actorUpdateInterval: number;
  numCritics: number;
  criticEnsemble: CriticEnsembleMode;
  actorLr: number;
  criticLr: number;
  alphaLr: number;
  valueLr: number;
  adamBeta1: number;
  adamBeta2: number;
  adamEpsilon: number;
  alpha: number | 'auto';
  initialAlpha: number;
  targetEntropy: number | 'auto';
  targetEntropyScale: number;
  rewardScale: number;
  actorHiddenSizes: number[];
  criticHiddenSizes: number[];
  activation: Activation;
  init: WeightInit;
  policyHead: PolicyHead;
  logStdMode: LogStdMode;
  logStdMin: number;
  logStdMax: number;
  policyRegularization: number;
  policyRegularizationTarget: PolicyRegularizationTarget;
  seed: number;
}

type Check = (value: unknown) => string | undefined;

interface FieldSpec {
  /** What the field means (the documentation shown by the CLI and in docs). */
  doc: string;
  default: SacConfig[keyof SacConfig];
  check: Check;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const integerIn =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (v) =>
    isNumber(v) && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? '∞' : max}]`;
const numberIn =
  (min: number, max: number, openMin = false): Check =>
  (v) =>
    isNumber(v) && (openMin ? v > min : v >= min) && v <= max
      ? undefined
      : `a finite number in ${openMin ? '(' : '['}${min}, ${max === Infinity ? '∞)' : `${max}]`}`;
const positive: Check = (v) => (isNumber(v) && v > 0 ? undefined : 'a finite number > 0');
const anyNumber: Check = (v) => (isNumber(v) ? undefined : 'a finite number');
const oneOf =
  (...options: string[]): Check =>
  (v) =>
    typeof v === 'string' && options.includes(v) ? undefined : `one of ${options.map((o) => `"${o}"`).join(', ')}`;
const hiddenSizes: Check = (v) =>
  Array.isArray(v) && v.length >= 1 && v.every((n) => isNumber(n) && Number.isInteger(n) && n >= 1)
    ? undefined
    : 'a non-empty array of positive integers';

/** The schema: documentation, default and check of every field. Defaults follow CleanRL's sac_continuous_action.py. */
export const SAC_CONFIG_SCHEMA: { readonly [K in keyof SacConfig]: FieldSpec } = {
  variant: { doc: '"sac" (N Q-networks, arXiv 1812.05905) or "sac-v1" (adds a state-value network and target V, arXiv 1801.01290).', default: 'sac', check: oneOf('sac', 'sac-v1') },
  gamma: { doc: 'Discount factor γ.', default: 0.99, check: numberIn(0, 1) },
  tau: { doc: 'Polyak coefficient τ: target ← τ·online + (1−τ)·target (1 = hard copy).', default: 0.005, check: numberIn(0, 1, true) },
  targetUpdateInterval: { doc: 'Critic gradient steps between target-network updates.', default: 1, check: integerIn(1) },
  batchSize: { doc: 'Transitions per gradient step.', default: 256, check: integerIn(1) },
  bufferSize: { doc: 'Replay buffer capacity (transitions; oldest overwritten first).', default: 1_000_000, check: integerIn(1) },
  learningStarts: { doc: 'Environment steps collected before the first gradient step.', default: 5000, check: integerIn(0) },
  randomSteps: { doc: 'Environment steps taken with uniformly random actions before the policy acts.', default: 5000, check: integerIn(0) },
  updateEvery: { doc: 'Environment steps between update phases; each phase runs updateEvery × gradientSteps gradient steps (Spinning Up\'s update_every).', default: 1, check: integerIn(1) },
  gradientSteps: { doc: 'Gradient steps per environment step (averaged over an update phase).', default: 1, check: integerIn(1) },
  actorUpdateInterval: { doc: 'Delayed policy updates: every k critic steps run k actor (and alpha) steps (TD3-style delay with compensation).', default: 2, check: integerIn(1) },
  numCritics: { doc: 'Number of Q-networks; targets use the minimum over the target critics.', default: 2, check: integerIn(1, 10) },
  criticEnsemble: { doc: 'How the critics run: "batched" (one batched matmul per layer, leading ensemble axis), "unrolled" (a 2-D matmul chain per critic), or "auto" (batched on tensorflow/webgl, unrolled on wasm/cpu where batched matmuls leave XNNPACK). Same math either way.', default: 'auto', check: oneOf('auto', 'batched', 'unrolled') },
  actorLr: { doc: 'Adam learning rate of the policy.', default: 3e-4, check: positive },
  criticLr: { doc: 'Adam learning rate of the Q-networks.', default: 1e-3, check: positive },
  alphaLr: { doc: 'Adam learning rate of log α (automatic entropy tuning).', default: 1e-3, check: positive },
  valueLr: { doc: 'Adam learning rate of the state-value network (sac-v1 only).', default: 3e-4, check: positive },
  adamBeta1: { doc: 'Adam β1 (all optimisers).', default: 0.9, check: numberIn(0, 1) },
  adamBeta2: { doc: 'Adam β2 (all optimisers).', default: 0.999, check: numberIn(0, 1) },
  adamEpsilon: { doc: 'Adam ε (PyTorch and TF1 default 1e-8; tfjs\'s own default is 1e-7).', default: 1e-8, check: positive },
  alpha: { doc: 'Entropy coefficient α: a fixed number ≥ 0, or "auto" to tune log α toward the target entropy (arXiv 1812.05905 §5, eq. 18).', default: 'auto', check: (v) => (v === 'auto' || (isNumber(v) && v >= 0) ? undefined : '"auto" or a finite number ≥ 0') },
  initialAlpha: { doc: 'Starting α when alpha is "auto".', default: 1, check: positive },
  targetEntropy: { doc: 'Target entropy H̄ for "auto": a number, or "auto" = −|A| (continuous) or targetEntropyScale·log|A| (discrete).', default: 'auto', check: (v) => (v === 'auto' || isNumber(v) ? undefined : '"auto" or a finite number') },
  targetEntropyScale: { doc: 'Discrete SAC: H̄ = scale·log|A| (Christodoulou 2019 uses 0.98).', default: 0.98, check: numberIn(0, 1, true) },
  rewardScale: { doc: 'Rewards are multiplied by this in the critic target (Haarnoja et al.\'s scale_reward).', default: 1, check: positive },
  actorHiddenSizes: { doc: 'Hidden layer widths of the policy MLP.', default: [256, 256], check: hiddenSizes },
  criticHiddenSizes: { doc: 'Hidden layer widths of each Q-network (and the value network of sac-v1).', default: [256, 256], check: hiddenSizes },
  activation: { doc: 'Hidden-layer activation.', default: 'relu', check: oneOf('relu', 'tanh') },
  init: { doc: 'Weight initialisation: "xavier" (Glorot uniform, zero bias) or "torch-default" (U(±1/√fan_in) for weights and biases).', default: 'torch-default', check: oneOf('xavier', 'torch-default') },
  policyHead: { doc: '"separate" mean and log-std layers, or one "joint" layer of width 2|A|.', default: 'separate', check: oneOf('joint', 'separate') },
  logStdMode: { doc: 'How log σ is kept in [logStdMin, logStdMax]: "clip", "clip-pass-gradient" or "tanh" rescaling.', default: 'tanh', check: oneOf('clip', 'clip-pass-gradient', 'tanh') },
  logStdMin: { doc: 'Lower bound of log σ.', default: -5, check: anyNumber },
  logStdMax: { doc: 'Upper bound of log σ.', default: 2, check: anyNumber },
  policyRegularization: { doc: 'L2 coefficient added to the policy loss (0 = off).', default: 0, check: numberIn(0, Infinity) },
  policyRegularizationTarget: { doc: '"weights": ½·coef·Σ‖W‖² over policy weight matrices; "outputs": ½·coef·(mean(μ²) + mean(log σ²)) as Haarnoja et al.\'s `reg`.', default: 'weights', check: oneOf('weights', 'outputs') },
  seed: { doc: 'Seed of weight initialisation, replay sampling and policy noise.', default: 1, check: integerIn(0, 2 ** 32 - 1) },
};

/** The defaults of every field (CleanRL's choices). */
export const DEFAULT_SAC_CONFIG: Readonly<SacConfig> = Object.freeze(
  Object.fromEntries(Object.entries(SAC_CONFIG_SCHEMA).map(([k, spec]) => [k, spec.default])) as unknown as SacConfig,
);

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/**
 * Merges overrides onto a base configuration (defaults unless given) and validates the result.
 * Unknown keys, wrong types and out-of-range values throw an Error naming the field, the expectation and the value.
 */
export function resolveSacConfig(overrides: Partial<SacConfig> = {}, base: Readonly<SacConfig> = DEFAULT_SAC_CONFIG): SacConfig {
  for (const key of Object.keys(overrides)) {
    if (!(key in SAC_CONFIG_SCHEMA)) {
      throw new Error(`sac config: unknown field "${key}" (expected one of ${Object.keys(SAC_CONFIG_SCHEMA).join(', ')})`);
    }
  }
  const merged = { ...base, ...overrides } as SacConfig;
  for (const [key, spec] of Object.entries(SAC_CONFIG_SCHEMA) as [keyof SacConfig, FieldSpec][]) {
    const problem = spec.check(merged[key]);
    if (problem) throw new Error(`sac config: ${key} must be ${problem}, received ${describe(merged[key])}`);
  }
  if (merged.logStdMin >= merged.logStdMax) {
    throw new Error(`sac config: logStdMin must be < logStdMax, received logStdMin ${merged.logStdMin} and logStdMax ${merged.logStdMax}`);
  }
  return { ...merged, actorHiddenSizes: [...merged.actorHiddenSizes], criticHiddenSizes: [...merged.criticHiddenSizes] };
}
