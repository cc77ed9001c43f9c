/**
 * How a request's path and query are written: the same encoding in the URL as sent and in the
 * signature, so that both agree. No crypto here: a dry run prints the URL without signing.
 */

/** The bucket's CI domain: the API's base URL unless the `endpoint` input says otherwise. */
export function defaultEndpoint(bucket: string, region: string): URL {
  return new URL(`https://${bucket}.ci.${region}.myqcloud.com`);
}

/** Percent-encode per the COS rules: UTF-8, every byte except A-Z a-z 0-9 - _ . ~ , hex upper case. */
export function encodeCos(text: string): string {
  // encodeURIComponent leaves ! ' ( ) * alone; it also throws on lone surrogates, which is what we
  // want: silently signing U+FFFD would fail on the server with an unhelpful SignatureDoesNotMatch.
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Builds the URL as sent: path segments and query encoded the way they are signed, so both agree. */
export function requestUrl(endpoint: URL, spec: RequestSpec): URL {
  const path = spec.path
    .split('/')
    .map((segment) => encodeCos(segment))
    .join('/');
  const query = Object.entries(spec.query ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => (value === '' ? encodeCos(key) : `${encodeCos(key)}=${encodeCos(value)}`))
    .join('&');
  const base = endpoint.href.replace(/\/+$/, '');
  return new URL(`${base}${path}${query ? `?${query}` : ''}`);
}

/** One call of the API, before it is signed and sent. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  /** Decoded path, e.g. `/inventorytriggerjob/<id>`; encoded here, signed decoded. */
  path: string;
  /** Decoded values; `''` sends a bare sub-resource such as `?cancel`. Undefined values are left out. */
  query?: Record<string, string | undefined>;
  body?: string;
}
