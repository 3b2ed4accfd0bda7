// Wrappers that change or observe an env's behaviour, mirroring gymnasium/wrappers (see docs/wrappers.md).
export { TimeLimit } from './time-limit.js';
export { ObservationWrapper } from './observation-wrapper.js';
export { RewardWrapper } from './reward-wrapper.js';
export { ActionWrapper } from './action-wrapper.js';
export { TransformObservation } from './transform-observation.js';
export { TransformReward } from './transform-reward.js';
export { TransformAction } from './transform-action.js';
export { ClipAction } from './clip-action.js';
export { RescaleAction } from './rescale-action.js';
export { RunningMeanStd, type RunningMeanStdState } from './running-mean-std.js';
export { NormalizeObservation, type NormalizeObservationState } from './normalize-observation.js';
export { NormalizeReward, type NormalizeRewardState } from './normalize-reward.js';
export {
  RecordEpisodeStatistics,
  type EpisodeStatistics,
  type RecordEpisodeStatisticsOptions,
} from './record-episode-statistics.js';
