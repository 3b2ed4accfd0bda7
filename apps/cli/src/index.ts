// Public surface of the rapier-gym CLI package: runCli for embedding, the run folder layout and the progress bar.
export { runCli, MAIN_HELP } from './cli.js';
export { RunDirectory, defaultRunName, type RunRecord } from '@rapier-gym/experiments';
export { ProgressBar, progressText } from './progress-bar.js';
export { writeRolloutFile, publishEpisode, rolloutHeader, framePayloads } from './eval-episode-output.js';
export { UsageError, USAGE_EXIT_CODE } from './usage-error.js';
export type { CommandIo } from './train-command.js';
