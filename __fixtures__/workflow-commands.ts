/** A stand-in for src/runner/workflow-commands.ts: inputs come from a map the test sets, every call is recorded. */
import { jest } from '@jest/globals';

export const inputs: Record<string, string> = {};
export const getInput = jest.fn((name: string) => (inputs[name] ?? '').trim());
export const setSecret = jest.fn<(secret: string) => void>();
export const setOutput = jest.fn<(name: string, value: string) => void>();
export const setFailed = jest.fn<(message: string) => void>();
export const saveState = jest.fn<(name: string, value: string) => void>();
export const getState = jest.fn((_name: string) => '');
export const debug = jest.fn<(message: string) => void>();
export const info = jest.fn<(message: string) => void>();
export const warning = jest.fn<(message: string) => void>();
export const error = jest.fn<(message: string) => void>();

export function setInputs(values: Record<string, string>): void {
  for (const key of Object.keys(inputs)) delete inputs[key];
  Object.assign(inputs, values);
}
export const appendSummary = jest.fn<(markdown: string) => void>();
