import { randomBytes } from 'node:crypto';

let counter = 0;

/** `b` + 32 hex, the shape of real job ids. */
export function newJobId(): string {
  return `b${randomBytes(16).toString('hex')}`;
}

/** `i` + 32 hex, the shape of real workflow run ids. */
export function newRunId(): string {
  return `i${randomBytes(16).toString('hex')}`;
}

/** Base64 of `<hex time>_<hex>_<counter>_<hex>`, the shape of real `x-ci-request-id`s. */
export function newRequestId(nowMs: number): string {
  counter += 1;
  const raw = [
    Math.floor(nowMs / 1000).toString(16),
    randomBytes(4).toString('hex'),
    counter.toString(16),
    randomBytes(2).toString('hex'),
  ].join('_');
  return Buffer.from(raw).toString('base64');
}

/** An opaque paging token. */
export function newToken(): string {
  return randomBytes(9).toString('base64url');
}
