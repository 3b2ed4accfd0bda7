// Errors a request can end with, each carrying the wire `error.code` and the HTTP status it maps to.

/** Server-side error codes sent in `error.code` (malformed input uses the protocol's own codes instead). */
export type ServerErrorCode =
  /** A run, checkpoint, rollout or file that does not exist. */
  | 'not_found'
  /** A name (run, file, rollout id) that is not a plain, safe name. */
  | 'invalid_name'
  /** The server was started without what the request needs (runs directory, rollout runner). */
  | 'unsupported'
  /** Too many streams or rollouts at once; try again later. */
  | 'busy'
  /** A file exceeds the server's size limit. */
  | 'oversized'
  /** A message arrived before the client's hello, or a second hello. */
  | 'handshake_required'
  /** A rollout file exists but cannot be decoded. */
  | 'corrupt_file'
  /** The rollout runner or the policy failed while rolling out. */
  | 'rollout_failed'
  /** A bug in the server. */
  | 'internal';

const HTTP_STATUS: Record<ServerErrorCode, number> = {
  not_found: 404,
  invalid_name: 400,
  unsupported: 501,
  busy: 503,
  oversized: 413,
  handshake_required: 400,
  corrupt_file: 422,
  rollout_failed: 500,
  internal: 500,
};

/** An expected failure of a request: its message is safe to show the client (no absolute paths). */
export class ServerError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

/**
 * The code and client-safe message of any thrown value. Unexpected errors become `internal` with a generic message
 * (their text may hold file system paths); `detail` carries the real text for the server's log.
 */
export function describeFailure(error: unknown): { code: ServerErrorCode; message: string; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ServerError) return { code: error.code, message: error.message, detail };
  return { code: 'internal', message: 'internal server error (the server log has the details)', detail };
}
