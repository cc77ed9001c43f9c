/** The vocabulary of the emulator's identity end: GitHub's OIDC token endpoint and Tencent STS. */

export interface IdentityOptions {
  /** `ACTIONS_ID_TOKEN_REQUEST_TOKEN`: the bearer token the OIDC token endpoint accepts. */
  requestToken: string;
  /** The CAM OIDC identity provider: STS `ProviderId`. */
  providerId: string;
  /** The provider's client ids: the token audiences STS accepts. */
  clientIds: string[];
  /** Roles that trust the provider (`qcs::cam::uin/<uin>:roleName/<name>`). */
  roleArns: string[];
  /**
   * How long temporary keys are accepted, whatever `DurationSeconds` asked (e.g. 5000, so that a
   * test sees renewals in seconds). `ExpiredTime` and `Expiration` say the same. Default: as asked.
   */
  keyLifetimeMs?: number;
  /** The `sub` of issued OIDC tokens; default `repo:octo-org/media-site:ref:refs/heads/main`. */
  subject?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
}

/**
 * Queued faults of the identity end, each for the next `times` requests to its `endpoint` (default
 * `sts`: AssumeRoleWithWebIdentity; `oidc-token`: GitHub's token endpoint). `error` answers an STS
 * error as STS does (HTTP 200, `Response.Error`), `status` a bare HTTP status (a gateway), `reset`
 * drops the connection, `hang` never answers, `slow` answers as usual `delayMs` later. `huge` (token
 * endpoint) answers a token of `bytes` bytes. `expired-time` (STS) issues keys as usual but answers
 * their `ExpiredTime` as a numeric string, or an hour before the answer's `Date` (`past`).
 */
export type IdentityFault = { times?: number; endpoint?: IdentityRecord['endpoint'] } & (
  | { kind: 'error'; code: string; message?: string }
  | { kind: 'status'; status: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'huge'; bytes: number }
  | { kind: 'expired-time'; as: 'string' | 'past' }
);

/** One set of temporary keys, as issued. */
export interface IssuedKeys {
  secretId: string;
  secretKey: string;
  token: string;
  /** Unix seconds, as answered (`ExpiredTime`); refused from then on. */
  expiredTime: number;
}

/** One exchange with the identity end, as it was asked and answered. */
export interface IdentityRecord {
  endpoint: 'oidc-token' | 'sts';
  time: number;
  /** The HTTP status answered; 0 when the connection was dropped. */
  status: number;
  /** The `aud` asked of the OIDC endpoint, or of the token presented to STS. */
  audience?: string;
  /** STS: the error code answered (200 with `Response.Error`) or why the token endpoint refused. */
  code?: string;
  /** STS: the `RequestId` answered. */
  requestId?: string;
  /** STS: the request's headers, lower-case names. */
  headers?: Record<string, string>;
  /** STS: the body's parameters, `WebIdentityToken` left out. */
  params?: Record<string, unknown>;
  fault?: IdentityFault['kind'];
  /** STS: the keys issued. */
  issued?: IssuedKeys;
}

export interface IdentityEmulator {
  /** The STS base URL (`sts-endpoint`): STS is `POST /`. */
  stsUrl: string;
  /** What `ACTIONS_ID_TOKEN_REQUEST_URL` points at (it has a query: callers append `&audience=`). */
  tokenRequestUrl: string;
  requestToken: string;
  /** Every exchange, oldest first. */
  records: IdentityRecord[];
  addFault(fault: IdentityFault): void;
  clearFaults(): void;
  /** `undefined`: keys live as long as `DurationSeconds` asked. */
  setKeyLifetime(ms: number | undefined): void;
}
