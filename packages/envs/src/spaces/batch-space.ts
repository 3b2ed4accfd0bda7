// Batched spaces for vector envs, mirroring gymnasium/vector/utils/space_utils.py `batch_space`.
import { Box } from './box.js';
import { Discrete } from './discrete.js';
import { MultiDiscrete } from './multi-discrete.js';
import type { Space } from './space.js';

/** The space of `n` stacked values of `space`: Box → Box of shape [n, ...shape]; Discrete → MultiDiscrete. */
export function batchSpace(space: Space<unknown>, n: number): Box | MultiDiscrete {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`batchSpace: n must be a positive integer, got ${n}`);
  let batched: Box | MultiDiscrete;
  if (space instanceof Box) {
    const low = new Float32Array(space.size * n);
    const high = new Float32Array(space.size * n);
    for (let i = 0; i < n; i++) {
      low.set(space.low, i * space.size);
      high.set(space.high, i * space.size);
    }
    batched = new Box(low, high, [n, ...space.shape]);
  } else if (space instanceof Discrete) {
    batched = new MultiDiscrete(new Array<number>(n).fill(space.n), new Array<number>(n).fill(space.start));
  } else {
    throw new Error(`batchSpace: only Box and Discrete spaces can be batched, got ${String(space)}`);
  }
  batched.seed(space.rng.nextSeed());
  return batched;
}

/** Rebuilds a space from its JSON description. */
export function spaceFromJSON(json: ReturnType<Space<unknown>['toJSON']>): Box | Discrete | MultiDiscrete {
  switch (json.type) {
    case 'Box':
      return new Box(json.low.map((v) => v ?? -Infinity), json.high.map((v) => v ?? Infinity), json.shape);
    case 'Discrete':
      return new Discrete(json.n, json.start);
    case 'MultiDiscrete':
      return new MultiDiscrete(json.nvec, json.start);
    default:
      throw new Error(`spaceFromJSON: unknown space type ${JSON.stringify((json as { type?: unknown }).type)}`);
  }
}

