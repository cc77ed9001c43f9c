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

type Permissions = Record<string, string> | string;

interface Workflow {
  permissions?: Permissions;
  jobs: Record<string, { steps?: Step[]; permissions?: Permissions }>;
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

/** `owner/repo[/path]@<40 hex digits> # vX.Y.Z`: a release's commit, and the release it is. */
const PINNED = /^[\w.-]+\/[\w.-]+(?:\/[^@\s]+)?@(?<sha>[0-9a-f]{40})\s+#\s+(?<version>v\d+\.\d+\.\d+)$/;

/**
 * Every `uses:` of another repository's action, as written (its comment included, which a YAML
 * parser drops). A tag can be moved to other code; a commit cannot, and the comment lets
 * Dependabot and readers know which release it is.
 */
function thirdPartyUses(content: string): string[] {
  return [...content.matchAll(/^\s*(?:-\s+)?uses:\s*(.+?)\s*$/gm)]
    .map(([, uses]) => (uses as string).replace(/^(['"])(.*)\1(\s+#.*)?$/, '$2$3'))
    .filter((uses) => !uses.startsWith('./') && !uses.startsWith('docker://'));
}

function unpinnedUses(content: string): string[] {
  return thirdPartyUses(content).filter((uses) => !PINNED.test(uses));
}

/** The permissions a workflow may write with, per job: everything else reads the contents only. */
const WRITE_PERMISSIONS: Record<string, Record<string, string[]>> = {
  'codeql.yml': { analyze: ['security-events'] },
  'release.yml': { 'move-major-tag': ['contents'] },
};

function writePermissions(permissions: Permissions | undefined): string[] {
  if (typeof permissions === 'string') return permissions === 'read-all' ? [] : [permissions];
  return Object.entries(permissions ?? {})
    .filter(([, level]) => level === 'write')
    .map(([scope]) => scope);
}

describe('the validator bites', () => {
  it('on an action used by its tag, or by a commit without the release it is', () => {
    const workflow = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: actions/checkout@v5',
      '      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
      '      - uses: github/codeql-action/init@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4',
      '      - uses: actions/cache@0123456 # v4.2.0',
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      "      - uses: 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f' # v7.0.0",
      '      - uses: ./wait',
      '      - uses: docker://alpine:3',
    ].join('\n');
    expect(unpinnedUses(workflow)).toEqual([
      'actions/checkout@v5',
      'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
      'github/codeql-action/init@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4',
      'actions/cache@0123456 # v4.2.0',
    ]);
  });

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
  it('include CI, the dist/ check, CodeQL and the release', () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining(
        ['ci.yml', 'check-dist.yml', 'codeql.yml', 'release.yml'].map((file) => `.github/workflows/${file}`),
      ),
    );
  });

  it('use each action at one commit, the same release everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const path of WORKFLOWS) {
      for (const uses of thirdPartyUses(read(path))) {
        const match = PINNED.exec(uses);
        const action = uses.slice(0, uses.indexOf('@')).split('/').slice(0, 2).join('/');
        if (!match?.groups) continue; // reported by the test of each file
        const pin = `${match.groups.sha} ${match.groups.version}`;
        pins.set(action, (pins.get(action) ?? new Set()).add(pin));
      }
    }
    expect(pins.size).toBeGreaterThan(0);
    for (const [action, seen] of pins)
      expect({ action, pins: [...seen] }).toEqual({ action, pins: [...seen].slice(0, 1) });
  });

  it('Dependabot keeps the pinned actions current', () => {
    const { updates } = parse(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string }[];
    };
    expect(updates.map((update) => update['package-ecosystem'])).toContain('github-actions');
  });

  describe.each(WORKFLOWS)('%s', (path) => {
    it('matches the workflow schema', () => {
      expect(workflowErrors(read(path), path)).toEqual([]);
    });

    it('uses local actions only with the inputs and outputs they declare', () => {
      expect(localActionProblems(read(path))).toEqual([]);
    });

    it('pins every other action to a full commit SHA, with its release as a comment', () => {
      expect(unpinnedUses(read(path))).toEqual([]);
    });

    it('reads the contents only, and writes only where its job must', () => {
      const workflow = parse(read(path)) as Workflow;
      expect(workflow.permissions).toEqual({ contents: 'read' });
      const allowed = WRITE_PERMISSIONS[path.replace('.github/workflows/', '')] ?? {};
      const granted = Object.fromEntries(
        Object.entries(workflow.jobs)
          .map(([id, job]) => [id, writePermissions(job.permissions)] as const)
          .filter(([, scopes]) => scopes.length > 0),
      );
      expect(granted).toEqual(allowed);
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
