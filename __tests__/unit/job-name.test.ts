import { describe, expect, it } from '@jest/globals';
import { defaultJobName, JOB_NAME_PATTERN } from '../../src/runner/job-name.js';

describe('defaultJobName', () => {
  const env = {
    GITHUB_REPOSITORY: 'octo-org/media.site',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_ATTEMPT: '3',
    GITHUB_ACTION: 'transcode',
  };

  it('is made of the repository, run id, attempt, step and a random tail, in characters the API accepts', () => {
    const name = defaultJobName(env, () => 'a1b2c3');
    expect(name).toBe('octo-org-media-site-9876543210-3-transcode-a1b2c3');
    expect(name).toMatch(JOB_NAME_PATTERN);
    expect(defaultJobName(env)).toMatch(/^octo-org-media-site-9876543210-3-transcode-[0-9a-f]{6}$/);
  });

  it('differs between matrix jobs, which share every variable the runner sets', () => {
    expect(defaultJobName(env)).not.toBe(defaultJobName(env));
  });

  it('differs between attempts and between steps of one run', () => {
    const fixed = () => 'a1b2c3';
    const names = new Set([
      defaultJobName(env, fixed),
      defaultJobName({ ...env, GITHUB_RUN_ATTEMPT: '4' }, fixed),
      defaultJobName({ ...env, GITHUB_ACTION: '__octo-org_cos-workflow-trigger_2' }, fixed),
    ]);
    expect(names.size).toBe(3);
  });

  it('shortens a long repository name but keeps the unique tail, within 128 characters', () => {
    const name = defaultJobName({ ...env, GITHUB_REPOSITORY: `org/${'r'.repeat(300)}` });
    expect(name).toHaveLength(128);
    expect(name).toMatch(/-9876543210-3-transcode-[0-9a-f]{6}$/);
    expect(name).toMatch(JOB_NAME_PATTERN);
  });
});
