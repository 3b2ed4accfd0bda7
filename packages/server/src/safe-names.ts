// Validation of the names clients may use to reach files: run folders, rollout files and rollout ids.
import { ROLLOUT_FILE_EXTENSION } from '@rapier-gym/protocol';
import { ServerError } from './server-errors.js';

/** A run folder name: starts with a letter or digit, then letters, digits, '.', '_' or '-'; at most 128 characters. */
const RUN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** A rollout file stem, with the same rules as a run name. */
const FILE_STEM = RUN_NAME;

function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** True when `name` can name a run folder (no separators, no leading dot, so never '.' or '..'). */
export function isRunName(name: string): boolean {
  return RUN_NAME.test(name);
}

/** True when `name` is `<stem>.rgr` with a safe stem. */
export function isRolloutFileName(name: string): boolean {
  return name.endsWith(ROLLOUT_FILE_EXTENSION) && FILE_STEM.test(name.slice(0, -ROLLOUT_FILE_EXTENSION.length));
}

/** Throws `invalid_name` unless `name` is a safe run name. */
export function assertRunName(name: string): string {
  if (!isRunName(name)) {
    throw new ServerError(
      'invalid_name',
      `run name: expected 1-128 letters, digits, '.', '_' or '-' starting with a letter or digit, received ${quoted(name)}`,
    );
  }
  return name;
}

/** Throws `invalid_name` unless `name` is a safe rollout file name ending in .rgr. */
export function assertRolloutFileName(name: string): string {
  if (!isRolloutFileName(name)) {
    throw new ServerError(
      'invalid_name',
      `rollout file name: expected a name of letters, digits, '.', '_' or '-' ending in ${ROLLOUT_FILE_EXTENSION}, received ${quoted(name)}`,
    );
  }
  return name;
}

/** The id under which a recorded rollout is listed and opened: `<run>/<file stem>`. */
export function rolloutIdOf(run: string, fileName: string): string {
  return `${run}/${fileName.slice(0, -ROLLOUT_FILE_EXTENSION.length)}`;
}

/** Splits a rollout id `<run>/<file stem>` into its run and file name; throws `invalid_name` when malformed. */
export function parseRolloutId(rolloutId: string): { run: string; fileName: string } {
  const parts = rolloutId.split('/');
  if (parts.length !== 2 || !isRunName(parts[0]!) || !FILE_STEM.test(parts[1]!)) {
    throw new ServerError(
      'invalid_name',
      `rolloutId: expected "<run>/<file stem>" as listed by listRuns (e.g. "run-1/eval-000100"), received ${quoted(rolloutId)}`,
    );
  }
  return { run: parts[0]!, fileName: `${parts[1]!}${ROLLOUT_FILE_EXTENSION}` };
}
