import * as core from '@actions/core';
import { boundedLine, logLine } from './log-safety.js';

/**
 * What the action's runner glue logs outside a step's reporter. Every line is bounded (see
 * MAX_LOG_LINE_BYTES); annotations and debug lines are workflow commands, which `@actions/core`
 * escapes itself.
 */
export const log = {
  debug: (message: string) => core.debug(boundedLine(message)),
  info: (message: string) => core.info(logLine(message)),
  warning: (message: string) => core.warning(boundedLine(message)),
  /** Hides a secret in every later line of the log. */
  mask: (secret: string) => core.setSecret(secret),
  /** One error annotation, and exit code 1. */
  fail: (message: string) => core.setFailed(boundedLine(message)),
  /** Lines printed as they are, each one escaped: for a block such as the dry run's request. */
  block(title: string, lines: string[]) {
    core.startGroup(logLine(title));
    for (const line of lines) core.info(logLine(line));
    core.endGroup();
  },
};
