/**
 * Requests signed by the official Node SDK, for tests of the emulator and of anything that must
 * agree with the real service. Deliberately not the action's signer.
 */
import COS from 'cos-nodejs-sdk-v5';

export interface SdkRequest {
  secretId: string;
  secretKey: string;
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Sent and signed. */
  query?: Record<string, string>;
  /** Sent but left out of the signature. */
  unsignedQuery?: Record<string, string>;
  body?: string;
  /** Extra headers; the SDK signs those it signs (content-*, x-ci-*, x-cos-*, …). */
  headers?: Record<string, string>;
  /** `start;end` in Unix seconds; the SDK's default is now-1 to now+900. */
  keyTime?: string;
  /** Replaces the computed Authorization header (`null`: send none). */
  authorization?: string | null;
  /** Gives up on the request (a client that leaves before the answer). */
  signal?: AbortSignal;
}

export interface SdkAnswer {
  status: number;
  headers: Headers;
  text: string;
}

const encode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function sdkAuthorization(baseUrl: string, r: SdkRequest): string {
  const headers: Record<string, string> = { host: new URL(baseUrl).host, ...r.headers };
  const options: COS.StaticGetAuthorizationOptions = {
    SecretId: r.secretId,
    SecretKey: r.secretKey,
    Method: r.method ?? 'GET',
    Pathname: decodeURIComponent(r.path),
    Query: r.query ?? {},
    Headers: headers,
  };
  if (r.keyTime !== undefined) options.KeyTime = r.keyTime;
  return COS.getAuthorization(options);
}

export async function sdkFetch(baseUrl: string, r: SdkRequest): Promise<SdkAnswer> {
  const all = { ...r.query, ...r.unsignedQuery };
  const search = Object.entries(all)
    .map(([k, v]) => (v === '' && k === 'cancel' ? k : `${encode(k)}=${encode(v)}`))
    .join('&');
  const headers: Record<string, string> = { ...r.headers };
  const authorization = r.authorization === undefined ? sdkAuthorization(baseUrl, r) : r.authorization;
  if (authorization !== null) headers.authorization = authorization;
  const init: RequestInit = { method: r.method ?? 'GET', headers };
  if (r.body !== undefined) init.body = r.body;
  if (r.signal) init.signal = r.signal;
  const response = await fetch(`${baseUrl}${r.path}${search ? `?${search}` : ''}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}
