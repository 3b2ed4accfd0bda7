// Delay before the next WebSocket reconnection attempt: exponential backoff with a ceiling.

export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds. Default 500. */
  initialMs?: number;
  /** Longest delay, in milliseconds. Default 10000. */
  maxMs?: number;
}

/** Delay before retry `attempt` (0 for the first retry): initialMs * 2^attempt, capped at maxMs. */
export function reconnectDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const { initialMs = 500, maxMs = 10_000 } = options;
  if (!Number.isInteger(attempt) || attempt < 0) throw new Error(`reconnect attempt: expected an integer >= 0, received ${attempt}`);
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}
