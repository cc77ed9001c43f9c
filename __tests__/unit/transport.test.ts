import { describe, expect, it, jest } from '@jest/globals';
import type { HttpRequest, Transport } from '../../src/ci/http.js';

/** Stands in for undici: each transport it makes answers with the path it was asked for. */
const undiciTransport = jest.fn((): Transport => async (request) => ({
  status: 200,
  headers: {},
  body: request.url.pathname,
}));
jest.unstable_mockModule('../../src/ci/undici-transport.js', () => ({ undiciTransport }));
const { transportFromEnvironment } = await import('../../src/ci/transport.js');

const request = (path: string): HttpRequest => ({
  url: new URL(`https://media-1250000000.ci.ap-guangzhou.myqcloud.com${path}`),
  method: 'GET',
  headers: {},
  timeoutMs: 1000,
});

describe('transportFromEnvironment', () => {
  it('loads undici with the first request, not before, and makes one dispatcher for all requests', async () => {
    const transport = transportFromEnvironment();
    expect(undiciTransport).not.toHaveBeenCalled();
    const answers = await Promise.all([transport(request('/a')), transport(request('/b'))]);
    await transport(request('/c'));
    expect(answers.map((answer) => answer.body)).toEqual(['/a', '/b']);
    expect(undiciTransport).toHaveBeenCalledTimes(1);
  });

  it('gives each step its own dispatcher', async () => {
    undiciTransport.mockClear();
    await transportFromEnvironment()(request('/a'));
    await transportFromEnvironment()(request('/a'));
    expect(undiciTransport).toHaveBeenCalledTimes(2);
  });
});
