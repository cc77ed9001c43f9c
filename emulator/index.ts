/** A loopback emulator of the CI batch-trigger API, strict like the real service. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { AcceptedKey } from './auth.js';
import { ExecutionStore } from './executions.js';
import { FaultQueue } from './faults.js';
import { answerForms, type AnswerForms } from './forms.js';
import { startIdentityEnd, type IdentityEnd } from './identity-server.js';
import { JobStore } from './jobs.js';
import { Pager } from './paging.js';
import { SharedRateLimit } from './rate-limit.js';
import { createEmulatorServer } from './server.js';
import { checkNodes, DEFAULT_NODES } from './tasks.js';
import type { CallName, Emulator, EmulatorOptions, JobSchedule, RequestRecord } from './types.js';

export type {
  CallName,
  CreateRequest,
  EmulatedExecution,
  EmulatedJob,
  Emulator,
  EmulatorOptions,
  Fault,
  FinalState,
  InputKind,
  JobRequestView,
  JobSchedule,
  JobStateName,
  ObjectRange,
  ObjectRun,
  RateLimit,
  RequestRecord,
  RunStateName,
  TaskFailure,
  TaskNode,
} from './types.js';
export type {
  IdentityEmulator,
  IdentityOptions,
  IdentityRecord,
  IssuedKeys,
  IdentityFault,
} from './identity-types.js';
export { ANSWER_VARIANTS } from './forms.js';
export type { AnswerForms, AnswersOption, AnswerVariant } from './forms.js';

export const DEFAULT_SCHEDULE: JobSchedule = { queuedMs: 200, runningMs: 800, final: 'Success' };

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const now = options.now ?? Date.now;
  const clock = (): number => now() + (options.clockOffsetMs ?? 0);
  let schedule = options.schedule ?? DEFAULT_SCHEDULE;
  let denied: readonly CallName[] = options.denied ?? [];
  let forms: AnswerForms = answerForms(options.answers);
  checkNodes(options.workflowNodes ?? DEFAULT_NODES);
  const jobs = new JobStore();
  const runs = new ExecutionStore();
  const faults = new FaultQueue(clock);
  const rateLimit = new SharedRateLimit(options.rateLimit);
  const requests: RequestRecord[] = [];
  const { secretId, secretKey, sessionToken } = options;
  const own: AcceptedKey =
    sessionToken === undefined ? { secretId, secretKey } : { secretId, secretKey, sessionToken };
  const identity: IdentityEnd | undefined = options.identity
    ? await startIdentityEnd(options.identity, clock)
    : undefined;
  const keys = (id: string): AcceptedKey | undefined => {
    if (id === secretId) return own;
    const issued = identity?.keys.find(id);
    return issued && { ...issued, sessionToken: issued.token, expiresAtMs: issued.expiredTime * 1000 };
  };

  const emulator: Emulator = {
    url: '',
    jobs: () => jobs.all().map((job) => jobs.view(job, clock())),
    executions: () => runs.visible(clock()).map((run) => runs.view(run, clock())),
    requests,
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setSchedule: (s) => {
      schedule = s;
    },
    setDenied: (calls) => {
      denied = [...calls];
    },
    setAnswers: (answers) => {
      forms = answerForms(answers);
    },
    setRateLimit: (limit) => rateLimit.set(limit),
    close: async () => {},
    ...(identity ? { identity } : {}),
  };
  const server = createEmulatorServer({
    jobs,
    runs,
    pager: new Pager(),
    options,
    schedule: () => schedule,
    denied: () => denied,
    forms: () => forms,
    clock,
    keys,
    faults,
    rateLimit,
    requests,
    admin: emulator,
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  emulator.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  const closeServer = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Hanging answers and idle keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
    });
  emulator.close = () => (closing ??= Promise.all([closeServer(), identity?.close()]).then(() => undefined));
  return emulator;
}
