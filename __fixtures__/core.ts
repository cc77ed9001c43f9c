/** A stand-in for `@actions/core`: inputs come from a map the test sets, every call is recorded. */
import { jest } from '@jest/globals';

export const inputs: Record<string, string> = {};
export const getInput = jest.fn((name: string, options?: { trimWhitespace?: boolean }) => {
  const value = inputs[name] ?? '';
  return options?.trimWhitespace === false ? value : value.trim();
});
export const setSecret = jest.fn<(secret: string) => void>();
export const setOutput = jest.fn<(name: string, value: string) => void>();
export const setFailed = jest.fn<(message: string) => void>();
export const saveState = jest.fn<(name: string, value: string) => void>();
export const getState = jest.fn((_name: string) => '');
export const debug = jest.fn<(message: string) => void>();
export const info = jest.fn<(message: string) => void>();
export const warning = jest.fn<(message: string) => void>();
export const error = jest.fn<(message: string) => void>();
export const startGroup = jest.fn<(name: string) => void>();
export const endGroup = jest.fn<() => void>();
export const getIDToken = jest.fn<(audience?: string) => Promise<string>>();

/** `core.summary`: what was written, in order. */
export const summaryWrites: string[] = [];
let buffer = '';
export const summary = {
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
