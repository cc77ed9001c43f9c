import { describe, expect, it, jest } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('each action’s outputs', () => {
  it.each(Object.entries(ACTION_DIRS))(
    '%s: src/actions/outputs.ts lists exactly what its action.yml declares',
    (action, dir) => {
      expect([...OUTPUTS[action as keyof typeof ACTION_DIRS]].sort()).toEqual(declaredOutputs(dir));
    },
  );

  it('every output name the code sets by name is declared by some action', () => {
    const declared = new Set(Object.values(OUTPUTS).flat());
    const set = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/setOutput\(\s*'([^']+)'/g)].map((match) => match[1] as string),
    );
    expect(set.length).toBeGreaterThan(10);
    expect(set.filter((name) => !declared.has(name as never))).toEqual([]);
  });

  it('a reporter refuses an output its action does not declare', () => {
    const reporter = githubReporter(OUTPUTS.cancel);
    reporter.setOutput('state', 'Cancel');
    expect(core.setOutput).toHaveBeenCalledWith('state', 'Cancel');
    expect(() => reporter.setOutput('job-id', 'b1')).toThrow("Output 'job-id' is not declared");
  });
});
