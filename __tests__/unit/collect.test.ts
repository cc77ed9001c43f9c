import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ListExecutionsQuery, WorkflowExecution } from '../../src/ci/types.js';
import { collectFailedObjects, EXPLAINED_RUNS } from '../../src/objects/collect.js';
import { openRunnerFile } from '../../src/github/runner-files.js';
import { scriptedClient } from '../../test-support/fake-ports.js';

const JOB = 'b' + 'c'.repeat(32);
const hex = (n: number) => n.toString(16).padStart(32, '0');
const run = (n: number): WorkflowExecution => ({
  runId: `i${hex(n)}`,
  workflowId: 'w1',
  name: 'transcode',
  object: `videos/${n}.mp4`,
  state: n % 2 ? 'Failed' : 'Cancel',
  createTime: '2026-11-30T12:00:00+0800',
});

/** 30 failed or cancelled runs on two pages; every run failed in Transcode_1 on InvalidInput. */
function service() {
  const queries: ListExecutionsQuery[] = [];
  const client = scriptedClient({
    listExecutions: async (query: ListExecutionsQuery) => {
      queries.push(query);
      const [from, to, next] = query.nextToken ? [25, 30, ''] : [0, 25, 'page-2'];
      return {
        value: { executions: Array.from({ length: to - from }, (_, i) => run(from + i)), nextToken: next },
        requestId: 'r',
      };
    },
    describeExecution: async (runId: string) => ({
      value: {
        ...run(0),
        runId,
        tasks: [
          {
            type: 'Transcode',
            name: 'Transcode_1',
            state: 'Failed',
            jobId: `j${runId.slice(1)}`,
            createTime: '',
            endTime: '',
          },
        ],
      },
      requestId: 'r',
    }),
    describeMediaJob: async (jobId: string) => ({
      value: {
        jobId,
        tag: 'Transcode',
        state: 'Failed',
        code: 'InvalidInput',
        message: 'no moov atom',
        creationTime: '',
        endTime: '',
      },
      requestId: 'r',
    }),
  });
  return { client, queries };
}

describe('collectFailedObjects', () => {
  it('lists every failed or cancelled run of the source into the objects file, the first ones with their reasons', async () => {
    const { client, queries } = service();
    const file = await openRunnerFile('collect', 'jsonl', 'objects-file', (warning) => {
      throw new Error(warning);
    });
    const { path } = file;
    const logged: string[] = [];
    const report = await collectFailedObjects(
      client,
      { label: `job ${JOB}`, query: { jobId: JOB, workflowId: 'w1' } },
      {
        file,
        now: () => 0,
        log: (message) => logged.push(message),
      },
    );
    expect(queries.map((query) => query.nextToken || 'first')).toEqual(['first', 'page-2']);
    expect(queries[0]).toMatchObject({
      jobId: JOB,
      workflowId: 'w1',
      states: ['Failed', 'Cancel'],
      size: 100,
    });
    expect(report).toMatchObject({ label: `job ${JOB}`, file: path, explained: EXPLAINED_RUNS });
    expect(report.listing.count).toBe(30);
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(30);
    expect(lines.filter((line) => line.code === 'InvalidInput')).toHaveLength(EXPLAINED_RUNS);
    expect(lines[0]).toMatchObject({ object: 'videos/0.mp4', task: 'Transcode_1', message: 'no moov atom' });
    expect(lines[EXPLAINED_RUNS]).toMatchObject({ object: `videos/${EXPLAINED_RUNS}.mp4`, code: '' });
    expect(logged).toEqual([]);
  });
});
