import { XMLValidator } from 'fast-xml-parser';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { sdkFetch } from '../../test-support/sdk-client.js';

const CREDS = { secretId: 'AKIDtest', secretKey: 'test-secret-key' };
const WID = 'w7476ff3564ee45b7b490d64bccaba6cc';
const BODY = `<Request><Name>demo</Name><Input><Object>a.mp4</Object></Input><Operation><WorkflowIds>${WID}</WorkflowIds></Operation></Request>`;

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator(CREDS);
});
afterEach(async () => emulator.close());

const list = () => sdkFetch(emulator.url, { ...CREDS, path: '/inventorytriggerjob' });
const create = () =>
  sdkFetch(emulator.url, { ...CREDS, method: 'POST', path: '/inventorytriggerjob', body: BODY });
const admin = (path: string, init?: RequestInit) => fetch(`${emulator.url}/_emulator/${path}`, init);

describe('faults', () => {
  it('answers a status fault as an XML error with a request id and Retry-After, the given number of times', async () => {
    emulator.addFault({ kind: 'status', status: 503, code: 'SlowDown', retryAfterSeconds: 2, times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await list();
      expect(r.status).toBe(503);
      expect(r.text).toContain('<Code>SlowDown</Code>');
      expect(r.text).toContain(`<RequestId>${r.headers.get('x-ci-request-id')}</RequestId>`);
      expect(r.headers.get('retry-after')).toBe('2');
    }
    expect((await list()).status).toBe(200);
  });

  it('applies a fault only to its call', async () => {
    emulator.addFault({ kind: 'status', status: 500, code: 'InternalError', call: 'describe' });
    expect((await list()).status).toBe(200);
    expect((await sdkFetch(emulator.url, { ...CREDS, path: '/inventorytriggerjob/bx' })).status).toBe(500);
  });

  it('resets the connection before doing the work', async () => {
    emulator.addFault({ kind: 'reset', call: 'create' });
    await expect(create()).rejects.toThrow();
    expect(emulator.jobs()).toHaveLength(0);
    expect(emulator.requests[0]).toMatchObject({ call: 'create', status: 0, fault: 'reset' });
  });

  it('does the work and then loses the answer', async () => {
    emulator.addFault({ kind: 'lost-answer', call: 'create' });
    await expect(create()).rejects.toThrow();
    expect(emulator.jobs()).toHaveLength(1);
    expect((await create()).status).toBe(200);
    expect(emulator.jobs()).toHaveLength(2);
  });

  it('does the work late and answers then, also when the client has gone by then', async () => {
    emulator.addFault({ kind: 'slow', call: 'create', delayMs: 300 });
    const started = Date.now();
    const r = await create();
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(emulator.jobs()[0]?.createdAt).toBeGreaterThanOrEqual(started + 290);

    emulator.addFault({ kind: 'slow', call: 'create', delayMs: 300 });
    const gone = sdkFetch(emulator.url, {
      ...CREDS,
      method: 'POST',
      path: '/inventorytriggerjob',
      body: BODY,
      signal: AbortSignal.timeout(50),
    });
    await expect(gone).rejects.toThrow();
    expect(emulator.jobs()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(emulator.jobs()).toHaveLength(2);
    expect(emulator.requests.at(-1)?.detail).toBe('done after 300 ms; the client had gone');
  });

  it('never answers a hanging request, and still closes promptly', async () => {
    emulator.addFault({ kind: 'hang' });
    const pending = list();
    pending.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(emulator.requests[0]).toMatchObject({ status: 0, fault: 'hang' });
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });

  it("answers a proxy's HTML page without a request id", async () => {
    emulator.addFault({ kind: 'html' });
    const r = await list();
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toBe('text/html');
    expect(r.headers.get('x-ci-request-id')).toBeNull();
    expect(r.text).toContain('<html>');
  });

  it('cuts the real XML answer in half', async () => {
    emulator.addFault({ kind: 'truncated', call: 'create' });
    const r = await create();
    expect(r.status).toBe(200);
    expect(r.text.startsWith('<Response><RequestId>')).toBe(true);
    expect(XMLValidator.validate(r.text)).not.toBe(true);
    expect(emulator.jobs()).toHaveLength(1);
  });
});

describe('routing', () => {
  it('answers unknown paths with 404 and wrong methods with 405, as signed XML errors', async () => {
    const unknown = await sdkFetch(emulator.url, { ...CREDS, path: '/jobs' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('<Code>ResourceNotFound</Code>');
    const wrong = await sdkFetch(emulator.url, { ...CREDS, method: 'PUT', path: '/inventorytriggerjob' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('x-ci-request-id')).toBeTruthy();
  });

  it('checks the signature before telling whether a path exists', async () => {
    const r = await sdkFetch(emulator.url, { ...CREDS, path: '/jobs', authorization: null });
    expect(r.status).toBe(403);
  });
});

describe('admin endpoints', () => {
  it('queues faults, sets the schedule and shows jobs and requests as JSON, unsigned', async () => {
    expect(
      (
        await admin('faults', {
          method: 'POST',
          body: JSON.stringify({ kind: 'status', status: 500, code: 'InternalError' }),
        })
      ).status,
    ).toBe(204);
    expect((await list()).status).toBe(500);
    expect(
      (await admin('faults', { method: 'POST', body: JSON.stringify({ kind: 'explode' }) })).status,
    ).toBe(400);

    expect(
      (
        await admin('schedule', {
          method: 'POST',
          body: JSON.stringify({ queuedMs: 0, runningMs: 0, final: 'Failed' }),
        })
      ).status,
    ).toBe(204);
    expect((await create()).status).toBe(200);
    const jobs = (await (await admin('jobs')).json()) as Array<{ state: string }>;
    expect(jobs.map((j) => j.state)).toEqual(['Failed']);
    const requests = (await (await admin('requests')).json()) as Array<{ call: string; status: number }>;
    expect(requests.map((r) => [r.call, r.status])).toEqual([
      ['list', 500],
      ['create', 200],
    ]);
    expect((await admin('nothing')).status).toBe(404);
  });
});
