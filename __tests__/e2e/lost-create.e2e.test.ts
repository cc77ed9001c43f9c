/**
 * A create whose answer is lost is looked up by its name; with a name reused across runs or shared
 * by parallel steps, only the job this step's create made may be taken (issue 13, item 1).
 */
import { describe, expect, it } from '@jest/globals';
import type { Emulator } from '../../emulator/index.js';
import { runStep } from '../../test-support/github-runner.js';
import {
  commonInputs,
  createJobElsewhere,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

function inputs(emulator: Emulator, extra: Record<string, string>) {
  return {
    ...commonInputs(emulator),
    'workflow-id': WORKFLOW_ID,
    'poll-interval': '1s',
    'object-failures': 'ignore',
    ...extra,
  };
}

const named = (emulator: Emulator, name: string) => emulator.jobs().filter((job) => job.name === name);

describe('a lost create with a name reused from an earlier run', () => {
  // The emulator's clock is moved back an hour to make the earlier run's job, then put right.
  let shift = 0;
  const emulator = useEmulator({ now: () => Date.now() + shift });

  it("fails clearly, naming the earlier job, when the create made no job; it never reports that job's Success", async () => {
    shift = -3_600_000;
    const earlier = await createJobElsewhere(emulator(), {
      name: 'hourly-transcode',
      prefix: 'videos/',
      signedAt: Date.now() + shift,
    });
    shift = 0;
    expect(emulator().jobs()[0]).toMatchObject({ id: earlier, state: 'Success' });
    emulator().clearFaults();
    emulator().addFault({ call: 'create', kind: 'html', status: 502 });
    const before = emulator().requests.length;

    const run = await runStep({
      inputs: inputs(emulator(), { prefix: 'videos/', name: 'hourly-transcode' }),
    });

    expect(run.code).toBe(1);
    expect(run.outputs.state).toBeUndefined();
    expect(run.outputs['job-id']).toBeUndefined();
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`job ${earlier} named hourly-transcode exists, but it was created at`);
    expect(run.errors[0]).toContain('before this step sent its create');
    expect(run.errors[0]).toContain('No second job was created');
    const calls = emulator()
      .requests.slice(before)
      .map((request) => request.call);
    expect(calls).toEqual(['create', 'list']);
    expect(named(emulator(), 'hourly-transcode').map((job) => job.id)).toEqual([earlier]);
  });

  it('takes the job its own create made when the answer was lost, not the earlier one', async () => {
    const earlier = named(emulator(), 'hourly-transcode')[0]?.id;
    emulator().clearFaults();
    emulator().addFault({ call: 'create', kind: 'lost-answer' });

    const run = await runStep({
      inputs: inputs(emulator(), { prefix: 'videos/', name: 'hourly-transcode' }),
    });

    const jobs = named(emulator(), 'hourly-transcode');
    expect(jobs).toHaveLength(2);
    const made = jobs.find((job) => job.id !== earlier);
    expect(run.errors).toEqual([]);
    expect(run.outputs['job-id']).toBe(made?.id);
    expect(run.warnings.join('\n')).toContain(`job ${made?.id} named hourly-transcode exists and matches`);
  });
});

describe('parallel steps sharing one name, some of their answers lost', () => {
  const emulator = useEmulator();

  it('each step reports the job of its own prefix, and every job belongs to a step', async () => {
    const prefixes = ['a/', 'b/', 'c/', 'd/', 'e/', 'f/'];
    emulator().addFault({ call: 'create', kind: 'lost-answer', times: 3 });

    const runs = await Promise.all(
      prefixes.map((prefix) =>
        runStep({ inputs: inputs(emulator(), { prefix, name: 'shared-name', wait: 'false' }) }),
      ),
    );

    const jobs = named(emulator(), 'shared-name');
    expect(jobs).toHaveLength(prefixes.length);
    expect(emulator().requests.filter((request) => request.fault === 'lost-answer')).toHaveLength(3);
    runs.forEach((run, i) => {
      expect(run.errors).toEqual([]);
      const job = jobs.find((candidate) => candidate.id === run.outputs['job-id']);
      expect(job?.input).toEqual({ kind: 'Prefix', value: prefixes[i] });
    });
    expect(new Set(runs.map((run) => run.outputs['job-id'])).size).toBe(prefixes.length);
  }, 60_000);
});

describe("a lost create against a service whose clock is an hour behind the runner's", () => {
  const emulator = useEmulator({ clockOffsetMs: -3_600_000 });

  it('judges the job it finds on the clock the client learned, and takes it', async () => {
    // The first create is refused for the skew (it takes one fault); the corrected one loses its answer.
    emulator().addFault({ call: 'create', kind: 'lost-answer', times: 2 });

    const run = await runStep({ inputs: inputs(emulator(), { prefix: 'late/', name: 'skewed-clock' }) });

    const jobs = named(emulator(), 'skewed-clock');
    expect(jobs).toHaveLength(1);
    expect(run.errors).toEqual([]);
    expect(run.warnings.join('\n')).toContain("runner's clock is off by");
    expect(run.outputs['job-id']).toBe(jobs[0]?.id);
    expect(run.outputs.state).toBe('Success');
  });
});
