/**
 * Compact JWTs signed with HS256: enough to stand in for GitHub's OIDC tokens, which STS must
 * check (signature, issuer, audience, lifetime). The key is the emulator's own, never shared.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface JwtClaims {
  iss: string;
  aud: string;
  sub: string;
  /** Seconds since the epoch. */
  iat: number;
  nbf: number;
  exp: number;
  [claim: string]: unknown;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const mac = (key: Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();

export function signJwt(claims: JwtClaims, key: Buffer): string {
  const payload = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The claims of a token this key signed, or why it is not one. */
export function verifyJwt(
  token: string,
  key: Buffer,
): { ok: true; claims: JwtClaims } | { ok: false; reason: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'not a compact JWT' };
  const [header, payload, signature] = parts as [string, string, string];
  const expected = mac(key, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'the signature does not verify' };
  }
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
    if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'no claims' };
    return { ok: true, claims };
  } catch {
    return { ok: false, reason: 'the claims are not JSON' };
  }
}
