import { describe, expect, it } from '@jest/globals';
import { defaultJobName, JOB_NAME_PATTERN, runUrl, type RunContext } from '../../src/github/run-context.js';

const run: RunContext = {
  repository: 'octo-org/media.site',
  runId: 9876543210,
  runAttempt: 3,
  job: 'transcode',
  serverUrl: 'https://github.com',
};

describe('defaultJobName', () => {
  it('is made of the repository, run id, attempt, job and a random tail, in characters the API accepts', () => {
    const name = defaultJobName(run, () => 'a1b2c3');
    expect(name).toBe('octo-org-media-site-9876543210-3-transcode-a1b2c3');
    expect(name).toMatch(JOB_NAME_PATTERN);
    expect(defaultJobName(run)).toMatch(/^octo-org-media-site-9876543210-3-transcode-[0-9a-f]{6}$/);
  });

  it('differs between matrix jobs, which share the whole run context', () => {
    expect(defaultJobName(run)).not.toBe(defaultJobName(run));
  });

  it('differs between attempts and between jobs of one run', () => {
    const fixed = () => 'a1b2c3';
    const names = new Set([
      defaultJobName(run, fixed),
      defaultJobName({ ...run, runAttempt: 4 }, fixed),
      defaultJobName({ ...run, job: 'thumbnails' }, fixed),
    ]);
    expect(names.size).toBe(3);
  });

  it('shortens a long repository name but keeps the unique tail, within 128 characters', () => {
    const name = defaultJobName({ ...run, repository: `org/${'r'.repeat(300)}` });
    expect(name).toHaveLength(128);
    expect(name).toMatch(/-9876543210-3-transcode-[0-9a-f]{6}$/);
    expect(name).toMatch(JOB_NAME_PATTERN);
  });

  it('still makes a valid name outside a runner', () => {
    const name = defaultJobName({ repository: '', runId: NaN, runAttempt: NaN, job: '', serverUrl: '' });
    expect(name).toMatch(JOB_NAME_PATTERN);
    expect(name).toMatch(/^local-\d+-1-job-[0-9a-f]{6}$/);
  });
});

describe('runUrl', () => {
  it('links the workflow run on the server the runner names, and its attempt after the first', () => {
    const first = { ...run, runAttempt: 1, serverUrl: 'https://github.example.com' };
    expect(runUrl(first)).toBe('https://github.example.com/octo-org/media.site/actions/runs/9876543210');
    expect(runUrl({ ...first, runAttempt: 2 })).toBe(
      'https://github.example.com/octo-org/media.site/actions/runs/9876543210/attempts/2',
    );
  });

  it('is undefined outside a runner', () => {
    expect(runUrl({ ...run, repository: '' })).toBeUndefined();
    expect(runUrl({ ...run, runId: NaN })).toBeUndefined();
  });
});
