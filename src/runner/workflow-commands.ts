/**
 * The runner's protocol, as `@actions/core` speaks it: inputs from `INPUT_*`, state from `STATE_*`,
 * outputs and state appended to the files the runner names, log lines and annotations as workflow
 * commands on stdout. Written here rather than imported because `@actions/core` loads its OIDC
 * client at start-up, and with it an HTTP stack (undici, http, https, tunnel) that costs every run
 * of this action ~60 ms and ~25 MB for a call it never makes (README › Performance). A unit test
 * holds these functions to the toolkit's output, byte for byte.
 */
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/** The raw value of an input; the readers in input-readers.ts trim and validate it. */
export function getInput(name: string): string {
  return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}

/** A value the main entry saved, as the runner hands it to the `post:` entry. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/** Without the runner's file (an old runner, a local run), the toolkit's stdout fallbacks. */
export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) return appendKeyValue(process.env.GITHUB_OUTPUT, name, value);
  process.stdout.write(EOL);
  command('set-output', value, ` name=${escapeProperty(name)}`);
}

export function saveState(name: string, value: string): void {
  if (process.env.GITHUB_STATE) return appendKeyValue(process.env.GITHUB_STATE, name, value);
  command('save-state', value, ` name=${escapeProperty(name)}`);
}

/** The runner masks the value in every later line of the log. */
export function setSecret(secret: string): void {
  command('add-mask', secret);
}

export function debug(message: string): void {
  command('debug', message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function warning(message: string): void {
  command('warning', message);
}

export function error(message: string): void {
  command('error', message);
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/**
 * Appends to the job summary; throws when the runner's summary file cannot be written. Synchronous,
 * unlike the toolkit's: one small write, and node:fs/promises would load streams and readline.
 */
export function appendSummary(markdown: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`,
    );
  }
  appendFileSync(path, markdown, { encoding: 'utf8' });
}

function command(name: string, message: string, properties = ''): void {
  process.stdout.write(`::${name}${properties}::${escapeData(message)}${EOL}`);
}

/** A value of any content goes to the runner's file between delimiters it cannot contain. */
function appendKeyValue(path: string, key: string, value: string): void {
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`);
  // Web Crypto's randomUUID: the same generator as node:crypto's, without loading that module.
  const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
  if (key.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: ${key} should not contain the delimiter "${delimiter}"`);
  }
  appendFileSync(path, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
