/**
 * The workflow files and the five action.yml files, checked against GitHub's own schemas (from
 * `@actions/workflow-parser`, the parser of GitHub's Actions language service), so that a
 * misspelled key fails here instead of on GitHub. Then what no schema knows: that the steps of
 * the workflows use this repository's actions with inputs and outputs those actions declare.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ACTION_DIRS = ['.', 'wait', 'cancel', 'list', 'trigger-workflow'];
const WORKFLOWS = readdirSync(join(ROOT, '.github/workflows'))
  .filter((file) => /\.ya?ml$/.test(file))
  .sort()
  .map((file) => `.github/workflows/${file}`);

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The schema errors of a workflow, as GitHub words them (`file (Line: n, Col: m): …`). */
function workflowErrors(content: string, name = 'workflow.yml'): string[] {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}

/** The schema errors of an action metadata file. */
function actionErrors(content: string, name = 'action.yml'): string[] {
  const result = parseAction({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}

/** The keys GitHub reads in an input; the schema lets any other pass, which hides a misspelled `default`. */
const INPUT_KEYS = ['description', 'required', 'default', 'deprecationMessage'];

/** An action.yml's inputs and outputs: known keys only, and a description each. */
function inputProblems(content: string): string[] {
  const { inputs = {}, outputs = {} } = parse(content) as ActionYml;
  const problems: string[] = [];
  for (const [kind, entries] of [
    ['input', inputs],
    ['output', outputs],
  ] as const) {
    for (const [name, spec] of Object.entries(entries as Record<string, Record<string, unknown> | null>)) {
      const keys = Object.keys(spec ?? {});
      if (kind === 'input') {
        for (const key of keys.filter((k) => !INPUT_KEYS.includes(k))) {
          problems.push(`input '${name}': unknown key '${key}'`);
        }
      }
      if (typeof spec?.description !== 'string' || !spec.description.trim()) {
        problems.push(`${kind} '${name}': no description`);
      }
    }
  }
  return problems;
}

interface ActionYml {
  inputs?: Record<string, { required?: boolean; default?: string }>;
  outputs?: Record<string, unknown>;
  runs: { using: string; main?: string; pre?: string; post?: string };
}

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  jobs: Record<string, { steps?: Step[] }>;
}

const actionYml = (dir: string): ActionYml => parse(read(join(dir, 'action.yml'))) as ActionYml;

/**
 * What no schema checks in a workflow: every `uses: ./dir` is one of this repository's actions,
 * given only inputs it declares and every input it requires, and every
 * `steps.<id>.outputs.<name>` names an earlier step of the job and an output its action declares.
 */
function localActionProblems(content: string): string[] {
  const problems: string[] = [];
  const workflow = parse(content) as Workflow;
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const seen = new Map<string, ActionYml | undefined>();
    for (const [index, step] of (job.steps ?? []).entries()) {
      const where = `jobs.${jobId}.steps[${index}]${step.id ? ` (${step.id})` : ''}`;
      const text = JSON.stringify(step);
      for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (!seen.has(id as string)) {
          problems.push(`${where}: steps.${id} is not an earlier step of job ${jobId}`);
          continue;
        }
        const action = seen.get(id as string);
        const declared = action?.outputs ?? {};
        if (action && !Object.hasOwn(declared, output as string)) {
          problems.push(`${where}: step ${id} has no output '${output}'`);
        }
      }

      let action: ActionYml | undefined;
      if (step.uses?.startsWith('./')) {
        const dir = step.uses.replace(/\/+$/, '');
        if (!existsSync(join(ROOT, dir, 'action.yml'))) {
          problems.push(`${where}: uses ${step.uses}, which has no action.yml`);
        } else {
          action = actionYml(dir);
          const declared = action.inputs ?? {};
          for (const name of Object.keys(step.with ?? {})) {
            if (!Object.hasOwn(declared, name))
              problems.push(`${where}: input '${name}' is not in ${dir}/action.yml`);
          }
          for (const [name, spec] of Object.entries(declared)) {
            if (spec.required && spec.default === undefined && !Object.hasOwn(step.with ?? {}, name)) {
              problems.push(`${where}: required input '${name}' of ${dir}/action.yml is not given`);
            }
          }
        }
      }
      if (step.id) seen.set(step.id, action);
    }
  }
  return problems;
}

describe('the validator bites', () => {
  it('on a misspelled key in an action.yml', () => {
    const errors = actionErrors(
      'name: x\ndescription: y\nruns: { using: node24, mian: x }\n',
      'broken/action.yml',
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("Unexpected value 'mian'")]));
  });

  it('on a misspelled top-level key of an action.yml', () => {
    const errors = actionErrors('name: x\ndescripton: y\nruns:\n  using: node24\n  main: a.js\n');
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("'descripton'")]));
  });

  it('on a misspelled key of an input (GitHub tolerates those: a rule of this repository)', () => {
    const content =
      'name: x\ndescription: y\ninputs:\n  bucket:\n    description: z\n    defualt: a\nruns:\n  using: node24\n  main: a.js\n';
    expect(actionErrors(content)).toEqual([]);
    expect(inputProblems(content)).toEqual(["input 'bucket': unknown key 'defualt'"]);
  });

  it('on an unknown runtime', () => {
    const errors = actionErrors('name: x\ndescription: y\nruns:\n  using: node99\n  main: a.js\n');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('on a misspelled event of a workflow', () => {
    const errors = workflowErrors(
      'on: { psuh: {} }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("Unexpected value 'psuh'")]));
  });

  it('on a misspelled key of a step', () => {
    const errors = workflowErrors(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        wiht:\n          bucket: b\n',
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("'wiht'")]));
  });

  it('on a misspelled permission', () => {
    const errors = workflowErrors(
      'on: push\npermissions:\n  content: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("'content'")]));
  });

  it('and accepts a well-formed workflow and action', () => {
    expect(
      workflowErrors('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n'),
    ).toEqual([]);
    expect(actionErrors('name: x\ndescription: y\nruns:\n  using: node24\n  main: a.js\n')).toEqual([]);
  });

  it('on an input or an output that the local action does not declare', () => {
    const problems = localActionProblems(
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - id: main',
        '        uses: ./',
        '        with: { bucket: b, workflow-id: w, prefix: p, wait-for: true }',
        '      - uses: ./wait',
        '        with: { bucket: b, job-id: "${{ steps.main.outputs.jobid }}" }',
        '      - uses: ./cancle',
        '      - uses: ./list',
        '        with: { bucket: b, workflow-id: "${{ steps.later.outputs.x }}" }',
        '      - id: later',
        '        run: echo',
      ].join('\n'),
    );
    expect(problems).toEqual([
      "jobs.a.steps[0] (main): input 'wait-for' is not in ./action.yml",
      "jobs.a.steps[1]: step main has no output 'jobid'",
      'jobs.a.steps[2]: uses ./cancle, which has no action.yml',
      'jobs.a.steps[3]: steps.later is not an earlier step of job a',
    ]);
  });

  it('on a missing required input', () => {
    const problems = localActionProblems(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./cancel\n        with: { bucket: b }\n',
    );
    expect(problems).toEqual([
      "jobs.a.steps[0]: required input 'job-id' of ./cancel/action.yml is not given",
    ]);
  });
});

describe.each(ACTION_DIRS)('%s/action.yml', (dir) => {
  const path = join(dir, 'action.yml');

  it('matches the action metadata schema', () => {
    expect(actionErrors(read(path), path)).toEqual([]);
  });

  it('describes every input and output, with known keys only', () => {
    expect(inputProblems(read(path))).toEqual([]);
  });

  it('runs on node24, from bundles that exist', () => {
    const { runs } = actionYml(dir);
    expect(runs.using).toBe('node24');
    for (const entry of [runs.main, runs.pre, runs.post]) {
      if (entry !== undefined) expect(existsSync(join(ROOT, dir, entry))).toBe(true);
    }
  });
});

describe('workflows', () => {
  it('include ci.yml and check-dist.yml', () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/check-dist.yml']),
    );
  });

  describe.each(WORKFLOWS)('%s', (path) => {
    it('matches the workflow schema', () => {
      expect(workflowErrors(read(path), path)).toEqual([]);
    });

    it('uses local actions only with the inputs and outputs they declare', () => {
      expect(localActionProblems(read(path))).toEqual([]);
    });
  });

  it('ci.yml runs every step of the action', () => {
    const used = Object.values((parse(read('.github/workflows/ci.yml')) as Workflow).jobs)
      .flatMap((job) => job.steps ?? [])
      .map((step) => step.uses)
      .filter((uses): uses is string => uses?.startsWith('./') ?? false)
      .map((uses) => uses.replace(/^\.\/?/, '').replace(/\/+$/, '') || '.');
    expect([...new Set(used)].sort()).toEqual([...ACTION_DIRS].sort());
  });
});
