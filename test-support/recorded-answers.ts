/**
 * Replays a set of recorded answers (`__fixtures__/recorded/<set>/`, written by `npm run contract`
 * or by hand from the docs' samples) through the action's own readers, and says which of the fields
 * the action uses it could not find.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexEntry, RecordedSet } from '../scripts/contract-recording.js';
import { parseJsonErrorBody } from '../src/ci/json-error.js';
import { failedTaskOf } from '../src/ci/task-answers.js';
import type { JobDetail, WorkflowExecution } from '../src/ci/types.js';
import {
  parseErrorBody,
  parseExecutionResponse,
  parseExecutionsResponse,
  parseJobResponse,
  parseMediaJobResponse,
  parseTriggerWorkflowResponse,
} from '../src/ci/xml-answers.js';

export const RECORDED_ROOT = fileURLToPath(new URL('../__fixtures__/recorded', import.meta.url));

/** The folders under `__fixtures__/recorded/` that hold an `index.json`. */
export function recordedSets(root = RECORDED_ROOT): string[] {
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((folder) => statSync(folder).isDirectory())
    .filter((folder) => readdirSync(folder).includes('index.json'));
}

export function readIndex(folder: string): RecordedSet {
  return JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as RecordedSet;
}

/** One answer replayed: the fields the action reads from it, each with what was found ('' when none). */
export interface Replayed {
  call: string;
  file: string;
  status: number;
  fields: Record<string, string>;
}

type Fields = Record<string, string>;

/** What the steps read of a job: outputs, the summary, and the checks that adopt a job as their own. */
const jobFields = (job: JobDetail | undefined): Fields => ({
  JobId: job?.jobId ?? '',
  Name: job?.name ?? '',
  State: job?.state ?? '',
  Code: job?.code ?? '',
  CreationTime: job?.creationTime ?? '',
  'Input (one of Object, Prefix, Manifest, UrlFile)': Object.values(job?.input ?? {}).find(Boolean) ?? '',
  'Operation.WorkflowIds': job?.operation?.workflowIds ?? '',
});

/** What the steps read of a run in a list: objects-file, runs-file and the summary. */
const runFields = (run: WorkflowExecution | undefined): Fields => ({
  RunId: run?.runId ?? '',
  Object: run?.object ?? '',
  State: run?.state ?? '',
  'CreateTime or CreationTime': run?.createTime ?? '',
});

const atLeastOne = <T>(items: readonly T[], read: (item: T | undefined) => Fields): Fields => ({
  ...read(items[0]),
  [`every one of ${items.length} has an id`]: items.every((item) => Object.values(read(item))[0])
    ? 'yes'
    : '',
});

/** The answer's request id, as the client takes it: the header, else the XML's own. */
function requestIdOf(entry: IndexEntry, fromBody: string): string {
  return entry.headers?.['x-ci-request-id'] || entry.headers?.['x-cos-request-id'] || fromBody;
}

/** The fields of one answer, read as the action reads that call's answer. */
function fieldsOf(entry: IndexEntry, body: string): Fields {
  if ((entry.status ?? 0) >= 300) {
    const error = parseErrorBody(body) ?? parseJsonErrorBody(body);
    return { 'error Code': error?.code ?? '', 'request id': requestIdOf(entry, error?.requestId ?? '') };
  }
  const call = entry.call.replace(/ \(.*\)$/, '');
  switch (call) {
    case 'CreateInventoryTriggerJob':
    case 'DescribeInventoryTriggerJob': {
      const { jobs, requestId } = parseJobResponse(body);
      return { ...jobFields(jobs[0]), 'request id': requestIdOf(entry, requestId) };
    }
    case 'DescribeInventoryTriggerJobs': {
      const { jobs, requestId } = parseJobResponse(body);
      return { ...atLeastOne(jobs, jobFields), 'request id': requestIdOf(entry, requestId) };
    }
    case 'TriggerWorkflow': {
      const { instanceId, requestId } = parseTriggerWorkflowResponse(body);
      return { InstanceId: instanceId, 'request id': requestIdOf(entry, requestId) };
    }
    case 'DescribeWorkflowExecutions': {
      const { executions, requestId } = parseExecutionsResponse(body);
      return { ...atLeastOne(executions, runFields), 'request id': requestIdOf(entry, requestId) };
    }
    case 'DescribeWorkflowExecution': {
      const { execution, requestId } = parseExecutionResponse(body);
      const fields: Fields = { ...runFields(execution), 'request id': requestIdOf(entry, requestId) };
      const tasks = execution?.tasks ?? [];
      // A failed run must name the task it failed in, and say why or give its media job.
      if (execution?.state === 'Failed' || execution?.state === 'Cancel') {
        const failed = failedTaskOf(tasks);
        fields['the task that ended it'] = failed ? failed.task.name || failed.task.type : '';
        fields['its own Code, or a media JobId'] = failed?.own?.code ?? failed?.task.jobId ?? '';
      } else if (execution?.state === 'Success') {
        fields['a task with a media JobId'] =
          tasks.find((task) => /^[A-Za-z0-9]+$/.test(task.jobId))?.jobId ?? '';
      }
      return fields;
    }
    case 'DescribeMediaJob': {
      const { jobs, requestId } = parseMediaJobResponse(body);
      return {
        JobId: jobs[0]?.jobId ?? '',
        State: jobs[0]?.state ?? '',
        Code: jobs[0]?.code ?? '',
        'request id': requestIdOf(entry, requestId),
      };
    }
    case 'CancelInventoryTriggerJob':
      // The action reads nothing of a 200 but its request id; the describe after it says the rest.
      return { 'request id': requestIdOf(entry, '') };
    default:
      return { [`a call the replay knows (${entry.call})`]: '' };
  }
}

/** Every answer of a set, read; an answer that is not what the API sends throws, naming its file. */
export function replay(folder: string): Replayed[] {
  return readIndex(folder)
    .calls.filter((entry) => entry.file !== undefined)
    .map((entry) => {
      const body = readFileSync(join(folder, entry.file!), 'utf8');
      try {
        return {
          call: entry.call,
          file: entry.file!,
          status: entry.status ?? 0,
          fields: fieldsOf(entry, body),
        };
      } catch (error) {
        throw new Error(`${entry.file}: ${(error as Error).message}`);
      }
    });
}

/** `file: field` for each field the action uses that an answer lacks. */
export function missingFields(replayed: readonly Replayed[]): string[] {
  return replayed.flatMap(({ file, fields }) =>
    Object.entries(fields)
      .filter(([, value]) => value === '')
      .map(([name]) => `${file}: ${name}`),
  );
}
