/** The one request body of the API, the create's (docs/api-notes.md › The create's body). */
import { XMLBuilder } from 'fast-xml-parser';
import type { CreateJobRequest } from './types.js';

const builder = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: false });

export function buildCreateJobBody(request: CreateJobRequest): string {
  const { start, end } = request.timeInterval ?? {};
  const timeInterval =
    start || end ? { TimeInterval: { Start: start || undefined, End: end || undefined } } : {};
  return builder.build({
    Request: {
      Name: request.name,
      Type: 'Workflow',
      Input: { [request.input.kind]: request.input.value },
      Operation: { ...timeInterval, WorkflowIds: request.workflowId },
    },
  });
}
