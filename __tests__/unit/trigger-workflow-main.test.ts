/** trigger-workflow/ (triggerWorkflow) through its ports, its outputs held to those it declares. */
import { describe, expect, it } from '@jest/globals';
import { OUTPUTS } from '../../src/actions/outputs.js';
import type { TriggerSettings } from '../../src/actions/trigger-workflow/settings.js';
import { triggerWorkflow } from '../../src/actions/trigger-workflow/main.js';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import type { WorkflowExecution } from '../../src/ci/types.js';
import { StepFailure } from '../../src/job/ports.js';
import { COMMON_SETTINGS, scriptedClient, stepDeps } from '../../test-support/fake-ports.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const RUN = 'i' + '7'.repeat(32);
const settings: TriggerSettings = {
  ...COMMON_SETTINGS,
  workflowId: 'w' + '1'.repeat(32),
  object: 'videos/a.mp4',
  wait: true,
  pollIntervalMs: 1000,
  timeoutMs: 60_000,
  failOn: ['Failed', 'Cancel'],
};
const execution = (state: string): WorkflowExecution => ({
  runId: RUN,
  workflowId: settings.workflowId,
  name: 'transcode',
  object: settings.object,
  state,
  createTime: '2026-11-30T12:00:00+0800',
});

/** The trigger answers `trigger`; each describe answers the next state, the last one for ever after. */
function service(trigger: () => Promise<unknown>, states: string[]) {
  const calls = { trigger: 0, describe: 0 };
  const client = scriptedClient({
    triggerWorkflow: async () => {
      calls.trigger++;
      return trigger();
    },
    describeExecution: async () => {
      const state = states[Math.min(calls.describe++, states.length - 1)]!;
      return { value: execution(state), requestId: 'r-describe' };
    },
  });
  const clock = fakeClock();
  const deps = {
    ...stepDeps(client, clock, undefined, OUTPUTS['trigger-workflow']),
    deadline: clock.now() + 60_000,
  };
  return { deps, calls };
}
const started = async () => ({ value: RUN, requestId: 'r-trigger' });

describe('trigger-workflow/ (triggerWorkflow)', () => {
  it('starts one run, waits for it to end, and reports it in its outputs and summary', async () => {
    const { deps, calls } = service(started, ['Running', 'Running', 'Success']);
    await triggerWorkflow(settings, deps);
    expect(deps.outputs).toMatchObject({ 'instance-id': RUN, 'request-id': 'r-trigger', state: 'Success' });
    expect(JSON.parse(deps.outputs.execution ?? '')).toMatchObject({ RunId: RUN, State: 'Success' });
    expect(calls).toEqual({ trigger: 1, describe: 3 });
    expect(deps.summaries).toHaveLength(1);
    expect(deps.summaries[0]).toContain(`### CI workflow run \`${RUN}\``);
  });

  it('fails on a fail-on state, after its outputs and summary', async () => {
    const { deps } = service(started, ['Failed']);
    await expect(triggerWorkflow(settings, deps)).rejects.toThrow(
      `Workflow run ${RUN} on videos/a.mp4 ended Failed`,
    );
    expect(deps.outputs.state).toBe('Failed');
    expect(deps.summaries).toHaveLength(1);
  });

  it('does not wait with wait: false, and reports the state the run is in', async () => {
    const { deps, calls } = service(started, ['Running']);
    await triggerWorkflow({ ...settings, wait: false }, deps);
    expect(deps.outputs.state).toBe('Running');
    expect(calls.describe).toBe(1);
  });

  it("times out at the step's deadline, saying the run still runs", async () => {
    const { deps } = service(started, ['Running']);
    await expect(triggerWorkflow(settings, deps)).rejects.toThrow(
      /timed out after 1m 00s; it still runs \(state Running\)/,
    );
    expect(deps.outputs.state).toBe('Running');
  });

  it('does not send the trigger again after a failure that may have started the run', async () => {
    const { deps, calls } = service(async () => {
      throw new TransportError('POST /triggerworkflow: connection failed (ECONNRESET)', 'reset');
    }, ['Running']);
    const error = await triggerWorkflow(settings, deps).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StepFailure);
    expect((error as Error).message).toContain('The trigger was not sent again');
    expect(calls).toEqual({ trigger: 1, describe: 0 });
    expect(deps.outputs).toEqual({});
  });

  it('passes on a refusal as it is: no run was started', async () => {
    const refusal = new ApiError(400, 'InvalidArgument', 'workflow not found', 'r-1');
    const { deps } = service(async () => {
      throw refusal;
    }, ['Running']);
    await expect(triggerWorkflow(settings, deps)).rejects.toBe(refusal);
  });
});
