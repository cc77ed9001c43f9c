import { describe, expect, it } from '@jest/globals';
import { defaultJobName, JOB_NAME_PATTERN } from '../../src/runner/job-name.js';

describe('defaultJobName', () => {
  const env = {
    GITHUB_REPOSITORY: 'octo-org/media.site',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_ATTEMPT: '3',
    GITHUB_ACTION: 'transcode',
  };

  it('is made of the repository, run id, attempt and step, in characters the API accepts', () => {
    const name = defaultJobName(env);
    expect(name).toBe('octo-org-media-site-9876543210-3-transcode');
    expect(name).toMatch(JOB_NAME_PATTERN);
  });

  it('differs between attempts and between steps of one run', () => {
    const names = new Set([
      defaultJobName(env),
      defaultJobName({ ...env, GITHUB_RUN_ATTEMPT: '4' }),
      defaultJobName({ ...env, GITHUB_ACTION: '__octo-org_cos-workflow-trigger_2' }),
    ]);
    expect(names.size).toBe(3);
  });

  it('shortens a long repository name but keeps the unique tail, within 128 characters', () => {
    const name = defaultJobName({ ...env, GITHUB_REPOSITORY: `org/${'r'.repeat(300)}` });
    expect(name).toHaveLength(128);
    expect(name.endsWith('-9876543210-3-transcode')).toBe(true);
    expect(name).toMatch(JOB_NAME_PATTERN);
  });
});
