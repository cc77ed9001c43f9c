/**
 * The main step (createAndWait) through its ports: a scripted client, a recording reporter that
 * refuses outputs the action does not declare (as the real one does), and a state store.
 */
import { describe, expect, it } from '@jest/globals';
import { OUTPUTS } from '../../src/actions/outputs.js';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import type { CreateJobRequest } from '../../src/ci/types.js';
import { createAndWait, type CreateSettings } from '../../src/job/create.js';
import { JobRecord } from '../../src/job/post-state.js';
import { jobDetail, scriptedClient, stepDeps, WAITING_SETTINGS } from '../../test-support/fake-ports.js';
import { AbortedError } from '../../src/waiting/sleep.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const JOB = 'b' + 'c'.repeat(32);
const createSettings: CreateSettings = {
  ...WAITING_SETTINGS,
  workflowId: 'w' + '1'.repeat(32),
  input: { kind: 'Prefix', value: 'videos/' },
  window: {},
  name: 'nightly',
  wait: false,
  dryRun: false,
  endpoint: new URL('https://x.example.com'),
};

function createDeps(
  createJob: (request: CreateJobRequest) => Promise<unknown>,
  extra = {},
  signal?: AbortSignal,
) {
  // As the client does: `onSend` is told as the request goes out.
  const send = async (request: CreateJobRequest, onSend?: () => void) => (onSend?.(), createJob(request));
  const deps = stepDeps(scriptedClient({ createJob: send, ...extra }), fakeClock(), signal, OUTPUTS.create);
  return { ...deps, printBlock: () => undefined };
}

describe('the main step (createAndWait)', () => {
  it('reports the job it created, with wait: false, and leaves it to run (phase detached)', async () => {
    const deps = createDeps(async () => ({
      value: jobDetail({ jobId: JOB, state: 'Submitted' }),
      requestId: 'req-1',
    }));
    await createAndWait(createSettings, deps);
    expect(deps.outputs).toMatchObject({
      'job-id': JOB,
      name: 'nightly',
      'request-id': 'req-1',
      state: 'Submitted',
    });
    const record = new JobRecord(deps.state);
    expect(record.jobId).toBe(JOB);
    expect(record.savedPhase).toBe('detached');
    expect(deps.summaries).toHaveLength(1);
  });

  it('a create the service refused leaves post: nothing to look for (phase stopped, no job id)', async () => {
    const deps = createDeps(async () => {
      throw new ApiError(
        400,
        'InvalidArgument',
        'bad workflow',
        'req-2',
        undefined,
        undefined,
        'POST /inventorytriggerjob',
      );
    });
    await expect(createAndWait(createSettings, deps)).rejects.toThrow('InvalidArgument');
    const record = new JobRecord(deps.state);
    expect(record.savedPhase).toBe('stopped');
    expect(record.jobId).toBe('');
  });

  it('a cancel before the create went out (signing in) says so, and leaves post: nothing to look for', async () => {
    const cancel = new AbortController();
    const signingIn = () =>
      new Promise<never>((_resolve, reject) =>
        cancel.signal.addEventListener('abort', () => reject(new AbortedError())),
      );
    const client = scriptedClient({ createJob: signingIn });
    const deps = {
      ...stepDeps(client, fakeClock(), cancel.signal, OUTPUTS.create),
      printBlock: () => undefined,
    };
    const pending = createAndWait(createSettings, deps);
    cancel.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(deps.infos).toEqual([
      'The workflow run was cancelled before the create of job nightly was sent: none is sent, so no job is made.',
    ]);
    expect(deps.warnings).toEqual([]);
    expect(new JobRecord(deps.state).savedPhase).toBe('stopped');
  });

  it('a cancel while the create is out says it is in flight, and post: looks for its job', async () => {
    const cancel = new AbortController();
    const deps = createDeps(
      () =>
        new Promise<never>((_resolve, reject) =>
          cancel.signal.addEventListener('abort', () => reject(new TransportError('aborted', 'aborted'))),
        ),
      {},
      cancel.signal,
    );
    const pending = createAndWait(createSettings, deps);
    await Promise.resolve();
    cancel.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(deps.infos).toEqual([expect.stringMatching(/^The create of job nightly is in flight/)]);
    expect(new JobRecord(deps.state).savedPhase).toBe('creating');
  });

  it('a create that may have reached the service stays `creating`, timed from its last attempt', async () => {
    let attempts = 0;
    const deps = createDeps(
      async () => {
        attempts++;
        throw new TransportError('POST /inventorytriggerjob: connection reset', 'reset');
      },
      { listJobs: async () => ({ value: { jobs: [], nextToken: '' }, requestId: 'r' }) },
    );
    await expect(createAndWait({ ...createSettings, wait: true }, deps)).rejects.toThrow('connection reset');
    const record = new JobRecord(deps.state);
    expect(attempts).toBeGreaterThan(1);
    expect(record.savedPhase).toBe('creating');
    const sent = record.sentCreate;
    expect(sent?.lastSentAt).toBeGreaterThan(sent?.sentAt ?? Infinity);
  });
});
