/**
 * .github/workflows/contract.yml: runs by hand and weekly, reads nothing but contents, skips
 * cleanly without the secrets, and hands the keys to the recording step alone.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../test-support/github-runner.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
const text = readFileSync(join(ROOT, '.github/workflows/contract.yml'), 'utf8');
const workflow = parse(text) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: { record: { env?: unknown; steps: Step[] } };
};
const steps = workflow.jobs.record.steps;
const NAMES = ['SECRET_ID', 'SECRET_KEY', 'BUCKET', 'REGION', 'WORKFLOW_ID', 'OBJECT'].map(
  (n) => `CONTRACT_${n}`,
);

/** The first step's script under bash, with `HAS_*` as GitHub would set them: its outputs and notices. */
function check(present: string[]) {
  const output = join(mkdtempSync(join(tmpdir(), 'contract-yml-')), 'output');
  const env = Object.fromEntries(NAMES.map((name) => [`HAS_${name}`, String(present.includes(name))]));
  const run = spawnSync('bash', ['-e', '-c', steps[0]!.run!], {
    env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output, ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, output: readFileSync(output, 'utf8') };
}

describe('the contract workflow', () => {
  it('runs by hand and on a weekly schedule, with read-only contents', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \d$/) }]);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('ends green with a notice, and records nothing, when a secret is missing', () => {
    const none = check([]);
    expect([none.status, none.output]).toEqual([0, 'present=false\n']);
    expect(none.stdout).toMatch(/^::notice::No contract recorded: .*CONTRACT_SECRET_ID.*CONTRACT_OBJECT/);
    const one = check(NAMES.filter((name) => name !== 'CONTRACT_WORKFLOW_ID'));
    expect(one.output).toBe('present=false\n');
    expect(one.stdout).toContain('secret(s) CONTRACT_WORKFLOW_ID (');
    expect(check(NAMES).output).toBe('present=true\n');
    for (const step of steps.slice(1))
      expect([step.name ?? step.uses ?? step.run, step.if]).toEqual([
        step.name ?? step.uses ?? step.run,
        expect.stringContaining("steps.secrets.outputs.present == 'true'"),
      ]);
  });

  it('hands the keys to the step that records and to no other, and keeps the new set as an artifact', () => {
    expect(workflow.jobs.record.env).toBeUndefined();
    const withSecrets = steps.filter((step) => JSON.stringify(step).includes('${{ secrets.'));
    expect(withSecrets.map((step) => step.id ?? step.name)).toEqual([
      'secrets',
      'Record (into __fixtures__/recorded/<date>/)',
    ]);
    // The check sees whether each is set, never its value.
    expect(
      Object.values(steps[0]!.env!).every((value) => /^\$\{\{ secrets\.\w+ != '' \}\}$/.test(value)),
    ).toBe(true);
    expect(steps.find((step) => step.run === 'npm run contract')?.env).toMatchObject(
      Object.fromEntries(NAMES.map((name) => [name, `\${{ secrets.${name} }}`])),
    );
    expect(steps.at(-1)).toMatchObject({ uses: expect.stringMatching(/^actions\/upload-artifact@/) });
  });
});
