import { describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../__fixtures__/core.js';
import type { ListJobsQuery } from '../../src/ci/types.js';
import { jobDetail, scriptedClient, stepDeps } from '../../test-support/fake-ports.js';
import { fakeClock } from '../../test-support/fake-clock.js';

jest.unstable_mockModule('@actions/core', () => core);
const { listJobs } = await import('../../src/actions/list/main.js');
type ListSettings = Parameters<typeof listJobs>[0];

const settings = { states: [], order: 'Desc', limit: 1000 } as unknown as ListSettings;

describe('list/ with one enormous page', () => {
  it('takes up to limit from a page of 200,000 jobs without spreading it onto the stack', async () => {
    process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'list-'));
    const page = Array.from({ length: 200_000 }, (_, i) =>
      jobDetail({ jobId: 'b' + i.toString(16).padStart(32, '0'), name: `job-${i}` }),
    );
    const queries: ListJobsQuery[] = [];
    const client = scriptedClient({
      listJobs: async (query: ListJobsQuery) => {
        queries.push(query);
        return { value: { jobs: page, nextToken: 'more' }, requestId: 'r' };
      },
    });
    const deps = stepDeps(client, fakeClock());

    await listJobs(settings, deps);

    expect(queries).toHaveLength(1);
    expect(deps.outputs.count).toBe('1000');
    const file = JSON.parse(readFileSync(deps.outputs['jobs-file'] ?? '', 'utf8')) as unknown[];
    expect(file).toHaveLength(1000);
    expect(deps.summaries[0]?.split('\n').filter((line) => line.startsWith('| `b'))).toHaveLength(100);
  });
});
