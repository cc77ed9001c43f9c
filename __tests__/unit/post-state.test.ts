import { describe, expect, it } from '@jest/globals';
import type { CreateJobRequest } from '../../src/ci/types.js';
import { JobRecord } from '../../src/job/post-state.js';
import { memoryState } from '../../test-support/fake-ports.js';

const T0 = Date.UTC(2026, 10, 30, 4, 0, 0);
const request: CreateJobRequest = {
  name: 'nightly-7',
  workflowId: 'w' + '1'.repeat(32),
  input: { kind: 'Object', value: ' clip.mp4 ' },
};

describe('JobRecord', () => {
  it('saves the create before it goes out, for post: to read back; phase creating only with cancel-on-abort', () => {
    const state = memoryState();
    new JobRecord(state).creating({ request, sentAt: T0 }, true);
    const record = new JobRecord(state);
    expect(record).toMatchObject({ name: 'nightly-7', savedPhase: 'creating' });
    expect(record.sentCreate).toEqual({ request, sentAt: T0 });

    new JobRecord(state).creating({ request, sentAt: T0 }, false);
    expect(new JobRecord(state).savedPhase).toBe('detached');
  });

  it('reads no create from a state it cannot parse', () => {
    const state = memoryState();
    state.save('create', '{"request":');
    expect(new JobRecord(state).sentCreate).toBeUndefined();
  });

  it('keeps the job id, and reads a phase only if it is one this version writes', () => {
    const state = memoryState();
    const record = new JobRecord(state);
    record.job('b' + 'c'.repeat(32));
    record.phase('timed-out');
    expect(new JobRecord(state)).toMatchObject({ jobId: 'b' + 'c'.repeat(32), savedPhase: 'timed-out' });
    state.save('phase', 'finished');
    expect(new JobRecord(state).savedPhase).toBeUndefined();
    expect(new JobRecord(memoryState()).savedPhase).toBeUndefined();
  });

  it('reads no create without a send time or a name', () => {
    const state = memoryState();
    state.save('create', JSON.stringify({ request }));
    expect(new JobRecord(state).sentCreate).toBeUndefined();
    state.save('create', JSON.stringify({ request: { ...request, name: '' }, sentAt: T0 }));
    expect(new JobRecord(state).sentCreate).toBeUndefined();
  });
});
