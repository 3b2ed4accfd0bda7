// Names a wrapper and the env it wraps in error messages, e.g. "ClipAction(Pendulum-v1)".
import { envName, type Env } from '../core/env.js';

/** `Wrapper(innermost env's spec id or class name)`, the same however many wrappers sit in between. */
export function wrapperLabel(wrapper: string, env: Env<unknown, unknown>): string {
  return `${wrapper}(${envName(env.unwrapped)})`;
}
