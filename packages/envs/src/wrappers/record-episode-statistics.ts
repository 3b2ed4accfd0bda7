// RecordEpisodeStatistics: adds each episode's return, length and duration to the final info (gymnasium/wrappers/common.py).
import { type Action, type Env, type ResetOptions, type ResetResult, type StepResult } from '../core/env.js';
import { describeValue } from '../core/format.js';
import { Wrapper } from '../core/wrapper.js';
import { wrapperLabel } from './wrapper-label.js';

/** The statistics of one finished episode, as Gymnasium's `info["episode"]`. */
export interface EpisodeStatistics {
  /** Return: the sum of the episode's rewards. */
  r: number;
  /** Length: the number of steps. */
  l: number;
  /** Wall-clock seconds since the episode began (its reset, or the end of the previous episode), rounded to 6 decimals. */
  t: number;
}

export interface RecordEpisodeStatisticsOptions {
  /** How many recent episodes `returnQueue`, `lengthQueue` and `timeQueue` keep. Default 100. */
  bufferLength?: number;
  /** The info key that receives the statistics. Default `'episode'`. */
  statsKey?: string;
  /** Wall clock in seconds. Default `performance.now() / 1000` (Gymnasium uses `time.perf_counter()`). */
  clock?: () => number;
}

/**
 * On the step that ends an episode (terminated or truncated) sets `info[statsKey] = { r, l, t }` and appends r, l and t
 * to `returnQueue`, `lengthQueue` and `timeQueue` (the last `bufferLength` episodes, oldest first). As in Gymnasium
 * the clock restarts at every `reset` and again when an episode ends, and a wrapped env whose info already holds
 * `statsKey` at an episode end is an error.
 */
export class RecordEpisodeStatistics<Obs = Float32Array, Act = Action> extends Wrapper<Obs, Act> {
  readonly bufferLength: number;
  readonly statsKey: string;
  /** Episodes finished since the wrapper was built. */
  episodeCount = 0;
  private readonly clock: () => number;
  private episodeStartTime = -1;
  private episodeReturn = 0;
  private episodeLength = 0;
  private readonly returns: number[] = [];
  private readonly lengths: number[] = [];
  private readonly times: number[] = [];

  constructor(env: Env<Obs, Act>, options: RecordEpisodeStatisticsOptions = {}) {
    super(env);
    const where = wrapperLabel('RecordEpisodeStatistics', env);
    const { bufferLength = 100, statsKey = 'episode', clock = defaultClock } = options;
    if (!Number.isInteger(bufferLength) || bufferLength <= 0) {
      throw new Error(`${where}: bufferLength must be a positive integer, got ${describeValue(bufferLength)}`);
    }
    if (typeof statsKey !== 'string' || statsKey.length === 0) {
      throw new Error(`${where}: statsKey must be a non-empty string, got ${describeValue(statsKey)}`);
    }
    if (typeof clock !== 'function') {
      throw new Error(`${where}: clock must be a function returning seconds, got ${describeValue(clock)}`);
    }
    this.bufferLength = bufferLength;
    this.statsKey = statsKey;
    this.clock = clock;
  }

  /** Returns of the last `bufferLength` episodes, oldest first. */
  get returnQueue(): readonly number[] {
    return this.returns;
  }

  /** Lengths of the last `bufferLength` episodes, oldest first. */
  get lengthQueue(): readonly number[] {
    return this.lengths;
  }

  /** Durations in seconds of the last `bufferLength` episodes, oldest first. */
  get timeQueue(): readonly number[] {
    return this.times;
  }

  override reset(options?: ResetOptions): ResetResult<Obs> {
    const result = this.env.reset(options);
    this.episodeStartTime = this.clock();
    this.episodeReturn = 0;
    this.episodeLength = 0;
    return result;
  }

  override step(action: Act): StepResult<Obs> {
    const result = this.env.step(action);
    this.episodeReturn += result.reward;
    this.episodeLength += 1;
    if (result.terminated || result.truncated) {
      if (this.statsKey in result.info) {
        throw new Error(
          `${wrapperLabel('RecordEpisodeStatistics', this)}: the wrapped env's info already has the key ${JSON.stringify(this.statsKey)}; pass another statsKey`,
        );
      }
      const elapsed = Math.round((this.clock() - this.episodeStartTime) * 1e6) / 1e6;
      const stats: EpisodeStatistics = { r: this.episodeReturn, l: this.episodeLength, t: elapsed };
      result.info[this.statsKey] = stats;
      push(this.times, elapsed, this.bufferLength);
      push(this.returns, this.episodeReturn, this.bufferLength);
      push(this.lengths, this.episodeLength, this.bufferLength);
      this.episodeCount += 1;
      this.episodeStartTime = this.clock();
    }
    return result;
  }
}

function defaultClock(): number {
  return globalThis.performance.now() / 1000;
}

function push(queue: number[], value: number, capacity: number): void {
  queue.push(value);
  if (queue.length > capacity) queue.shift();
}
