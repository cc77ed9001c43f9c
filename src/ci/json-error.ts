/**
 * An error answered as JSON rather than the documented XML `<Error>`. The Go SDK reads such bodies
 * (`{"code", "message", "request_id"}`, its code typed as a number) and Tencent Cloud's JSON APIs
 * answer `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`: either is the service
 * speaking, with a code to act on, not a proxy's page.
 */
export interface ErrorBody {
  code: string;
  message: string;
  requestId: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string, or a number written as text (the Go SDK's `code` is an int); '' for anything else. */
function field(node: Json, ...names: string[]): string {
  for (const name of names) {
    const value = node[name];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return '';
}

/** The error a JSON body names; undefined for any other body, JSON or not, and for one without a code. */
export function parseJsonErrorBody(body: string): ErrorBody | undefined {
  if (!body.trimStart().startsWith('{')) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(document)) return undefined;
  const response = isObject(document.Response) ? document.Response : document;
  const error = isObject(response.Error) ? response.Error : response;
  const code = field(error, 'Code', 'code');
  if (!code) return undefined;
  return {
    code,
    message: field(error, 'Message', 'message'),
    requestId:
      field(error, 'RequestId', 'request_id', 'requestId') ||
      field(response, 'RequestId', 'request_id', 'requestId'),
  };
}
