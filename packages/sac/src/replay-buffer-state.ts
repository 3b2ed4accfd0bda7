// The saved form of a ReplayBuffer (its stored rows, write position and count) and the checks a loaded one must pass.

/** The stored rows [0, size) of each array, the ring's write position and the row count. */
export interface ReplayBufferState {
  capacity: number;
  observationSize: number;
  actionSize: number;
  next: number;
  count: number;
  observations: Float32Array;
  actions: Float32Array;
  rewards: Float32Array;
  nextObservations: Float32Array;
  terminated: Float32Array;
}

/** The five row arrays of a state, in storage order. */
export const REPLAY_ARRAYS = ['observations', 'actions', 'rewards', 'nextObservations', 'terminated'] as const;

/**
 * Throws an Error naming what is wrong when `state` does not fit a buffer of the given shape: capacity and sizes must
 * match, count and next lie within the capacity, and every array holds exactly count rows.
 */
export function checkReplayBufferState(state: ReplayBufferState, shape: { capacity: number; observationSize: number; actionSize: number }): void {
  if (state.capacity !== shape.capacity || state.observationSize !== shape.observationSize || state.actionSize !== shape.actionSize) {
    throw new Error(
      `replay buffer state: expected capacity ${shape.capacity}, observationSize ${shape.observationSize}, actionSize ${shape.actionSize}, received ${state.capacity}, ${state.observationSize}, ${state.actionSize}`,
    );
  }
  const n = state.count;
  if (!Number.isInteger(n) || n < 0 || n > state.capacity || !Number.isInteger(state.next) || state.next < 0 || state.next >= state.capacity) {
    throw new Error(`replay buffer state: count ${n} and next ${state.next} must be integers within the capacity ${state.capacity}`);
  }
  const sizes = { observations: n * state.observationSize, actions: n * state.actionSize, rewards: n, nextObservations: n * state.observationSize, terminated: n };
  for (const name of REPLAY_ARRAYS) {
    if (!(state[name] instanceof Float32Array) || state[name].length !== sizes[name]) {
      throw new Error(`replay buffer state: ${name} must be a Float32Array of ${sizes[name]} values, received ${state[name]?.length ?? 'none'}`);
    }
  }
}
