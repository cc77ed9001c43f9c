import type { Emulator } from '../emulator/index.js';
import { sdkFetch, type SdkAnswer, type SdkRequest } from './sdk-client.js';

/** The keys the emulator tests start it with and sign with. */
export const CREDS = { secretId: 'AKIDtest', secretKey: 'test-secret-key' };
export const WID = 'w7476ff3564ee45b7b490d64bccaba6cc';
/** 12:00 Beijing time on 1 January 2026, where the emulator tests' clocks start. */
export const T0 = Date.UTC(2026, 0, 1, 4, 0, 0);

/**
 * Signs with CREDS against the test's clock (`nowMs`), as a client whose clock agrees with the
 * emulator's: the key time is one second before to fifteen minutes after.
 */
export function callAt(
  url: string,
  nowMs: number,
  request: Omit<SdkRequest, 'secretId' | 'secretKey'>,
): Promise<SdkAnswer> {
  const s = Math.floor(nowMs / 1000);
  return sdkFetch(url, { ...CREDS, keyTime: `${s - 1};${s + 900}`, ...request });
}

/** `call(method, path, query, body)`: callAt on the emulator the test has started, at the test's time. */
export function callsAt(emulator: () => Emulator, nowMs: () => number) {
  return (method: 'GET' | 'POST' | 'PUT', path: string, query: Record<string, string> = {}, body?: string) =>
    callAt(emulator().url, nowMs(), { method, path, query, ...(body ? { body } : {}) });
}
