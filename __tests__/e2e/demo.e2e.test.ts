/**
 * `npm run demo -- --oidc`, run as a newcomer runs it, its output piped: what the README promises
 * it shows (the renewals of the role's keys), and no terminal escape codes in a pipe.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from '../../test-support/github-runner.js';

describe('npm run demo -- --oidc', () => {
  it('shows the sign-in and the renewals of the keys, with plain headers when its output is not a terminal', async () => {
    const env: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: '' };
    delete env.NO_COLOR;
    delete env.DEMO_DEBUG;
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'demo', '--', '--oidc'], {
      cwd: ROOT,
      env,
      timeout: 90_000,
    });
    expect(stdout).not.toContain('\x1b[');
    expect(stdout).toMatch(/^── step log/m);
    expect(stdout).toMatch(/^Signed in with role \S+ as \S+ \(request id /m);
    expect(stdout.match(/^Renewed the temporary keys of role /gm)?.length).toBeGreaterThanOrEqual(1);
    expect(stdout).toMatch(/^── exit code 0/m);
  });
});
