/**
 * A stand-in for `@actions/core`, typed from it as actions/typescript-action's fixture is: inputs
 * come from a map the test sets, every call is recorded. Tests install it with
 * `jest.unstable_mockModule('@actions/core', () => core)` before importing the code under test.
 */
import type * as core from '@actions/core';
import { jest } from '@jest/globals';

export const inputs: Record<string, string> = {};
export const getInput = jest.fn<typeof core.getInput>((name, options) => {
  const value = inputs[name] ?? '';
  return options?.trimWhitespace === false ? value : value.trim();
});
export const setSecret = jest.fn<typeof core.setSecret>();
export const setOutput = jest.fn<typeof core.setOutput>();
export const setFailed = jest.fn<typeof core.setFailed>();
export const saveState = jest.fn<typeof core.saveState>();
export const getState = jest.fn<typeof core.getState>(() => '');
export const debug = jest.fn<typeof core.debug>();
export const info = jest.fn<typeof core.info>();
export const warning = jest.fn<typeof core.warning>();
export const error = jest.fn<typeof core.error>();
export const startGroup = jest.fn<typeof core.startGroup>();
export const endGroup = jest.fn<typeof core.endGroup>();
export const getIDToken = jest.fn<typeof core.getIDToken>();

type Summary = typeof core.summary;
/** The part of `core.summary` the reporter uses, each method taking what core's takes. */
interface SummaryPart {
  addRaw(...args: Parameters<Summary['addRaw']>): SummaryPart;
  write(...args: Parameters<Summary['write']>): Promise<SummaryPart>;
  emptyBuffer(): SummaryPart;
}

/** `core.summary`: what was written, in order. */
export const summaryWrites: string[] = [];
let buffer = '';
export const summary: SummaryPart = {
  addRaw(text: string) {
    buffer += text;
    return summary;
  },
  async write() {
    summaryWrites.push(buffer);
    buffer = '';
    return summary;
  },
  emptyBuffer() {
    buffer = '';
    return summary;
  },
};

export function setInputs(values: Record<string, string>): void {
  for (const key of Object.keys(inputs)) delete inputs[key];
  Object.assign(inputs, values);
}
