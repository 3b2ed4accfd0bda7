// Public surface of @rapier-gym/server: startServer, the live hub the CLI feeds, and the on-demand rollout runner.
export { startServer, WEBSOCKET_PATH, type RunningServer } from './server.js';
export { DEFAULT_CHANNEL_LIMITS, type ChannelLimits, type ServerOptions } from './server-options.js';
export {
  LiveHub,
  type LiveEpisodeEnd,
  type LiveEpisodeStart,
  type LiveHubOptions,
  type LiveHubStats,
  type LiveMetricsRow,
  type LiveSubscriberStats,
} from './live-hub.js';
export type { ClientStats } from './client-session.js';
export { SERVER_SOFTWARE } from './client-session.js';
export type { ChannelStats } from './client-channel.js';
export type { Policy, PolicyLoader, RolloutRequest, RolloutRunner, RolloutSink } from './rollout-runner.js';
export { createEnvRolloutRunner, type EnvRolloutRunnerOptions } from './env-rollout-runner.js';
export { streamRecordedRollout } from './recorded-rollout.js';
export { RunCatalogue, type RunDetails } from './run-catalogue.js';
export { ServerError, type ServerErrorCode } from './server-errors.js';
export { mimeTypeOf } from './mime-types.js';
