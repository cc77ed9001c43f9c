/** Checks a request's credentials, time and signature: the first problem found is the answer. */
import { timingSafeEqual } from 'node:crypto';
import { encode, parseAuthorization, sign, SKEW_LIMIT_S } from './signature.js';

export interface IncomingRequest {
  method: string;
  /** The decoded path. */
  path: string;
  /** Decoded query parameters, in the order sent. */
  query: ReadonlyArray<readonly [string, string]>;
  /** Lower-case names. */
  headers: Record<string, string>;
}

export interface Credentials {
  secretId: string;
  secretKey: string;
  sessionToken?: string;
}

/** A key the service accepts; temporary keys (from STS) stop being accepted at `expiresAtMs`. */
export interface AcceptedKey extends Credentials {
  expiresAtMs?: number;
}

/** The key a SecretId names, if the service knows it. */
export type KeyLookup = (secretId: string) => AcceptedKey | undefined;

export type AuthResult = { ok: true } | { ok: false; code: string; message: string; detail?: string };

const refuse = (code: string, message: string, detail?: string): AuthResult =>
  detail === undefined ? { ok: false, code, message } : { ok: false, code, message, detail };

const splitList = (list: string): string[] => (list ? list.split(';') : []);

export function authenticate(req: IncomingRequest, keys: KeyLookup, nowMs: number): AuthResult {
  const auth = parseAuthorization(req.headers.authorization);
  if (!auth) {
    return refuse('AccessDenied', 'The Authorization header is missing or is not a COS sha1 signature.');
  }
  const creds = keys(auth['q-ak']!);
  if (!creds) {
    return refuse('AccessDenied', 'InvalidAccessKeyId: the SecretId (q-ak) you provided does not exist.');
  }
  if (creds.sessionToken !== undefined) {
    const token = req.headers['x-ci-security-token'] ?? req.headers['x-cos-security-token'];
    if (token !== creds.sessionToken) {
      return refuse(
        'AccessDenied',
        token
          ? 'InvalidToken: the security token is invalid.'
          : 'InvalidToken: the security token is missing.',
      );
    }
  }
  // After the token check: a client that forgot the token learns that first, not that keys expired.
  if (creds.expiresAtMs !== undefined && nowMs >= creds.expiresAtMs) {
    return refuse('AccessDenied', 'InvalidToken: the security token has expired.');
  }
  const [start, end] = auth['q-sign-time']!.split(';').map(Number) as [number, number];
  const now = nowMs / 1000;
  if (start > now + SKEW_LIMIT_S) {
    return refuse(
      'RequestTimeTooSkewed',
      "The difference between the request time and the server's time is too large.",
    );
  }
  if (end < now) return refuse('AccessDenied', 'Request has expired');

  const headerNames = splitList(auth['q-header-list']!);
  const paramNames = splitList(auth['q-url-param-list']!);
  if (new Set(headerNames).size !== headerNames.length || new Set(paramNames).size !== paramNames.length) {
    return refuse('AccessDenied', 'q-header-list or q-url-param-list names an entry twice.');
  }
  if (!headerNames.includes('host'))
    return refuse('AccessDenied', 'The host header must be signed (q-header-list).');

  const sentHeaders = new Map(
    Object.entries(req.headers).map(([k, v]) => [encode(k).toLowerCase(), [k, v] as const]),
  );
  const headers: Array<readonly [string, string]> = [];
  for (const name of headerNames) {
    const header = sentHeaders.get(name);
    if (!header) return refuse('SignatureDoesNotMatch', `The signed header "${name}" was not sent.`);
    headers.push(header);
  }
  const sentParams = new Map(req.query.map(([k, v]) => [encode(k).toLowerCase(), [k, v] as const]));
  for (const [key, [raw, value]] of sentParams) {
    // The bare `cancel` sub-resource may go unsigned: the docs and SDKs differ on it.
    if (!paramNames.includes(key) && !(raw === 'cancel' && value === '')) {
      return refuse('AccessDenied', `The query parameter "${raw}" is not signed (q-url-param-list).`);
    }
  }
  const params: Array<readonly [string, string]> = [];
  for (const name of paramNames) {
    const param = sentParams.get(name);
    if (!param) return refuse('SignatureDoesNotMatch', `The signed query parameter "${name}" was not sent.`);
    params.push(param);
  }

  const signed = (withHeaders: ReadonlyArray<readonly [string, string]>) =>
    sign(creds.secretKey, {
      method: req.method,
      path: req.path,
      params,
      headers: withHeaders,
      keyTime: auth['q-key-time']!,
      signTime: auth['q-sign-time']!,
    });
  const expected = signed(headers);
  const given = Buffer.from(auth['q-signature']!);
  const matches = (signature: string) => timingSafeEqual(given, Buffer.from(signature));
  // The Python SDK signs the host without its port, and sends it with the port: both are accepted.
  const hostWithoutPort = headers.map(([k, v]) =>
    k.toLowerCase() === 'host' ? ([k, v.replace(/:\d+$/, '')] as const) : ([k, v] as const),
  );
  if (!matches(expected.signature) && !matches(signed(hostWithoutPort).signature)) {
    return refuse(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      `the emulator signed ${JSON.stringify(expected.httpString)} with sign time ${auth['q-sign-time']}`,
    );
  }
  return { ok: true };
}
