/**
 * Each action's outputs, as its action.yml declares them (a test holds the two together). A step's
 * reporter refuses any other name.
 */
const JOB_OUTPUTS = [
  'job-id',
  'name',
  'state',
  'code',
  'message',
  'creation-time',
  'start-time',
  'end-time',
  'job',
  'failed-count',
  'failed-objects',
  'objects-file',
] as const;

export const OUTPUTS = {
  create: [...JOB_OUTPUTS, 'request-id'],
  wait: JOB_OUTPUTS,
  cancel: ['state'],
  list: ['jobs', 'count', 'jobs-file'],
  'trigger-workflow': [
    'instance-id',
    'state',
    'request-id',
    'execution',
    'count',
    'success-count',
    'failed-count',
    'failed-objects',
    'objects-file',
    'runs-file',
  ],
  post: [],
} as const satisfies Record<string, readonly string[]>;

export type ActionName = keyof typeof OUTPUTS;

/** An output name some action declares: a misspelt one fails to compile. */
export type OutputName = (typeof OUTPUTS)[ActionName][number];

/** Outputs to set, by name. */
export type Outputs = Partial<Record<OutputName, string>>;

/** The folder of each action's action.yml, from the repository's root. */
export const ACTION_DIRS: Record<Exclude<ActionName, 'post'>, string> = {
  create: '.',
  wait: 'wait',
  cancel: 'cancel',
  list: 'list',
  'trigger-workflow': 'trigger-workflow',
};
