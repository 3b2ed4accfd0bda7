// Validation shared by the one-shot encoder and the incremental writer before anything is written.
import { readEpisodeEnd } from './control-validators.js';
import { encodeUtf8 } from './bytes.js';
import { catchDecodeFailure, unwrap } from './result.js';
import { episodeEndMessage, readRolloutHeader, type EpisodeOutcome, type RolloutHeader } from './rollout-header.js';
import type { EpisodeEndMessage } from './control-messages.js';
import type { JsonObject } from './json-readers.js';

/** The header as UTF-8 JSON, after validating it; throws an Error naming the bad field. */
export function headerJsonBytes(header: RolloutHeader): Uint8Array {
  unwrap(catchDecodeFailure(() => readRolloutHeader(header, 'rollout header')));
  return encodeUtf8(JSON.stringify(header));
}

/** The episodeEnd record content for episode `index`, validated; throws an Error naming the bad field. */
export function validatedEpisodeEnd(header: RolloutHeader, index: number, outcome: EpisodeOutcome): EpisodeEndMessage {
  const message = episodeEndMessage(header.rolloutId, index, outcome);
  unwrap(catchDecodeFailure(() => readEpisodeEnd(message as unknown as JsonObject, `episode ${index} end`)));
  return message;
}
