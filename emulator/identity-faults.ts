/**
 * The identity end's fault queue: each fault applies to the next `times` requests of its endpoint
 * (STS unless it names the token endpoint), oldest first.
 */
import type { IdentityFault, IdentityRecord } from './identity-types.js';

type Endpoint = IdentityRecord['endpoint'];

/** The kinds each endpoint can play: STS's own error and lifetimes, the token endpoint's size. */
const KINDS: Record<Endpoint, ReadonlyArray<IdentityFault['kind']>> = {
  sts: ['error', 'status', 'reset', 'hang', 'slow', 'expired-time'],
  'oidc-token': ['status', 'reset', 'hang', 'slow', 'huge'],
};

/** Checks a fault that arrived as JSON (the admin endpoint) or from a test. */
export function parseIdentityFault(value: unknown): IdentityFault {
  const f = value as Record<string, unknown> | null;
  if (typeof f !== 'object' || f === null) throw new Error('an identity fault is a JSON object');
  const endpoint = (f.endpoint ?? 'sts') as Endpoint;
  const kinds = KINDS[endpoint];
  if (!kinds) throw new Error(`fault.endpoint must be one of ${Object.keys(KINDS).join(', ')}`);
  if (!kinds.includes(f.kind as IdentityFault['kind'])) {
    throw new Error(`a fault of ${endpoint} has a kind of ${kinds.join(', ')}`);
  }
  if (f.kind === 'error' && typeof f.code !== 'string') throw new Error('an error fault needs a code');
  if (f.kind === 'status' && typeof f.status !== 'number') throw new Error('a status fault needs a status');
  if (f.kind === 'slow' && !isCount(f.delayMs)) throw new Error('a slow fault needs delayMs ≥ 0');
  if (f.kind === 'huge' && !isCount(f.bytes)) throw new Error('a huge fault needs bytes ≥ 0');
  if (f.kind === 'expired-time' && f.as !== 'string' && f.as !== 'past') {
    throw new Error("an expired-time fault has as: 'string' or 'past'");
  }
  const times = f.times ?? 1;
  if (!Number.isInteger(times) || (times as number) < 1)
    throw new Error('fault.times must be a positive integer');
  return f as IdentityFault;
}

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

export class IdentityFaults {
  private readonly queue: Array<{ fault: IdentityFault; left: number }> = [];

  add(fault: IdentityFault): void {
    this.queue.push({ fault: parseIdentityFault(fault), left: fault.times ?? 1 });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** The fault for this request to `endpoint`, if any; using it counts one of its `times`. */
  take(endpoint: Endpoint): IdentityFault | undefined {
    const index = this.queue.findIndex(({ fault }) => (fault.endpoint ?? 'sts') === endpoint);
    const queued = this.queue[index];
    if (!queued) return undefined;
    if (--queued.left === 0) this.queue.splice(index, 1);
    return queued.fault;
  }
}
