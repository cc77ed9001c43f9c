import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import type { FailedObjects } from '../../src/objects/collect.js';
import type { FailedRun } from '../../src/objects/runs.js';
import {
  failedObjectsMessage,
  failedObjectsOutputs,
  objectsSection,
  objectWarnings,
} from '../../src/objects/report.js';

const FILE = '/runner/temp/cos-workflow-trigger-x/failed-objects-b1.jsonl';
const run = (n: number, reason: Partial<FailedRun> = {}): FailedRun => ({
  object: `videos/${n}.mp4`,
  runId: `i${String(n).padStart(32, '0')}`,
  state: 'Failed',
  task: '',
  code: '',
  message: '',
  createTime: '2026-11-30T12:00:00+08:00',
  ...reason,
});

function report(first: FailedRun[], count = first.length, extra: Partial<FailedObjects> = {}): FailedObjects {
  const byState = new Map<string, number>();
  for (const r of first) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
  if (count > first.length) byState.set('Failed', (byState.get('Failed') ?? 0) + count - first.length);
  return {
    label: 'job b1',
    listing: { count, byState, first },
    explained: Math.min(20, first.length),
    explanation: { missing: 0, causes: [] },
    file: FILE,
    ...extra,
  };
}

const HOSTILE =
  'bad <img src=x onerror=alert(1)> | **bold** [link](https://evil.example) `tick`` <script>x</script>\n## heading';

describe('the "Objects" section', () => {
  it('shows task, code and message of each failed object, none of it as markup', async () => {
    const rows = [
      run(1, { task: 'Snapshot_1', code: 'InvalidSnapshot', message: HOSTILE }),
      run(2, { object: '`a|b`<i>.mp4', state: 'Cancel', task: 'Transcode_1' }),
    ];
    const markdown = objectsSection(report(rows));
    expect(markdown).toContain('| Object | Run id | State | Task | Code | Message |');
    expect(markdown).toContain('❌ Failed: 1 · ⏹ Cancel: 1 (every other run ended `Success`)');
    const html = await marked.parse(markdown);
    // One table of two rows, six cells each: no pipe or line break in a value split a row.
    expect(html.match(/<tr>/g)).toHaveLength(3);
    for (const row of html.split('<tr>').slice(2)) expect(row.match(/<td>/g)).toHaveLength(6);
    expect(html).not.toMatch(/<(img|script|strong|a|i|h2)[\s>]/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<code>InvalidSnapshot</code>');
    expect(html).toContain('<code>`a|b`&lt;i&gt;.mp4</code>');
  });

  it('lists 20 rows of 5,000, says the rest are in the file, and why reasons are missing', () => {
    const first = Array.from({ length: 100 }, (_, i) => run(i));
    const markdown = objectsSection(
      report(first, 5000, {
        explanation: {
          missing: 20,
          causes: ['DescribeMediaJob failed: AccessDenied: Access Denied. (HTTP 403, request id r1)'],
        },
      }),
    );
    expect(markdown.split('\n').filter((line) => line.startsWith('| `videos/'))).toHaveLength(20);
    expect(markdown).toContain('❌ Failed: 5000');
    expect(markdown).toContain('… and 4980 more: every run is in `objects-file`.');
    expect(markdown).toContain(
      'Reasons are missing for 20 of the 20 runs looked up: `DescribeMediaJob failed: AccessDenied: Access Denied. (HTTP 403, request id r1)`.',
    );
    expect(markdown.match(/Reasons are missing/g)).toHaveLength(1);
  });

  it('says when the list stopped early, and that counts are lower bounds', () => {
    const markdown = objectsSection(
      report([run(1)], 300, {
        listing: {
          count: 300,
          byState: new Map([['Failed', 300]]),
          first: [run(1)],
          incomplete: 'the timeout passed',
        },
      }),
    );
    expect(markdown).toContain('❌ Failed: 300 or more');
    expect(markdown).toContain(
      'The list stopped early (the timeout passed): at least 300 runs did not succeed.',
    );
  });
});

describe('annotations and the failure message', () => {
  const first = Array.from({ length: 100 }, (_, i) =>
    run(i, { task: 'Transcode_1', code: 'InvalidInput', message: `bad input ${i}\n::error::x` }),
  );

  it('with warn: nine objects with their reasons, then one with the count and the file', () => {
    const warnings = objectWarnings(report(first, 5000));
    expect(warnings).toHaveLength(10);
    expect(warnings[0]).toBe(
      `Object videos/0.mp4: workflow run ${first[0]!.runId} ended Failed in task Transcode_1 with InvalidInput: bad input 0 ::error::x`,
    );
    expect(warnings[9]).toContain('5000 object(s) of job b1 failed processing');
    expect(warnings[9]).toContain(FILE);
    expect(warnings[9]).toContain('4991 of them are not annotated here.');
    expect(objectWarnings(report(first.slice(0, 2)))).toHaveLength(3);
  });

  it('with fail: names the first three objects with their reasons, and the file', () => {
    const message = failedObjectsMessage(report(first, 5000));
    expect(message).toMatch(
      /^5000 object\(s\) of job b1 failed processing: videos\/0\.mp4 \(Failed in task Transcode_1 with InvalidInput: bad input 0 ::error::x, run i0+\), videos\/1\.mp4 .*, videos\/2\.mp4 .* and 4997 more\. /,
    );
    expect(message).not.toContain('videos/3.mp4');
    expect(message).toContain(FILE);
    expect(failedObjectsMessage(report([run(7)]))).toContain(`videos/7.mp4 (Failed, run ${run(7).runId})`);
  });

  it('outputs the count, the first runs with their reasons, and the file', () => {
    const outputs = failedObjectsOutputs(report(first, 5000));
    expect(outputs['failed-count']).toBe('5000');
    expect(outputs['objects-file']).toBe(FILE);
    const entries = JSON.parse(outputs['failed-objects']!) as unknown[];
    expect(entries).toHaveLength(100);
    expect(entries[0]).toEqual({
      object: 'videos/0.mp4',
      runId: first[0]!.runId,
      state: 'Failed',
      task: 'Transcode_1',
      code: 'InvalidInput',
      message: 'bad input 0\n::error::x',
    });
  });
});
