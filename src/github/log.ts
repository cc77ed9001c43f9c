import * as core from '@actions/core';
import { oneLine } from './log-safety.js';

/** What the action's runner glue logs outside a step's reporter. */
export const log = {
  debug: (message: string) => core.debug(message),
  info: (message: string) => core.info(oneLine(message)),
  warning: (message: string) => core.warning(message),
  /** Hides a secret in every later line of the log. */
  mask: (secret: string) => core.setSecret(secret),
  /** One error annotation, and exit code 1. */
  fail: (message: string) => core.setFailed(message),
  /** Lines printed as they are, each one escaped: for a block such as the dry run's request. */
  block(title: string, lines: string[]) {
    core.startGroup(oneLine(title));
    for (const line of lines) core.info(oneLine(line));
    core.endGroup();
  },
};
