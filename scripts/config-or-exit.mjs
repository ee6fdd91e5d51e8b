// @ts-check
import { ConfigError } from '@mobio/config';

/**
 * The configuration as `load` reads it, for a command started from a shell or a service: a
 * missing or wrong setting ends the process with the message that names the variables (exit
 * code 1) instead of a stack trace.
 * @template T
 * @param {() => T} load
 * @returns {T}
 */
export function configOrExit(load) {
  try {
    return load();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
