import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import {
  failOnMessage,
  lostMessage,
  manyOutputs,
  manySummary,
  overallState,
  runsFileLines,
  timeoutMessage,
  type ManyOutcome,
} from '../../src/objects/many-report.js';
import type { FailedRun } from '../../src/objects/runs.js';
import type { WatchedRun } from '../../src/objects/watch.js';

const HOSTILE = 'bad <img src=x onerror=alert(1)> | **bold** `tick` <script>x</script>\n## heading';

/** Keys k0… in the given states ('' : not shown; undefined: not triggered). */
function outcome(states: Array<string | undefined>, extra: Partial<ManyOutcome> = {}): ManyOutcome {
  const keys = states.map((_, i) => `k/${i}.mp4`);
  const runs = new Map<string, WatchedRun>();
  states.forEach((state, i) => {
    if (state === undefined) return;
    runs.set(keys[i]!, {
      object: keys[i]!,
      runId: `i${i}`,
      sentAt: 0,
      state,
      createTime: '2026-11-30T12:00:00+08:00',
    });
  });
  const failed: FailedRun[] = [...runs.values()]
    .filter((run) => run.state === 'Failed' || run.state === 'Cancel')
    .map((run) => ({ ...run, task: 'Transcode_1', code: 'InvalidInput', message: 'no moov atom' }));
  return {
    workflowId: `w${'0'.repeat(32)}`,
    keys,
    input: 'objects',
    runs,
    waited: true,
    failed,
    explained: Math.min(20, failed.length),
    explanation: { missing: 0, causes: [] },
    objectsFile: '/runner/temp/failed.jsonl',
    runsFile: '/runner/temp/runs.jsonl',
    ...extra,
  };
}

describe('the report of a step over many keys', () => {
  it("is Success only when every key's run succeeded; else the worst state, Failed before Cancel", () => {
    expect(overallState(outcome(['Success', 'Success']))).toBe('Success');
    expect(overallState(outcome(['Success', 'Cancel', 'Failed']))).toBe('Failed');
    expect(overallState(outcome(['Cancel', 'Running']))).toBe('Cancel');
    expect(overallState(outcome(['Success', 'Running']))).toBe('Running');
    expect(overallState(outcome(['Success', undefined]))).toBe('');
  });

  it('sets the counts, the first failures with their reasons, and both files', () => {
    const outputs = manyOutputs(outcome(['Success', 'Failed', 'Cancel', 'Success', undefined]));
    expect(outputs).toEqual({
      count: '5',
      state: 'Failed',
      'success-count': '2',
      'failed-count': '2',
      'failed-objects': JSON.stringify([
        {
          object: 'k/1.mp4',
          runId: 'i1',
          state: 'Failed',
          task: 'Transcode_1',
          code: 'InvalidInput',
          message: 'no moov atom',
        },
        {
          object: 'k/2.mp4',
          runId: 'i2',
          state: 'Cancel',
          task: 'Transcode_1',
          code: 'InvalidInput',
          message: 'no moov atom',
        },
      ]),
      'objects-file': '/runner/temp/failed.jsonl',
      'runs-file': '/runner/temp/runs.jsonl',
    });
    expect(manyOutputs(outcome(['Running'], { waited: false }))).toEqual({
      count: '1',
      'runs-file': '/runner/temp/runs.jsonl',
    });
    expect(JSON.parse(manyOutputs(outcome(Array(150).fill('Failed')))['failed-objects']!)).toHaveLength(100);
  });

  it('writes one runs-file line per key, empty for a key not triggered', () => {
    expect(runsFileLines(outcome(['Success', undefined]))).toBe(
      '{"object":"k/0.mp4","runId":"i0","state":"Success"}\n{"object":"k/1.mp4","runId":"","state":""}\n',
    );
  });

  it('sums up counts, a pie of final states and at most 100 failed keys, none of it as markup', async () => {
    const o = outcome([...Array(130).fill('Failed'), 'Success', 'Running', undefined, '<b>Odd</b>']);
    o.failed[0]!.object = `${HOSTILE}.mp4`;
    o.failed[0]!.message = HOSTILE;
    const markdown = manySummary(o, 75_000);
    expect(markdown).toContain('### CI workflow runs on 134 objects');
    expect(markdown).toContain('| `<b>Odd</b>` | 1 |');
    expect(markdown).toContain('| ❌ Failed | 130 |');
    expect(markdown).toContain('| ⏳ Running | 1 |');
    expect(markdown).toContain('| not triggered | 1 |');
    expect(markdown).toContain('| Time | 1m 15s |');
    expect(markdown).toContain('title Runs by final state');
    expect(markdown).toContain('"❌ Failed" : 130');
    expect(markdown).toContain('… and 30 more: every run is in `objects-file`.');
    // With no objects file, the summary does not send the reader to one.
    expect(manySummary({ ...o, objectsFile: '' }, 75_000)).toContain(
      '… and 30 more (the objects file could not be written).',
    );
    const html = await marked.parse(markdown);
    expect(html).not.toMatch(/<(img|script|strong|h2|b)[\s>]/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const failedTable = html.slice(html.indexOf('Failed objects'));
    expect(failedTable.match(/<tr>/g)).toHaveLength(101);
  });

  it('fails naming how many runs ended in a fail-on state and the first keys with their reasons', () => {
    const o = outcome(['Success', 'Failed', 'Cancel', 'Failed', 'Failed']);
    expect(failOnMessage(o, ['Failed', 'Cancel'])).toBe(
      '4 of 5 workflow runs ended Failed or Cancel: ' +
        'k/1.mp4 (Failed in task Transcode_1 with InvalidInput: no moov atom, run i1), ' +
        'k/2.mp4 (Cancel in task Transcode_1 with InvalidInput: no moov atom, run i2), ' +
        'k/3.mp4 (Failed in task Transcode_1 with InvalidInput: no moov atom, run i3) and 1 more. ' +
        'Failed and cancelled runs are listed in /runner/temp/failed.jsonl (output objects-file).',
    );
    expect(failOnMessage(o, [])).toBeUndefined();
    expect(failOnMessage(o, ['Success'])).toBe(
      '1 of 5 workflow runs ended Success: k/0.mp4 (Success, run i0). Failed and cancelled runs are listed in /runner/temp/failed.jsonl (output objects-file).',
    );
  });

  it('keeps a key with a line break on one line of the message', () => {
    const o = outcome(['Failed']);
    o.runs.get('k/0.mp4')!.object = 'a\n::error::b.mp4';
    expect(failOnMessage(o, ['Failed'])).toContain('a ::error::b.mp4 (Failed');
  });

  it('names the runs still running at the timeout, and those that never showed', () => {
    const o = outcome(['Success', 'Running', '']);
    o.runs.get('k/2.mp4')!.lost = true;
    expect(timeoutMessage(o, 3_600_000)).toBe(
      'Timed out after 1h 00m: 1 of 3 workflow runs had not ended; they still run: k/1.mp4 (Running, run i1).',
    );
    expect(lostMessage(o)).toBe(
      '1 workflow run(s) had not shown in the list a minute after their trigger, so what became of them ' +
        'is not known: k/2.mp4 (not shown, run i2).',
    );
  });
});
