import { createHash, createHmac } from 'node:crypto';
import { encodeCos } from './url.js';

export interface SignInput {
  secretId: string;
  secretKey: string;
  /** Any case; lower-cased for signing. */
  method: string;
  /** The decoded path, e.g. `/inventorytriggerjob/abc` or `/exampleobject(腾讯云)`. */
  path: string;
  /** Decoded keys and values; `undefined` or `''` is a parameter without value. All are signed. */
  query: Record<string, string | undefined>;
  /** Headers to sign, names in any case; must include `host`. */
  headers: Record<string, string>;
  /** KeyTime start, unix seconds. */
  startSeconds: number;
  /** KeyTime end, unix seconds. */
  endSeconds: number;
}

/** The intermediate values of one signature, as the documentation's worked examples give them (docs/api-notes.md). */
export interface SignatureParts {
  keyTime: string;
  signKey: string;
  headerList: string;
  httpHeaders: string;
  urlParamList: string;
  httpParameters: string;
  httpString: string;
  httpStringSha1: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

const sha1Hex = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');
const hmacSha1Hex = (key: string, text: string): string =>
  createHmac('sha1', key).update(text, 'utf8').digest('hex');

/** `lowercase(encode(key))=encode(value)` pairs sorted by the encoded key, and the key list. */
export function canonicalPairs(
  pairs: Record<string, string | undefined>,
  what: string,
): { list: string; joined: string } {
  const entries = Object.entries(pairs).map(
    ([key, value]) => [encodeCos(key).toLowerCase(), encodeCos(value ?? '')] as const,
  );
  // Plain code-unit order, not localeCompare: encoded keys are ASCII and the server sorts bytes.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  entries.forEach(([key], i) => {
    // Two names that differ only in case would be signed as one ambiguous pair.
    if (i > 0 && entries[i - 1]![0] === key) throw new Error(`duplicate ${what} name: ${key}`);
  });
  return {
    list: entries.map(([key]) => key).join(';'),
    joined: entries.map(([key, value]) => `${key}=${value}`).join('&'),
  };
}

/** Every step of the signature, so that each documented intermediate value can be checked. */
export function signatureParts(input: SignInput): SignatureParts {
  const { secretId, secretKey, method, path, query, headers, startSeconds, endSeconds } = input;
  if (!secretId || !secretKey) throw new Error('signRequest: missing SecretId or SecretKey');
  if (!Number.isInteger(startSeconds) || !Number.isInteger(endSeconds) || endSeconds < startSeconds) {
    throw new Error(`signRequest: invalid key time ${startSeconds};${endSeconds}`);
  }
  if (!path.startsWith('/')) throw new Error(`signRequest: path must start with "/": ${path}`);
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'host')) {
    // Unsigned host would let the signature be replayed against another bucket.
    throw new Error('signRequest: the host header must be signed');
  }

  const keyTime = `${startSeconds};${endSeconds}`;
  const signKey = hmacSha1Hex(secretKey, keyTime);
  const params = canonicalPairs(query, 'query parameter');
  const heads = canonicalPairs(headers, 'header');
  const httpString = [method.toLowerCase(), path, params.joined, heads.joined, ''].join('\n');
  const httpStringSha1 = sha1Hex(httpString);
  const stringToSign = ['sha1', keyTime, httpStringSha1, ''].join('\n');
  // The key is SignKey's hex text, not its raw bytes.
  const signature = hmacSha1Hex(signKey, stringToSign);
  const authorization = [
    'q-sign-algorithm=sha1',
    `q-ak=${secretId}`,
    `q-sign-time=${keyTime}`,
    `q-key-time=${keyTime}`,
    `q-header-list=${heads.list}`,
    `q-url-param-list=${params.list}`,
    `q-signature=${signature}`,
  ].join('&');
  return {
    keyTime,
    signKey,
    headerList: heads.list,
    httpHeaders: heads.joined,
    urlParamList: params.list,
    httpParameters: params.joined,
    httpString,
    httpStringSha1,
    stringToSign,
    signature,
    authorization,
  };
}

/** Returns the full Authorization header value. */
export function signRequest(input: SignInput): string {
  return signatureParts(input).authorization;
}
