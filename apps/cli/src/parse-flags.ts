// util.parseArgs in strict mode with its errors turned into UsageErrors that name the flag, plus typed value readers.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` strictly (unknown flags and missing values are usage errors naming the flag); no positionals. */
export function parseFlags<T extends FlagOptions>(command: string, argv: string[], options: T): ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false; args: string[] }>>['values'] {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${command}: ${message.replace(/\. To specify a positional argument.*$/s, '')} (see rapier-gym ${command} --help)`);
  }
}

/** An integer flag value within [min, max]; otherwise a UsageError naming the flag and the value. */
export function integerFlag(flag: string, text: string | undefined, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? '∞' : max}], received "${text}"`);
  }
  return value;
}

/** One of the allowed words; otherwise a UsageError listing them. */
export function choiceFlag<T extends string>(flag: string, text: string | undefined, choices: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`--${flag} must be one of ${choices.join(', ')}, received "${text}"`);
  return text as T;
}
