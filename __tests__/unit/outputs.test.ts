import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as core from '../../__fixtures__/core.js';
import { ACTION_DIRS, OUTPUTS } from '../../src/actions/outputs.js';
import { ROOT } from '../../test-support/github-runner.js';

jest.unstable_mockModule('@actions/core', () => core);
const { githubReporter } = await import('../../src/github/reporter.js');

function declaredOutputs(dir: string): string[] {
  const action = parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')) as { outputs?: object };
  return Object.keys(action.outputs ?? {}).sort();
}

describe('each action’s outputs', () => {
  it.each(Object.entries(ACTION_DIRS))(
    '%s: src/actions/outputs.ts lists exactly what its action.yml declares',
    (action, dir) => {
      expect([...OUTPUTS[action as keyof typeof ACTION_DIRS]].sort()).toEqual(declaredOutputs(dir));
    },
  );

  it('an output name no action declares fails to compile', () => {
    const reporter = githubReporter(OUTPUTS.cancel);
    // @ts-expect-error: 'sate' is no action's output (tsc --noEmit fails if this compiles).
    expect(() => reporter.setOutputs({ sate: 'Cancel' })).toThrow("Output 'sate' is not declared");
  });

  it('a reporter refuses an output its action does not declare', () => {
    const reporter = githubReporter(OUTPUTS.cancel);
    reporter.setOutputs({ state: 'Cancel' });
    expect(core.setOutput).toHaveBeenCalledWith('state', 'Cancel');
    expect(() => reporter.setOutputs({ 'job-id': 'b1' })).toThrow("Output 'job-id' is not declared");
  });
});
