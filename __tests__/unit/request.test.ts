import { describe, expect, it } from '@jest/globals';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import type { HttpAnswer, HttpRequest } from '../../src/ci/http.js';
import { sendSigned, type RequestContext } from '../../src/ci/request.js';

const NOW = Date.UTC(2026, 10, 30, 4, 0, 0);
const ENDPOINT = new URL('https://media-1250000000.ci.ap-guangzhou.myqcloud.com');
const NGINX_PAGE = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

/** A context whose transport answers `answer` (or throws it) and keeps what it was asked to send. */
function contextAnswering(answer: Partial<HttpAnswer> | Error) {
  const sent: HttpRequest[] = [];
  const debug: string[] = [];
  const context: RequestContext = {
    endpoint: ENDPOINT,
    credentials: { secretId: 'AKIDexample', secretKey: 'secret-key', sessionToken: 'session-token' },
    timeoutMs: 5000,
    now: () => NOW,
    logger: { debug: (message) => debug.push(message), warning: () => undefined },
    transport: async (request) => {
      sent.push(request);
      if (answer instanceof Error) throw answer;
      return { status: 200, headers: {}, body: '', ...answer };
    },
  };
  return { context, sent, debug };
}

const refusal = (error: Partial<HttpAnswer>) =>
  sendSigned(contextAnswering(error).context, { method: 'GET', path: '/inventorytriggerjob/b1' }, 0).catch(
    (thrown: unknown) => thrown,
  );

describe('sendSigned', () => {
  it('signs what it sends: host, body headers and session token, valid from a minute before the corrected clock', async () => {
    const { context, sent } = contextAnswering({
      headers: { 'x-ci-request-id': 'req-1', date: 'Mon, 30 Nov 2026 04:00:00 GMT' },
      body: '<Response/>',
    });
    const body = '<Request><Name>任务</Name></Request>';
    const answer = await sendSigned(context, { method: 'POST', path: '/inventorytriggerjob', body }, 5000);
    expect(answer).toEqual({
      where: 'POST /inventorytriggerjob',
      status: 200,
      requestId: 'req-1',
      body: '<Response/>',
      date: 'Mon, 30 Nov 2026 04:00:00 GMT',
    });
    const [request] = sent;
    expect(request?.url.href).toBe(`${ENDPOINT.origin}/inventorytriggerjob`);
    expect(request?.headers).toMatchObject({
      host: ENDPOINT.host,
      'content-type': 'application/xml',
      'content-length': String(Buffer.byteLength(body)),
      'x-ci-security-token': 'session-token',
    });
    const seconds = Math.floor((NOW + 5000) / 1000);
    expect(request?.headers.authorization).toContain(
      `q-ak=AKIDexample&q-sign-time=${seconds - 60};${seconds + 900}&`,
    );
    expect(request?.headers.authorization).toContain(
      'q-header-list=content-length;content-type;host;x-ci-security-token&',
    );
  });

  it('takes the request id from x-cos-request-id when the answer has no x-ci-request-id', async () => {
    const { context } = contextAnswering({ headers: { 'x-cos-request-id': ['cos-1', 'cos-2'] } });
    expect((await sendSigned(context, { method: 'GET', path: '/jobs/j1' }, 0)).requestId).toBe('cos-1');
  });

  it("makes the API's XML error an ApiError naming the call, with Retry-After in ms and the answer's Date", async () => {
    const error = await refusal({
      status: 503,
      headers: { 'x-ci-request-id': 'req-h', 'retry-after': '3', date: 'Mon, 30 Nov 2026 04:00:05 GMT' },
      body: '<Error><Code>SlowDown</Code><Message>Reduce your rate</Message><RequestId>req-x</RequestId></Error>',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 503,
      code: 'SlowDown',
      apiMessage: 'Reduce your rate',
      requestId: 'req-h',
      retryAfterMs: 3000,
      serverDate: 'Mon, 30 Nov 2026 04:00:05 GMT',
      where: 'GET /inventorytriggerjob/b1',
    });
    const withoutHeader = await refusal({
      status: 404,
      body: '<Error><Code>NoSuchKey</Code><RequestId>req-x</RequestId></Error>',
    });
    expect(withoutHeader).toMatchObject({
      requestId: 'req-x',
      retryAfterMs: undefined,
      serverDate: undefined,
    });
  });

  it('reads a Retry-After date as the time left until it, and one already past as no wait', async () => {
    const xmlError = '<Error><Code>SlowDown</Code></Error>';
    const later = await refusal({
      status: 429,
      headers: { 'retry-after': new Date(NOW + 7000).toUTCString() },
      body: xmlError,
    });
    expect(later).toMatchObject({ retryAfterMs: 7000 });
    const past = await refusal({
      status: 429,
      headers: { 'retry-after': new Date(NOW - 7000).toUTCString() },
      body: xmlError,
    });
    expect(past).toMatchObject({ retryAfterMs: 0 });
  });

  it("calls an answer that is not the API's XML error a TransportError, describing the body without quoting it", async () => {
    const page = await refusal({
      status: 502,
      headers: { 'content-type': 'text/html', 'x-ci-request-id': 'req-p' },
      body: NGINX_PAGE,
    });
    expect(page).toBeInstanceOf(TransportError);
    expect(page).toMatchObject({ kind: 'unparsable', status: 502, requestId: 'req-p' });
    expect((page as Error).message).toContain(`a text/html body of ${NGINX_PAGE.length} bytes`);
    expect((page as Error).message).not.toContain('nginx');
    expect(((await refusal({ status: 500 })) as Error).message).toContain('an empty body');
  });

  it('passes a failed exchange on as it is, after logging the call that failed', async () => {
    const reset = new TransportError('GET /jobs/j1: connection failed (ECONNRESET)', 'reset');
    const { context, debug } = contextAnswering(reset);
    await expect(sendSigned(context, { method: 'GET', path: '/jobs/j1' }, 0)).rejects.toBe(reset);
    expect(debug).toEqual([expect.stringMatching(/^GET \/jobs\/j1 failed after \d+ ms: .*ECONNRESET/)]);
  });
});
