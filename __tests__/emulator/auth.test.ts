import { XMLParser } from 'fast-xml-parser';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { sign } from '../../emulator/signature.js';
import { sdkAuthorization, sdkFetch, type SdkRequest } from '../../test-support/sdk-client.js';

const parser = new XMLParser({ parseTagValue: false });

describe('signature verification', () => {
  const CREDS = { secretId: 'AKIDtest', secretKey: 'test-secret-key' };
  let emulator: Emulator;
  afterEach(async () => emulator.close());
  const now = () => Math.floor(Date.now() / 1000);

  async function refused(
    r: { status: number; headers: Headers; text: string },
    status: number,
    code: string,
  ) {
    expect(r.status).toBe(status);
    const error = parser.parse(r.text).Error;
    expect(error.Code).toBe(code);
    expect(error.RequestId).toBe(r.headers.get('x-ci-request-id'));
    expect(r.headers.get('content-type')).toBe('application/xml');
    expect(emulator.requests.filter((q) => q.code === code)).toHaveLength(1);
    return error.Message as string;
  }

  beforeEach(async () => {
    emulator = await startEmulator(CREDS);
  });

  it('accepts a request signed by the official SDK', async () => {
    const r = await sdkFetch(emulator.url, { ...CREDS, path: '/inventorytriggerjob', query: { size: '5' } });
    expect(r.status).toBe(200);
  });

  it('refuses a wrong secret key with SignatureDoesNotMatch and keeps what it signed for debugging', async () => {
    const r = await sdkFetch(emulator.url, { ...CREDS, secretKey: 'wrong', path: '/inventorytriggerjob' });
    expect(await refused(r, 403, 'SignatureDoesNotMatch')).toMatch(/does not match/);
    expect(emulator.requests[0]!.detail).toContain('get\\n/inventorytriggerjob');
    expect(JSON.stringify(emulator.requests)).not.toContain(CREDS.secretKey);
  });

  it('refuses a query changed after signing', async () => {
    const auth = sdkAuthorization(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      query: { size: '5' },
    });
    const r = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      query: { size: '6' },
      authorization: auth,
    });
    await refused(r, 403, 'SignatureDoesNotMatch');
  });

  it('reads "+" in the query as a space: a plus signed as a plus but sent bare fails its signature', async () => {
    const query = { workflowId: 'w7476ff3564ee45b7b490d64bccaba6cc', object: 'a+b.mp4' };
    const authorization = sdkAuthorization(emulator.url, {
      ...CREDS,
      method: 'POST',
      path: '/triggerworkflow',
      query,
    });
    const r = await fetch(`${emulator.url}/triggerworkflow?workflowId=${query.workflowId}&object=a+b.mp4`, {
      method: 'POST',
      headers: { authorization },
    });
    await refused(
      { status: r.status, headers: r.headers, text: await r.text() },
      403,
      'SignatureDoesNotMatch',
    );
    expect(emulator.requests[0]?.query.object).toBe('a b.mp4');
  });

  it('refuses a missing or malformed Authorization and an unknown SecretId with AccessDenied', async () => {
    await refused(
      await sdkFetch(emulator.url, { ...CREDS, path: '/inventorytriggerjob', authorization: null }),
      403,
      'AccessDenied',
    );
    emulator.requests.length = 0;
    await refused(
      await sdkFetch(emulator.url, {
        ...CREDS,
        path: '/inventorytriggerjob',
        authorization: 'q-sign-algorithm=sha1',
      }),
      403,
      'AccessDenied',
    );
    emulator.requests.length = 0;
    const message = await refused(
      await sdkFetch(emulator.url, { ...CREDS, secretId: 'AKIDother', path: '/inventorytriggerjob' }),
      403,
      'AccessDenied',
    );
    expect(message).toContain('InvalidAccessKeyId');
  });

  it('refuses an expired signature with AccessDenied "Request has expired"', async () => {
    const r = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      keyTime: `${now() - 1000};${now() - 100}`,
    });
    expect(await refused(r, 403, 'AccessDenied')).toBe('Request has expired');
  });

  it('refuses a signature starting more than 900 s ahead with RequestTimeTooSkewed, and accepts one less', async () => {
    const ahead = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      keyTime: `${now() + 1000};${now() + 2000}`,
    });
    await refused(ahead, 403, 'RequestTimeTooSkewed');
    const near = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      keyTime: `${now() + 600};${now() + 1500}`,
    });
    expect(near.status).toBe(200);
  });

  it('refuses a query parameter left out of the signature', async () => {
    const r = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      unsignedQuery: { size: '5' },
    });
    expect(await refused(r, 403, 'AccessDenied')).toContain('size');
  });

  it('refuses a request whose host is not signed, and accepts headers the SDK would not sign', async () => {
    const keyTime = `${now() - 1};${now() + 900}`;
    const date = new Date().toUTCString();
    const header = (headers: Array<[string, string]>) => {
      const s = sign(CREDS.secretKey, {
        method: 'GET',
        path: '/inventorytriggerjob',
        params: [],
        headers,
        keyTime,
      });
      return `q-sign-algorithm=sha1&q-ak=${CREDS.secretId}&q-sign-time=${keyTime}&q-key-time=${keyTime}&q-header-list=${s.headerList}&q-url-param-list=&q-signature=${s.signature}`;
    };
    const noHost = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      headers: { date },
      authorization: header([['date', date]]),
    });
    expect(await refused(noHost, 403, 'AccessDenied')).toContain('host');
    const host = new URL(emulator.url).host;
    const withDate = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      headers: { date },
      authorization: header([
        ['host', host],
        ['date', date],
      ]),
    });
    expect(withDate.status).toBe(200);
  });
});

describe('session tokens', () => {
  const CREDS = { secretId: 'AKIDtmp', secretKey: 'tmp-key' };
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ ...CREDS, sessionToken: 'the-token' });
  });
  afterAll(async () => emulator.close());
  const get = (headers: Record<string, string>) =>
    sdkFetch(emulator.url, { ...CREDS, path: '/inventorytriggerjob', headers });

  it('requires the configured token in x-ci-security-token or x-cos-security-token', async () => {
    expect((await get({})).status).toBe(403);
    expect(parser.parse((await get({ 'x-ci-security-token': 'other' })).text).Error.Code).toBe(
      'AccessDenied',
    );
    expect((await get({ 'x-ci-security-token': 'the-token' })).status).toBe(200);
    expect((await get({ 'x-cos-security-token': 'the-token' })).status).toBe(200);
  });
});

describe('the signed host', () => {
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
