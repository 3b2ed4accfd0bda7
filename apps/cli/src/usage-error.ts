// A command-line mistake (unknown flag, bad value, bad config): printed without a stack trace, exit code 2.

/** Exit code for usage errors (as getopt-style tools use). */
export const USAGE_EXIT_CODE = 2;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the user can act on that is not a command-line mistake (a port in use): one line, no stack, exit 1. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
