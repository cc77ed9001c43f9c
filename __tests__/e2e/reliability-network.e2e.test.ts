import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runStep } from '../../test-support/github-runner.js';
import { BUCKET, commonInputs, SECRET_ID, SECRET_KEY, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const TWO_HOURS = 2 * 3600 * 1000;
const schedule = { queuedMs: 100, runningMs: 400, final: 'Success' as const };

function inputs(emulator: Emulator, extra: Record<string, string> = {}) {
  return {
    ...commonInputs(emulator),
    'workflow-id': WORKFLOW_ID,
    prefix: 'videos/',
    'poll-interval': '1s',
    ...extra,
  };
}

describe("a runner clock two hours off the service's", () => {
  it.each([
    ['behind (the signature looks expired)', TWO_HOURS, 'AccessDenied'],
    ['ahead (the signature starts in the future)', -TWO_HOURS, 'RequestTimeTooSkewed'],
  ])('%s is corrected once from the Date header and kept for the whole step', async (_name, offset, code) => {
    const emulator = await startEmulator({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      schedule,
      clockOffsetMs: offset,
    });
    try {
      const run = await runStep({ inputs: inputs(emulator) });
      expect(run.errors).toEqual([]);
      expect(run.outputs.state).toBe('Success');
      const refused = emulator.requests.filter((r) => r.status === 403);
      expect(refused.map((r) => r.code)).toEqual([code]);
      expect(emulator.requests.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(3);
      expect(emulator.jobs()).toHaveLength(1);
      expect(run.warnings).toEqual([expect.stringMatching(/clock is off by -?7\d{3} s/)]);
    } finally {
      await emulator.close();
    }
  });
});

describe('a proxy set in the environment', () => {
  let emulator: Emulator;
  let proxy: Server;
  let proxyUrl: string;
  const tunnels: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ secretId: SECRET_ID, secretKey: SECRET_KEY, schedule });
    // A CONNECT proxy, as corporate proxies are: it records each tunnel and pipes the bytes.
    proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, socket, head) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await emulator.close();
  });

  // The emulator speaks http://, so HTTP_PROXY is the variable that applies, as with curl.
  it.each([['HTTP_PROXY'], ['http_proxy']])(
    '%s carries every request through the proxy',
    async (variable) => {
      tunnels.length = 0;
      const run = await runStep({ inputs: inputs(emulator), env: { [variable]: proxyUrl } });
      expect(run.errors).toEqual([]);
      expect(run.outputs.state).toBe('Success');
      const host = new URL(emulator.url).host;
      expect(tunnels.length).toBeGreaterThan(0);
      expect(new Set(tunnels)).toEqual(new Set([host]));
    },
  );

  it('HTTPS_PROXY applies to https:// endpoints only: http:// requests go direct', async () => {
    tunnels.length = 0;
    const run = await runStep({ inputs: inputs(emulator), env: { HTTPS_PROXY: proxyUrl } });
    expect(run.outputs.state).toBe('Success');
    expect(tunnels).toEqual([]);
  });

  describe('with an https:// endpoint, as the real service has', () => {
    let secure: Emulator;
    let caFile: string;
    beforeAll(async () => {
      // A certificate for 127.0.0.1, made here, trusted by the step the way a runner trusts a corporate CA.
      const dir = mkdtempSync(join(tmpdir(), 'emulator-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      caFile = join(dir, 'cert.pem');
      const tls = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(caFile, 'utf8') };
      secure = await startEmulator({ secretId: SECRET_ID, secretKey: SECRET_KEY, schedule, tls });
    });
    afterAll(async () => secure.close());

    it('HTTPS_PROXY tunnels every request to it, and HTTP_PROXY does not', async () => {
      expect(secure.url).toMatch(/^https:/);
      tunnels.length = 0;
      const run = await runStep({
        inputs: inputs(secure),
        env: { HTTPS_PROXY: proxyUrl, HTTP_PROXY: 'http://127.0.0.1:9', NODE_EXTRA_CA_CERTS: caFile },
      });
      expect(run.errors).toEqual([]);
      expect(run.outputs.state).toBe('Success');
      expect(tunnels.length).toBeGreaterThan(0);
      expect(new Set(tunnels)).toEqual(new Set([new URL(secure.url).host]));
    });

    it('without a proxy, connects directly over TLS, polling on kept-alive connections', async () => {
      tunnels.length = 0;
      const before = secure.requests.length;
      const run = await runStep({ inputs: inputs(secure), env: { NODE_EXTRA_CA_CERTS: caFile } });
      expect(run.errors).toEqual([]);
      expect(run.outputs.state).toBe('Success');
      expect(tunnels).toEqual([]);
      const calls = secure.requests.slice(before);
      expect(calls.map((r) => r.call)).toEqual(expect.arrayContaining(['create', 'describe']));
      // Kept alive: the create's connection may still be being released when the first status
      // check goes out at once, and that one then opens a second; every later poll reuses one.
      expect(calls.length).toBeGreaterThan(3);
      expect(new Set(calls.map((r) => r.connection)).size).toBeLessThanOrEqual(2);
    });

    it('stops at once on a certificate the runner does not trust, saying what to do', async () => {
      const before = secure.requests.length;
      const run = await runStep({ inputs: inputs(secure, { wait: 'false' }) });
      expect(run.code).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(
        /^POST \/inventorytriggerjob: 127\.0\.0\.1:\d+ presented a certificate this runner does not trust \(\w*SELF_SIGNED\w*\); .*NODE_EXTRA_CA_CERTS/,
      );
      expect(run.stdout).not.toMatch(/\n\s+at |::warning::/);
      // Nothing reached the service, and nothing was retried or looked up.
      expect(secure.requests.length).toBe(before);
    });
  });

  it('NO_PROXY naming the host sends requests around the proxy', async () => {
    tunnels.length = 0;
    const run = await runStep({
      inputs: inputs(emulator),
      env: { HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NO_PROXY: 'example.com,127.0.0.1' },
    });
    expect(run.errors).toEqual([]);
    expect(run.outputs.state).toBe('Success');
    expect(tunnels).toEqual([]);
  });

  it('an unreachable proxy is a connection error naming the request and the proxy, not the endpoint', async () => {
    const run = await runStep({
      inputs: inputs(emulator, { 'request-timeout': '2s' }),
      env: { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
    });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /^POST \/inventorytriggerjob: connection refused by the proxy 127\.0\.0\.1:9\b/,
    );
    expect(run.errors[0]).not.toContain(new URL(emulator.url).host);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  }, 90_000);
});

describe('an endpoint whose name does not resolve', () => {
  // `.invalid` never resolves (RFC 6761): the lookup fails at the runner's resolver, and no
  // request leaves for any service.
  it('fails at once, without retries, saying which input to check', async () => {
    const host = 'media-1250000000.ci.ap-guangzho.invalid';
    const started = Date.now();
    const run = await runStep({
      inputs: {
        'secret-id': SECRET_ID,
        'secret-key': SECRET_KEY,
        bucket: BUCKET,
        region: 'ap-guangzhou',
        endpoint: `https://${host}`,
        'workflow-id': WORKFLOW_ID,
        prefix: 'videos/',
      },
    });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      `POST /inventorytriggerjob: cannot resolve ${host}: check the endpoint input.`,
    ]);
    expect(run.warnings).toEqual([]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('an answer larger than any the API sends', () => {
  let hostile: Server;
  let sent = 0;
  const CHUNK = Buffer.alloc(64 * 1024, ' ');

  beforeAll(async () => {
    // Answers every status check with 2 MiB under a Content-Length, or, for a job id ending in
    // `e`, with a body that never ends, as fast as the step takes it in.
    hostile = createServer((req, res) => {
      res.writeHead(200, {
        'content-type': 'application/xml',
        ...(req.url?.endsWith('e') ? {} : { 'content-length': String(2 * 1024 * 1024) }),
      });
      res.write('<Response><JobsDetail><JobId>');
      const more = () => {
        while (!res.destroyed && res.write(CHUNK)) sent += CHUNK.length;
      };
      res.on('drain', more);
      more();
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    hostile.closeAllConnections();
    await new Promise((resolve) => hostile.close(resolve));
  });

  it.each([
    ['2 MiB with a Content-Length', `b${'0'.repeat(31)}1`],
    ['no Content-Length and no end', `b${'0'.repeat(31)}e`],
  ])('is cut off at 1 MiB (%s): the step fails at once, naming the call, no stack', async (_what, jobId) => {
    sent = 0;
    const started = Date.now();
    const run = await runStep({
      action: 'wait',
      inputs: {
        'secret-id': SECRET_ID,
        'secret-key': SECRET_KEY,
        bucket: BUCKET,
        region: 'ap-guangzhou',
        endpoint: `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`,
        'job-id': jobId,
        'request-timeout': '60s',
      },
    });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`GET /inventorytriggerjob/${jobId} answered more than 1 MiB`);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |node:internal/);
    // Not asked again, and not read on: what the step took in is 1 MiB and what sockets buffer.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});
