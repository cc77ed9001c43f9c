import type { JobDetail, WorkflowExecution } from '../ci/types.js';

/**
 * The `job`, `jobs` and `execution` outputs in the API's own names (`JobId`, `State`, …), as the
 * contract (CONTRIBUTING.md › The contract) promises: workflows read them with
 * `fromJSON(...).JobId`, as they would read the API.
 */
export function asJobsDetail(job: JobDetail): Record<string, unknown> {
  const interval = job.operation?.timeInterval;
  return {
    Code: job.code,
    Message: job.message,
    JobId: job.jobId,
    Name: job.name,
    Type: job.type,
    State: job.state,
    CreationTime: job.creationTime,
    StartTime: job.startTime,
    EndTime: job.endTime,
    ...(job.progress === undefined ? {} : { Progress: job.progress }),
    ...(job.input ? { Input: job.input } : {}),
    ...(job.operation
      ? {
          Operation: {
            WorkflowIds: job.operation.workflowIds ?? '',
            ...(interval ? { TimeInterval: { Start: interval.start ?? '', End: interval.end ?? '' } } : {}),
          },
        }
      : {}),
  };
}

export function asWorkflowExecution(execution: WorkflowExecution): Record<string, unknown> {
  return {
    RunId: execution.runId,
    WorkflowId: execution.workflowId,
    Name: execution.name,
    Object: execution.object,
    State: execution.state,
    CreateTime: execution.createTime,
    ...(execution.topology === undefined ? {} : { Topology: execution.topology }),
  };
}
