// Adam over one flat buffer per optimiser: a fixed handful of tfjs ops per step however many variables it owns.
import * as tf from '@tensorflow/tfjs';

export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1) in PyTorch's form: m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 * θ ← θ − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε). Moments live in two flat tensors; gradients and parameters are
 * concatenated, updated in one pass and split back, instead of ~10 ops per variable.
 */
export class FlatAdam {
  readonly variables: tf.Variable[];
  private readonly sizes: number[];
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  private readonly options: AdamOptions;
  private step = 0;

  constructor(variables: tf.Variable[], options: AdamOptions) {
    if (variables.length === 0) throw new Error('adam: needs at least one variable, received none');
    this.variables = variables;
    this.options = { ...options };
    this.sizes = variables.map((v) => v.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    // Inside tidy so the zero tensors the variables are made from are released (a variable holds its own reference).
    this.m = tf.tidy(() => tf.variable(tf.zeros([total]), false));
    this.v = tf.tidy(() => tf.variable(tf.zeros([total]), false));
  }

  /** Number of steps taken (restored with checkpoints: it sets the bias correction). */
  get steps(): number {
    return this.step;
  }

  set steps(value: number) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`adam: steps must be a non-negative integer, received ${value}`);
    this.step = value;
  }

  /** The first and second moment buffers (for checkpoints). */
  momentVariables(): tf.Variable[] {
    return [this.m, this.v];
  }

  /** Applies one step; `grads` are in the order of `variables` (or a name → gradient map from tf.variableGrads). */
  apply(grads: tf.Tensor[] | tf.NamedTensorMap): void {
    const list = Array.isArray(grads) ? grads : this.variables.map((v) => grads[v.name]);
    list.forEach((g, i) => {
      if (!g) throw new Error(`adam: missing gradient for variable "${this.variables[i]!.name}"`);
    });
    this.step += 1;
    const { learningRate, beta1, beta2, epsilon } = this.options;
    const stepSize = learningRate / (1 - beta1 ** this.step);
    const inverseRootCorrection2 = 1 / Math.sqrt(1 - beta2 ** this.step);
    tf.tidy(() => {
      const g = list.length === 1 ? list[0]!.reshape([-1]) : tf.concat(list.map((t) => t!.reshape([-1])));
      const m = tf.add(tf.mul(this.m, beta1), tf.mul(g, 1 - beta1));
      const v = tf.add(tf.mul(this.v, beta2), tf.mul(tf.square(g), 1 - beta2));
      this.m.assign(m);
      this.v.assign(v);
      const denominator = tf.add(tf.mul(tf.sqrt(v), inverseRootCorrection2), epsilon);
      const update = tf.mul(tf.div(m, denominator), stepSize);
      if (this.variables.length === 1) {
        const only = this.variables[0]!;
        only.assign(tf.sub(only, update.reshape(only.shape)));
        return;
      }
      const flat = tf.concat(this.variables.map((p) => p.reshape([-1])));
      const parts = tf.split(tf.sub(flat, update), this.sizes);
      this.variables.forEach((p, i) => p.assign(parts[i]!.reshape(p.shape)));
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}
