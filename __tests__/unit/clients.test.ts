import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';

jest.unstable_mockModule('@actions/core', () => core);
const { clientsFor } = await import('../../src/actions/clients.js');

const KEYS = { secretId: 'AKIDclients', secretKey: 'clients-secret-key' };
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator(KEYS);
});
afterAll(async () => emulator.close());

const settings = () => ({
  signIn: { keys: KEYS },
  bucket: 'media-1250000000',
  region: 'ap-guangzhou',
  endpoint: new URL(emulator.url),
  requestTimeoutMs: 30_000,
});

describe('clientsFor', () => {
  it('makes each client on first use, once, and sends nothing until asked', () => {
    const before = emulator.requests.length;
    const clients = clientsFor(settings());
    expect(clients.client()).toBe(clients.client());
    expect(clients.cleanupClient()).not.toBe(clients.client());
    expect(emulator.requests.length).toBe(before);
  });

  it('once the run is cancelled, stops the step client, lets the steady client answer briefly, and still cleans up', async () => {
    const run = new AbortController();
    const clients = clientsFor(settings(), run.signal);
    run.abort();
    await expect(clients.client().listJobs({})).rejects.toThrow(/aborted|cancelled/);
    await expect(clients.steadyClient().listJobs({})).resolves.toMatchObject({ value: { jobs: [] } });
    await expect(clients.cleanupClient().listJobs({})).resolves.toMatchObject({ value: { jobs: [] } });
  });
});
