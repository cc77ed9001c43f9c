/**
 * The client's HTTP side against small servers of the test's own on loopback: what each failure
 * is called, which are retried, and that an answer is never read past 1 MiB.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type LookupFunction,
  type Server as TcpServer,
  type Socket,
} from 'node:net';
import { CiClient } from '../../src/ci/client.js';
import { TransportError } from '../../src/ci/errors.js';
import type { Transport } from '../../src/ci/http.js';
import { undiciTransport } from '../../src/ci/undici-transport.js';

const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
beforeAll(() => PROXY_VARIABLES.forEach((name) => delete process.env[name]));
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
});

const servers: (Server | TcpServer)[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
  PROXY_VARIABLES.forEach((name) => delete process.env[name]);
});

async function listen(server: Server | TcpServer): Promise<string> {
  servers.push(server);
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = createTcpServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return `127.0.0.1:${port}`;
}

/** A client that would retry twice at once, so that a test sees whether a failure is retried. */
function clientFor(endpoint: string, timeoutMs = 10_000, transport?: Transport): CiClient {
  return new CiClient({
    endpoint: new URL(endpoint),
    transport,
    credentials: { secretId: 'AKIDtransport', secretKey: 'transport-secret' },
    logger: { debug: () => {}, warning: () => {} },
    timeoutMs,
    retryPolicy: { maxAttempts: 3, maxElapsedMs: 60_000, baseDelayMs: 1, maxDelayMs: 1 },
    sleep: async () => {},
  });
}

async function failureOf(call: Promise<unknown>): Promise<TransportError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

const JOB = 'b' + '1'.repeat(32);
const JOB_ANSWER = `<Response><RequestId>r-1</RequestId><JobsDetail><JobId>${JOB}</JobId><State>Running</State></JobsDetail></Response>`;

describe('answers are read to 1 MiB at most', () => {
  it('fails a 2 MiB answer with a Content-Length, naming the call, and does not ask again', async () => {
    let requests = 0;
    const host = await listen(
      createServer((_req, res) => {
        requests++;
        const body = Buffer.alloc(2 * 1024 * 1024, 'x');
        res.writeHead(200, { 'content-type': 'application/xml', 'content-length': body.length }).end(body);
      }),
    );
    const error = await failureOf(clientFor(`http://${host}`).describeJob(JOB));
    expect(error.message).toBe(`GET /inventorytriggerjob/${JOB} answered more than 1 MiB`);
    expect(error.kind).toBe('too-large');
    expect(requests).toBe(1);
  });

  it('stops an answer without a Content-Length that never ends, promptly, having taken in little of it', async () => {
    let sent = 0;
    const host = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        // As fast as the client reads: what it does not read, the server cannot send.
        const more = () => {
          while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        };
        res.on('drain', more);
        more();
      }),
    );
    const started = Date.now();
    const error = await failureOf(clientFor(`http://${host}`, 30_000).listJobs({}));
    expect(error.message).toBe('GET /inventorytriggerjob answered more than 1 MiB');
    expect(Date.now() - started).toBeLessThan(5000);
    // 1 MiB read, and what the sockets of both ends hold besides.
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('reads an answer just under the limit', async () => {
    const padding = 'x'.repeat(1024 * 1024 - JOB_ANSWER.length - 100);
    const host = await listen(
      createServer((_req, res) =>
        res.writeHead(200).end(JOB_ANSWER.replace('<State>', `<Name>${padding}</Name><State>`)),
      ),
    );
    const { value } = await clientFor(`http://${host}`).describeJob(JOB);
    expect(value?.state).toBe('Running');
  });
});

/**
 * A resolver of the test's own, so that nothing leaves the machine: a name resolves to 127.0.0.1
 * while `resolves` says so, and fails with `code` otherwise. Records each name asked.
 */
function resolver(code: 'ENOTFOUND' | 'EAI_AGAIN', resolves: () => boolean) {
  const asked: string[] = [];
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    asked.push(hostname);
    if (!resolves()) {
      const error = Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname });
      return callback(error);
    }
    if (options.all) return callback(null, [{ address: '127.0.0.1', family: 4 }]);
    callback(null, '127.0.0.1', 4);
  }) as LookupFunction;
  return { lookup, asked };
}

describe('a name that does not resolve', () => {
  const HOST = 'media-1250000000.ci.ap-guangzho.example';

  it('is an unknown host when it never resolved in this step: named, and not asked again', async () => {
    const dns = resolver('ENOTFOUND', () => false);
    const client = clientFor(`http://${HOST}`, 10_000, undiciTransport({ lookup: dns.lookup }));
    const error = await failureOf(client.describeJob(JOB));
    expect(error.message).toBe(`GET /inventorytriggerjob/${JOB}: cannot resolve ${HOST}`);
    expect(error).toMatchObject({ kind: 'unknown-host', host: HOST });
    expect(dns.asked).toEqual([HOST]);
  });

  it('is a passing DNS fault, retried, when the lookup failed for now (EAI_AGAIN)', async () => {
    const dns = resolver('EAI_AGAIN', () => false);
    const client = clientFor(`http://${HOST}`, 10_000, undiciTransport({ lookup: dns.lookup }));
    const error = await failureOf(client.describeJob(JOB));
    expect(error).toMatchObject({ kind: 'dns', host: HOST });
    expect(dns.asked).toHaveLength(3);
  });

  it('is a passing DNS fault, retried, when the host has answered before in this step', async () => {
    let up = true;
    const port = (
      await listen(createServer((_req, res) => res.writeHead(200, { connection: 'close' }).end(JOB_ANSWER)))
    ).split(':')[1];
    const dns = resolver('ENOTFOUND', () => up);
    const client = clientFor(`http://${HOST}:${port}`, 10_000, undiciTransport({ lookup: dns.lookup }));
    expect((await client.describeJob(JOB)).value?.state).toBe('Running');
    up = false;
    const error = await failureOf(client.describeJob(JOB));
    expect(error).toMatchObject({ kind: 'dns', host: HOST });
    expect(dns.asked).toHaveLength(4);
  });
});

describe('what a failed connection is called', () => {
  it('names the endpoint that refused the connection', async () => {
    const host = await closedPort();
    const error = await failureOf(clientFor(`http://${host}`).describeJob(JOB));
    expect(error.message).toBe(`GET /inventorytriggerjob/${JOB}: connection refused by ${host}`);
    expect(error.kind).toBe('connect');
  });

  it('names the proxy when the proxy refuses the connection, not the endpoint', async () => {
    const proxy = await closedPort();
    const endpoint = await listen(createServer((_req, res) => res.writeHead(200).end(JOB_ANSWER)));
    process.env.HTTP_PROXY = `http://user:proxy-password@${proxy}`;
    const error = await failureOf(clientFor(`http://${endpoint}`).describeJob(JOB));
    expect(error.message).toBe(`GET /inventorytriggerjob/${JOB}: connection refused by the proxy ${proxy}`);
    expect(error.kind).toBe('connect');
    expect(error.message).not.toContain('proxy-password');
  });

  it('says so when the proxy will not open a tunnel to the endpoint', async () => {
    const proxy = createServer();
    proxy.on('connect', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
    process.env.HTTP_PROXY = `http://${await listen(proxy)}`;
    const error = await failureOf(clientFor('http://127.0.0.1:9').describeJob(JOB));
    expect(error.message).toBe(
      `GET /inventorytriggerjob/${JOB}: the proxy answered HTTP 403 when asked to connect to 127.0.0.1:9`,
    );
  });

  it('calls a TLS protocol error tls, not a reset, and does not retry it', async () => {
    // An https:// endpoint that answers in plain HTTP: no TLS handshake can succeed.
    let connections = 0;
    const plain = createTcpServer((socket) => {
      connections++;
      socket.on('error', () => {});
      socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n');
    });
    const host = await listen(plain);
    const error = await failureOf(clientFor(`https://${host}`).describeJob(JOB));
    expect(error.message).toMatch(
      new RegExp(
        `^GET /inventorytriggerjob/${JOB}: the TLS handshake with ${host} failed \\((EPROTO|ERR_SSL_\\w+)\\)$`,
      ),
    );
    expect(error.kind).toBe('tls');
    expect(connections).toBe(1);
  });

  it('gives up on an answer that does not come within the time limit', async () => {
    let requests = 0;
    const host = await listen(createServer(() => requests++));
    const error = await failureOf(clientFor(`http://${host}`, 300).describeJob(JOB));
    expect(error.message).toBe(`GET /inventorytriggerjob/${JOB} got no answer within 0.3 s`);
    expect(error.kind).toBe('timeout');
    expect(requests).toBe(3);
  });

  it('stops at once when the step is aborted, without retrying', async () => {
    let requests = 0;
    const host = await listen(createServer(() => requests++));
    const stop = new AbortController();
    const client = new CiClient({
      endpoint: new URL(`http://${host}`),
      credentials: { secretId: 'AKIDtransport', secretKey: 'transport-secret' },
      logger: { debug: () => {}, warning: () => {} },
      signal: stop.signal,
    });
    setTimeout(() => stop.abort(), 200);
    const error = await failureOf(client.describeJob(JOB));
    expect(error.message).toBe(`GET /inventorytriggerjob/${JOB} was aborted`);
    expect(error.kind).toBe('aborted');
    expect(requests).toBe(1);
  });
});

it('polls on one kept-alive connection', async () => {
  const connections = new Set<unknown>();
  const host = await listen(
    createServer((req, res) => {
      connections.add(req.socket);
      res.writeHead(200).end(JOB_ANSWER);
    }),
  );
  const client = clientFor(`http://${host}`);
  for (let poll = 0; poll < 3; poll++) {
    expect((await client.describeJob(JOB)).value?.state).toBe('Running');
    // Polls come seconds apart. Sent back to back, a request can find the connection not yet
    // released and open a second one.
    await new Promise((done) => setTimeout(done, 50));
  }
  expect(connections.size).toBe(1);
});
