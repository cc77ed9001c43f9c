/**
 * The identity end, on a loopback listener of its own (STS is `POST /` on its own host): GitHub's
 * OIDC token endpoint (what `ACTIONS_ID_TOKEN_REQUEST_URL` points at), Tencent STS, and unsigned
 * admin endpoints under `/_emulator/`. Every exchange is recorded.
 */
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IdentityFaults, parseIdentityFault } from './identity-faults.js';
import type { IdentityEmulator, IdentityOptions, IdentityRecord } from './identity-types.js';
import { signJwt } from './jwt.js';
import { assumeRoleWithWebIdentity, GITHUB_ISSUER, stsError, TemporaryKeys, type StsState } from './sts.js';

const TOKEN_PATH = '/_apis/distributedtask/idtoken';
/** GitHub's own default audience when none is asked: the owner's URL. */
const DEFAULT_AUDIENCE = 'https://github.com/octo-org';
const DEFAULT_SUBJECT = 'repo:octo-org/media-site:ref:refs/heads/main';
/** GitHub's tokens are short-lived: a renewal always fetches a fresh one. */
const TOKEN_LIFETIME_S = 300;
const MAX_BODY = 64 * 1024;

export interface IdentityEnd extends IdentityEmulator {
  keys: TemporaryKeys;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, value: unknown, date?: number): void {
  if (status === 204) return void res.writeHead(204).end();
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    // The emulator's clock, not the machine's: a client may judge key lifetimes by it.
    ...(date === undefined ? {} : { Date: new Date(date).toUTCString() }),
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  return size <= MAX_BODY ? Buffer.concat(chunks).toString('utf8') : undefined;
}

const headerRecord = (req: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  );

/**
 * The keys stay valid as issued; only the answer says otherwise: `ExpiredTime` as a numeric string,
 * or an hour before the answer's own `Date`.
 */
function misstateExpiry(response: Record<string, unknown>, as: 'string' | 'past', now: number): void {
  if (as === 'string') {
    response.ExpiredTime = String(response.ExpiredTime);
    return;
  }
  const past = Math.floor(now / 1000) - 3600;
  response.ExpiredTime = past;
  response.Expiration = new Date(past * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export async function startIdentityEnd(options: IdentityOptions, clock: () => number): Promise<IdentityEnd> {
  const state: StsState = {
    options,
    keyLifetimeMs: options.keyLifetimeMs,
    jwtKey: randomBytes(32),
    keys: new TemporaryKeys(),
  };
  const faults = new IdentityFaults();
  const records: IdentityRecord[] = [];

  const serveToken = async (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => {
    const record: IdentityRecord = { endpoint: 'oidc-token', time: clock(), status: 0 };
    records.push(record);
    const fault = faults.take('oidc-token');
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'reset') return void req.socket.resetAndDestroy();
    // Never answered: close() destroys every connection.
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'slow') await delay(fault.delayMs);
    if (fault?.kind === 'status') {
      record.status = fault.status;
      return json(res, fault.status, { message: `injected ${fault.status}` });
    }
    if (fault?.kind === 'huge') {
      record.status = 200;
      return json(res, 200, { value: `eyJ${'A'.repeat(Math.max(0, fault.bytes - 3))}` });
    }
    const now = clock();
    const audience = query.get('audience') ?? DEFAULT_AUDIENCE;
    record.audience = audience;
    if (req.headers.authorization !== `Bearer ${options.requestToken}`) {
      record.status = 401;
      record.code = 'bad bearer token';
      return json(res, 401, {
        message: 'The bearer token is not this job’s ACTIONS_ID_TOKEN_REQUEST_TOKEN.',
      });
    }
    const iat = Math.floor(now / 1000);
    const value = signJwt(
      {
        iss: GITHUB_ISSUER,
        aud: audience,
        sub: options.subject ?? DEFAULT_SUBJECT,
        iat,
        nbf: iat - 5,
        exp: iat + TOKEN_LIFETIME_S,
      },
      state.jwtKey,
    );
    record.status = 200;
    json(res, 200, { value });
  };

  const serveSts = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = headerRecord(req);
    const record: IdentityRecord = { endpoint: 'sts', time: clock(), status: 0, headers };
    records.push(record);
    const fault = faults.take('sts');
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'reset') return void req.socket.resetAndDestroy();
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'slow') await delay(fault.delayMs);
    const now = clock();
    if (fault?.kind === 'status') {
      record.status = fault.status;
      res.writeHead(fault.status, { 'Content-Type': 'text/plain' }).end(`injected ${fault.status}`);
      return;
    }
    const body = await readBody(req);
    const outcome =
      fault?.kind === 'error'
        ? stsError(fault.code, fault.message ?? `Injected ${fault.code}.`)
        : body === undefined
          ? stsError('InvalidParameter', 'The request body is larger than 64 KiB.')
          : assumeRoleWithWebIdentity(state, { method: req.method ?? 'GET', headers, body, nowMs: now });
    Object.assign(record, {
      status: 200,
      requestId: outcome.requestId,
      ...(outcome.code === undefined ? {} : { code: outcome.code }),
      ...(outcome.params === undefined ? {} : { params: outcome.params }),
      ...(outcome.audience === undefined ? {} : { audience: outcome.audience }),
      ...(outcome.issued === undefined ? {} : { issued: outcome.issued }),
    });
    if (fault?.kind === 'expired-time' && outcome.issued)
      misstateExpiry(outcome.body.Response, fault.as, now);
    json(res, 200, outcome.body, now);
  };

  const serveAdmin = (req: IncomingMessage, res: ServerResponse, path: string, body: string): void => {
    try {
      switch (`${req.method} ${path}`) {
        case 'GET /_emulator/exchanges':
          return json(res, 200, records);
        case 'POST /_emulator/faults':
          end.addFault(parseIdentityFault(JSON.parse(body)));
          return json(res, 204, undefined);
        case 'DELETE /_emulator/faults':
          end.clearFaults();
          return json(res, 204, undefined);
        case 'POST /_emulator/key-lifetime': {
          const { ms } = JSON.parse(body) as { ms?: unknown };
          if (ms !== null && (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1000)) {
            throw new Error('key-lifetime is { "ms": an integer ≥ 1000, or null for DurationSeconds }');
          }
          end.setKeyLifetime(ms ?? undefined);
          return json(res, 204, undefined);
        }
        default:
          return json(res, 404, { error: `no admin endpoint ${req.method} ${path}` });
      }
    } catch (error) {
      return json(res, 400, { error: (error as Error).message });
    }
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const route = async (): Promise<void> => {
      if (url.pathname.startsWith('/_emulator/')) {
        return serveAdmin(req, res, url.pathname, (await readBody(req)) ?? '');
      }
      if (url.pathname === TOKEN_PATH && req.method === 'GET') return serveToken(req, res, url.searchParams);
      if (url.pathname === '/') return serveSts(req, res);
      json(res, 404, { message: `Nothing at ${url.pathname}.` });
    };
    route().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('emulator error');
      process.emitWarning(`identity emulator: ${(error as Error).stack ?? String(error)}`);
    });
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  const end: IdentityEnd = {
    stsUrl: base,
    tokenRequestUrl: `${base}${TOKEN_PATH}?api-version=2.0`,
    requestToken: options.requestToken,
    records,
    keys: state.keys,
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setKeyLifetime: (ms) => void (state.keyLifetimeMs = ms),
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
  return end;
}
