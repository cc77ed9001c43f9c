import { describe, expect, it } from '@jest/globals';
import type { JobDetail } from '../../src/ci/types.js';
import { CREATION_MARGIN_MS, whyNotOurs, type SentCreate } from '../../src/job/own-job.js';
import { formatApiTime } from '../../src/time.js';
import { jobDetail } from '../../test-support/fake-ports.js';

const WORKFLOW = 'w' + '1'.repeat(32);
const T0 = Date.UTC(2026, 10, 30, 4, 0, 0);
const sent: SentCreate = {
  request: {
    name: 'nightly',
    workflowId: WORKFLOW,
    input: { kind: 'Prefix', value: 'videos/' },
    timeInterval: { start: '2026-11-29T08:00:00+0800' },
  },
  sentAt: T0,
};

/** The job the create made, as the list call shows it; `overrides` make it another. */
function listed(overrides: Partial<JobDetail> = {}): JobDetail {
  return jobDetail({
    jobId: 'b' + 'd'.repeat(32),
    name: 'nightly',
    creationTime: formatApiTime(new Date(T0 + 1000)),
    input: { Prefix: 'videos/' },
    operation: { workflowIds: WORKFLOW, timeInterval: { start: '2026-11-29T00:00:00Z', end: '-' } },
    ...overrides,
  });
}

describe('whyNotOurs', () => {
  it('takes the job with the input, workflow and window sent (in any offset), created after the create', () => {
    expect(whyNotOurs(listed(), sent, 0)).toBeUndefined();
  });

  it.each<[string, Partial<JobDetail>, RegExp]>([
    ['a JobId of another shape', { jobId: '../../x' }, /its JobId is not b \+ 32 hex/],
    [
      'another input',
      { input: { Prefix: 'other/' } },
      /its input is Prefix 'other\/', not Prefix 'videos\/'/,
    ],
    [
      'two inputs',
      { input: { Prefix: 'videos/', Object: 'a.mp4' } },
      /its input is Prefix 'videos\/' and Object/,
    ],
    [
      'another workflow',
      { operation: { workflowIds: 'w' + '2'.repeat(32) } },
      /its workflow is w2+, not w1+/,
    ],
    ['another window', { operation: { workflowIds: WORKFLOW } }, /its time window is/],
    ['an unreadable creation time', { creationTime: '-' }, /its CreationTime '-' cannot be read/],
    [
      'a creation long before the create',
      { creationTime: formatApiTime(new Date(T0 - 3_600_000)) },
      /before this step sent its create/,
    ],
  ])('refuses %s, saying why', (_case, overrides, why) => {
    expect(whyNotOurs(listed(overrides), sent, 0)).toMatch(why);
  });

  it("allows a creation up to a minute before the send, and judges it on the service's clock", () => {
    const createdAt = (ms: number) => listed({ creationTime: formatApiTime(new Date(ms)) });
    expect(whyNotOurs(createdAt(T0 - CREATION_MARGIN_MS + 1000), sent, 0)).toBeUndefined();
    expect(whyNotOurs(createdAt(T0 - CREATION_MARGIN_MS - 1000), sent, 0)).toBeDefined();
    // The service's clock is ten minutes ahead: a job it dates five minutes after our send is older.
    expect(whyNotOurs(createdAt(T0 + 300_000), sent, 600_000)).toMatch(/before this step sent its create/);
  });
});
