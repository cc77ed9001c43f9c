import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { sdkAuthorization, sdkFetch, type SdkRequest } from '../../test-support/sdk-client.js';

const CREDS = { secretId: 'AKIDhost', secretKey: 'host-secret-key' };

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator(CREDS);
});
afterAll(async () => emulator.close());

/** A list call sent to the emulator, signed as if the host were `signedHost`. */
function listSignedFor(signedHost: string) {
  const request: SdkRequest = { ...CREDS, path: '/inventorytriggerjob', query: { size: '1' } };
  const authorization = sdkAuthorization(`http://${signedHost}`, request);
  return sdkFetch(emulator.url, { ...request, authorization });
}

describe('the signed host', () => {
  it('is accepted with its port, as the Node SDK signs it', async () => {
    expect((await listSignedFor(new URL(emulator.url).host)).status).toBe(200);
  });

  it('is accepted without its port, as the Python SDK signs it (the header still carries it)', async () => {
    expect((await listSignedFor(new URL(emulator.url).hostname)).status).toBe(200);
  });

  it('is refused as any other host or port', async () => {
    const { port } = new URL(emulator.url);
    for (const host of [`localhost:${port}`, `127.0.0.1:${Number(port) + 1}`, '127.0.0.2']) {
      const answer = await listSignedFor(host);
      expect([host, answer.status]).toEqual([host, 403]);
      expect(answer.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    }
  });
});
