import { startEmulator, type Emulator } from '../../emulator/index.js';
import { parseCli } from '../../emulator/standalone.js';
import { sdkFetch } from '../../test-support/sdk-client.js';

const CREDS = { secretId: 'AKIDtest', secretKey: 'test-secret-key' };

/** The emulator's clock, moved by hand: every request of a test falls in the second it chooses. */
function manualClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => (offset += ms) };
}

let emulator: Emulator;
afterEach(async () => emulator?.close());

const list = () => sdkFetch(emulator.url, { ...CREDS, path: '/inventorytriggerjob' });
const statuses = async (count: number) => {
  const answers = await Promise.all(Array.from({ length: count }, list));
  return answers.map((a) => a.status).sort();
};
const admin = (path: string, init?: RequestInit) => fetch(`${emulator.url}/_emulator/${path}`, init);

describe('the shared rate limit', () => {
  it('admits N requests in a second and answers the rest 503 SlowDown as an XML error', async () => {
    const clock = manualClock();
    emulator = await startEmulator({ ...CREDS, now: clock.now, rateLimit: { perSecond: 3 } });
    expect(await statuses(5)).toEqual([200, 200, 200, 503, 503]);
    const throttled = await list();
    expect(throttled.status).toBe(503);
    expect(throttled.text).toContain('<Code>SlowDown</Code>');
    expect(throttled.text).toContain(`<RequestId>${throttled.headers.get('x-ci-request-id')}</RequestId>`);
    expect(throttled.headers.get('retry-after')).toBeNull();
    expect(emulator.requests.at(-1)).toMatchObject({ status: 503, code: 'SlowDown', fault: 'rate-limit' });
    // Throttled requests did not count: a second later, three more go through.
    clock.advance(1000);
    expect(await statuses(4)).toEqual([200, 200, 200, 503]);
  });

  it('is one quota for all clients, whatever connection they come on', async () => {
    const clock = manualClock();
    emulator = await startEmulator({ ...CREDS, now: clock.now, rateLimit: { perSecond: 4 } });
    expect(await statuses(6)).toEqual([200, 200, 200, 200, 503, 503]);
    expect(new Set(emulator.requests.map((r) => r.connection)).size).toBeGreaterThan(1);
  });

  it('says Retry-After when told to, and answers before checking the signature', async () => {
    emulator = await startEmulator({ ...CREDS, rateLimit: { perSecond: 0, retryAfterSeconds: 2 } });
    const answer = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      authorization: null,
    });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('2');
  });

  it('is set, changed and lifted while running, in process and through the admin endpoint', async () => {
    const clock = manualClock();
    emulator = await startEmulator({ ...CREDS, now: clock.now });
    expect(await statuses(3)).toEqual([200, 200, 200]);
    emulator.setRateLimit({ perSecond: 1 });
    expect(await statuses(2)).toEqual([200, 503]);
    emulator.setRateLimit(undefined);
    expect(await statuses(2)).toEqual([200, 200]);

    const set = await admin('rate-limit', {
      method: 'POST',
      body: JSON.stringify({ perSecond: 2, retryAfterSeconds: 1 }),
    });
    expect(set.status).toBe(204);
    clock.advance(1000);
    expect(await statuses(3)).toEqual([200, 200, 503]);
    expect((await list()).headers.get('retry-after')).toBe('1');
    expect((await admin('rate-limit', { method: 'DELETE' })).status).toBe(204);
    expect(await statuses(3)).toEqual([200, 200, 200]);

    for (const bad of [{}, { perSecond: -1 }, { perSecond: 1.5 }, { perSecond: 2, retryAfterSeconds: 'x' }]) {
      const refused = await admin('rate-limit', { method: 'POST', body: JSON.stringify(bad) });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: expect.stringContaining('perSecond') });
    }
    // The admin endpoints themselves are never throttled.
    emulator.setRateLimit({ perSecond: 0 });
    expect((await admin('jobs')).status).toBe(200);
  });

  it('is refused when given in process in a wrong shape', async () => {
    await expect(startEmulator({ ...CREDS, rateLimit: { perSecond: -3 } })).rejects.toThrow('perSecond');
  });
});

describe('a fault for a span of time', () => {
  it('answers every request of its call until forMs has passed since it was queued', async () => {
    const clock = manualClock();
    emulator = await startEmulator({ ...CREDS, now: clock.now });
    emulator.addFault({ kind: 'status', status: 503, code: 'SlowDown', call: 'list', forMs: 180_000 });
    expect(await statuses(5)).toEqual([503, 503, 503, 503, 503]);
    expect((await sdkFetch(emulator.url, { ...CREDS, path: '/inventorytriggerjob/bx' })).status).toBe(200);
    clock.advance(179_000);
    expect((await list()).status).toBe(503);
    clock.advance(1000);
    expect((await list()).status).toBe(200);
    expect(() => emulator.addFault({ kind: 'reset', forMs: 0 })).toThrow('forMs');
    expect(() => emulator.addFault({ kind: 'reset', forMs: 10, times: 2 })).toThrow('not both');
  });
});

describe('the CLI', () => {
  it('reads the rate limit from flags or the environment', () => {
    expect(parseCli(['--rate-limit', '12'], {}).options.rateLimit).toEqual({ perSecond: 12 });
    expect(
      parseCli([], { CI_EMULATOR_RATE_LIMIT: '12', CI_EMULATOR_RATE_LIMIT_RETRY_AFTER: '1' }).options
        .rateLimit,
    ).toEqual({ perSecond: 12, retryAfterSeconds: 1 });
    expect(parseCli([], {}).options.rateLimit).toBeUndefined();
    expect(() => parseCli(['--rate-limit', 'many'], {})).toThrow('--rate-limit');
    expect(() => parseCli(['--rate-limit-retry-after', '1'], {})).toThrow('needs --rate-limit');
  });
});
