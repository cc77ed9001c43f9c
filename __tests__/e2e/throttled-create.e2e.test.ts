/**
 * No request goes out that the step has no time left to follow (issue 22, item 2): a create that
 * the service throttles with a Retry-After past the step's timeout is not sent again, and the step
 * fails at once naming the throttling, with nothing created and nothing left to watch.
 */
import { describe, expect, it } from '@jest/globals';
import { runStep } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator();

describe('a create throttled past the step timeout', () => {
  it.each([
    ['503 SlowDown', 503, 'SlowDown'],
    ['429', 429, 'TooManyRequests'],
  ])(
    '(%s, Retry-After 60 s, timeout 3s) is not sent again: the step fails at once',
    async (_, status, code) => {
      emulator().addFault({ call: 'create', kind: 'status', status, code, retryAfterSeconds: 60 });
      const before = emulator().requests.length;
      const jobsBefore = emulator().jobs().length;
      const run = await runStep({
        inputs: {
          ...commonInputs(emulator()),
          'workflow-id': WORKFLOW_ID,
          prefix: 'videos/',
          timeout: '3s',
          'poll-interval': '1s',
        },
      });

      expect(run.code).toBe(1);
      expect(run.errors).toEqual([
        expect.stringMatching(
          new RegExp(`^POST /inventorytriggerjob: the CI API answered ${code}.*HTTP ${status}`),
        ),
      ]);
      expect(run.errors[0]).toContain('the API is throttling requests');
      expect(run.warnings).toEqual([
        expect.stringMatching(
          /^Creating the job was throttled .* asks for 1m 00s before another try, more than the step's timeout leaves/,
        ),
      ]);
      expect(
        emulator()
          .requests.slice(before)
          .map((r) => r.call),
      ).toEqual(['create']);
      expect(emulator().jobs().length).toBe(jobsBefore);
      expect(run.outputs['job-id']).toBeUndefined();
      // Nothing for post: to look for: the service said it acted on nothing.
      expect(run.state.phase).toBe('stopped');
    },
    60_000,
  );
});
