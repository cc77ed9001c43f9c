import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { OUTPUTS, type ActionName } from '../../src/actions/outputs.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const USES = /^OWNER\/cos-workflow-trigger(?:\/([a-z-]+))?@v1$/;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** Every ```yaml block of the README that is a workflow, with the steps that use this action. */
function exampleSteps(): Array<{ example: number; action: string; inputs: string[] }> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string);
  const found: Array<{ example: number; action: string; inputs: string[] }> = [];
  blocks.forEach((block, example) => {
    const workflow = parse(block) as { jobs?: Record<string, { steps?: Step[] }> };
    for (const job of Object.values(workflow.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        const match = USES.exec(step.uses ?? '');
        if (match) found.push({ example, action: match[1] ?? '.', inputs: Object.keys(step.with ?? {}) });
      }
    }
  });
  return found;
}

function declaredInputs(action: string): { all: string[]; required: string[] } {
  const yml = parse(readFileSync(join(ROOT, action, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean }>;
  };
  return {
    all: Object.keys(yml.inputs),
    required: Object.entries(yml.inputs)
      .filter(([, spec]) => spec.required)
      .map(([name]) => name),
  };
}

describe('README examples', () => {
  const steps = exampleSteps();

  it('show every step of the action', () => {
    expect(new Set(steps.map((step) => step.action))).toEqual(
      new Set(['.', 'wait', 'cancel', 'list', 'trigger-workflow']),
    );
  });

  it.each(steps.map((step) => [`example ${step.example + 1} (${step.action})`, step] as const))(
    '%s uses only inputs that exist, and every required one',
    (_name, step) => {
      const { all, required } = declaredInputs(step.action);
      expect(step.inputs.filter((input) => !all.includes(input))).toEqual([]);
      expect(required.filter((input) => !step.inputs.includes(input))).toEqual([]);
    },
  );
});

/** The README's section under the heading that starts with `heading`, to the next heading of its level. */
function readmeSection(heading: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`no README section ## ${heading}`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("the README's sections on each action", () => {
  it.each<[Exclude<ActionName, 'post'>, string]>([
    ['create', 'The main step'],
    ['wait', 'Wait for an existing job'],
    ['cancel', 'Cancel a job'],
    ['list', 'List jobs'],
    ['trigger-workflow', 'Run a workflow on one object'],
  ])('%s: name every output its action.yml declares', (action, heading) => {
    const section = readmeSection(heading);
    const missing = OUTPUTS[action].filter((output) => !section.includes(`\`${output}\``));
    expect(missing).toEqual([]);
  });
});
