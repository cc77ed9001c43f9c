/**
 * Queued faults: each applies to the next `times` requests of its call (of any call without one),
 * or to all of them for `forMs` after it was queued.
 */
import type { CallName, Fault } from './types.js';

const KINDS: ReadonlyArray<Fault['kind']> = [
  'status',
  'reset',
  'hang',
  'html',
  'truncated',
  'lost-answer',
  'slow',
];
const CALLS: readonly CallName[] = [
  'create',
  'describe',
  'list',
  'cancel',
  'trigger',
  'execution',
  'executions',
  'media-job',
];

interface Queued {
  fault: Fault;
  left: number;
  /** When a fault with `forMs` stops applying (the emulator's clock). */
  until: number;
}

export class FaultQueue {
  private readonly queue: Queued[] = [];

  constructor(private readonly clock: () => number) {}

  add(fault: Fault): void {
    if (fault.forMs !== undefined) {
      if (fault.times !== undefined) throw new Error('a fault has times or forMs, not both');
      if (!Number.isFinite(fault.forMs) || fault.forMs <= 0)
        throw new Error('fault.forMs must be a positive number');
      this.queue.push({ fault, left: Infinity, until: this.clock() + fault.forMs });
      return;
    }
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('fault.times must be a positive integer');
    this.queue.push({ fault, left: times, until: Infinity });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** The fault for this request, if any; using it counts one of its `times`. */
  take(call: CallName): Fault | undefined {
    const now = this.clock();
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.until <= now) this.queue.splice(i, 1);
    const index = this.queue.findIndex((q) => q.fault.call === undefined || q.fault.call === call);
    if (index < 0) return undefined;
    const queued = this.queue[index]!;
    queued.left -= 1;
    if (queued.left === 0) this.queue.splice(index, 1);
    return queued.fault;
  }
}

/** Checks a fault that arrived as JSON (the admin endpoint). */
export function parseFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new Error('a fault is a JSON object');
  const f = value as Record<string, unknown>;
  if (!KINDS.includes(f.kind as Fault['kind']))
    throw new Error(`fault.kind must be one of ${KINDS.join(', ')}`);
  if (f.call !== undefined && !CALLS.includes(f.call as CallName)) {
    throw new Error(`fault.call must be one of ${CALLS.join(', ')}`);
  }
  if (f.kind === 'status' && (typeof f.status !== 'number' || typeof f.code !== 'string')) {
    throw new Error('a status fault needs a numeric status and a code');
  }
  if (f.kind === 'slow' && !(typeof f.delayMs === 'number' && f.delayMs >= 0)) {
    throw new Error('a slow fault needs a delayMs ≥ 0');
  }
  return f as Fault;
}
