// A command-line mistake (unknown flag, bad value, bad config): printed without a stack trace, exit code 2.

/** Exit code for usage errors (as getopt-style tools use). */
export const USAGE_EXIT_CODE = 2;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
