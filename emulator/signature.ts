/**
 * COS XML signature (q-sign-algorithm=sha1), implemented from the documented algorithm and not
 * from the action's signer, so that the emulator catches its bugs. The official SDK cannot serve
 * here: its getAuthorization silently drops headers outside its own list (`date`, for one), while
 * the service verifies whatever the client listed.
 */
import { createHash, createHmac } from 'node:crypto';

const SKEW_LIMIT_S = 900;

/** Percent-encode every byte but `A-Z a-z 0-9 - _ . ~`, hex in upper case. */
export function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const sha1Hex = (data: string): string => createHash('sha1').update(data, 'utf8').digest('hex');
const hmacHex = (key: string, data: string): string =>
  createHmac('sha1', key).update(data, 'utf8').digest('hex');

/** `lowercase(encode(key))=encode(value)` pairs sorted by key, and the key list. */
function canonical(pairs: ReadonlyArray<readonly [string, string]>): { list: string; text: string } {
  const encoded = pairs
    .map(([k, v]) => [encode(k).toLowerCase(), encode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { list: encoded.map(([k]) => k).join(';'), text: encoded.map(([k, v]) => `${k}=${v}`).join('&') };
}

export interface SignParts {
  method: string;
  /** The decoded path. */
  path: string;
  params: ReadonlyArray<readonly [string, string]>;
  headers: ReadonlyArray<readonly [string, string]>;
  keyTime: string;
  /** Defaults to keyTime. */
  signTime?: string;
}

export interface Signed {
  signKey: string;
  headerList: string;
  paramList: string;
  httpString: string;
  stringToSign: string;
  signature: string;
}

export function sign(secretKey: string, parts: SignParts): Signed {
  const params = canonical(parts.params);
  const headers = canonical(parts.headers);
  const httpString = [parts.method.toLowerCase(), parts.path, params.text, headers.text, ''].join('\n');
  const signTime = parts.signTime ?? parts.keyTime;
  const stringToSign = ['sha1', signTime, sha1Hex(httpString), ''].join('\n');
  const signKey = hmacHex(secretKey, parts.keyTime);
  return {
    signKey,
    headerList: headers.list,
    paramList: params.list,
    httpString,
    stringToSign,
    signature: hmacHex(signKey, stringToSign),
  };
}

const AUTH_KEYS = [
  'q-sign-algorithm',
  'q-ak',
  'q-sign-time',
  'q-key-time',
  'q-header-list',
  'q-url-param-list',
  'q-signature',
];
const TIME_RANGE = /^(\d{1,12});(\d{1,12})$/;

/** The fields of an `Authorization` header, or undefined when it is not a well-formed one. */
export function parseAuthorization(header: string | undefined): Record<string, string> | undefined {
  if (!header) return undefined;
  const fields: Record<string, string> = {};
  for (const part of header.trim().split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!AUTH_KEYS.includes(key) || key in fields) return undefined;
    fields[key] = eq < 0 ? '' : part.slice(eq + 1);
  }
  if (!AUTH_KEYS.every((k) => k in fields)) return undefined;
  if (fields['q-sign-algorithm'] !== 'sha1' || !/^[0-9a-f]{40}$/.test(fields['q-signature']!))
    return undefined;
  for (const key of ['q-sign-time', 'q-key-time']) {
    const m = TIME_RANGE.exec(fields[key]!);
    if (!m || Number(m[1]) > Number(m[2])) return undefined;
  }
  return fields;
}

export { SKEW_LIMIT_S };
