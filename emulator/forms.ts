import { errorXml } from './xml.js';

/**
 * How answers are shaped where the documentation and the official SDKs differ (README › Answer
 * forms): a test picks the docs' forms, the Go SDK's, or any mix, so that the action is shown to
 * read each of them.
 */

export interface AnswerForms {
  /**
   * Each task of DescribeWorkflowExecution carries its own `Code`, `Message` and `StartTime`, as in
   * the Go SDK's fixture (`Success` on the tasks that did not fail). The docs: the media job says.
   */
  taskErrors: boolean;
  /** Start and End are listed among the tasks (the docs); the Go SDK's fixture has neither. */
  edgeTasks: boolean;
  /** Tasks in the order they ran (the docs), or the last first (the Go SDK's fixture). */
  taskOrder: 'ran' | 'last-first';
  /** The time of each run in DescribeWorkflowExecutions: the docs' name, or the Go SDK's. */
  runListTime: 'CreateTime' | 'CreationTime';
  /** The workflow's name in DescribeWorkflowExecution: the docs' name, or the Go fixture's. */
  runName: 'WorkflowName' | 'Name';
  /** The node naming unknown ids in a describe: the docs' name, or the Go SDK's. */
  nonExistJobIds: 'NonExistJobIds' | 'NonExistJobId';
  /** Error bodies: the documented XML, or JSON (`{"code","message","request_id"}`, which the Go SDK reads). */
  errorBody: 'xml' | 'json';
}

export type AnswerVariant = 'docs' | 'go-sdk';

export const ANSWER_VARIANTS: Readonly<Record<AnswerVariant, Readonly<AnswerForms>>> = {
  docs: {
    taskErrors: false,
    edgeTasks: true,
    taskOrder: 'ran',
    runListTime: 'CreateTime',
    runName: 'WorkflowName',
    nonExistJobIds: 'NonExistJobIds',
    errorBody: 'xml',
  },
  // Error bodies stay XML: the Go SDK reads JSON ones too, which says nothing of what the service sends.
  'go-sdk': {
    taskErrors: true,
    edgeTasks: false,
    taskOrder: 'last-first',
    runListTime: 'CreationTime',
    runName: 'Name',
    nonExistJobIds: 'NonExistJobId',
    errorBody: 'xml',
  },
};

/** A variant by name, or single forms over the docs' (`{ errorBody: 'json' }`). */
export type AnswersOption = AnswerVariant | Partial<AnswerForms>;

export function answerForms(option: AnswersOption | undefined): AnswerForms {
  if (option === undefined) return { ...ANSWER_VARIANTS.docs };
  if (typeof option === 'string') {
    const forms = ANSWER_VARIANTS[option];
    if (!forms) throw new Error(`answers must be docs or go-sdk, got "${String(option)}"`);
    return { ...forms };
  }
  return { ...ANSWER_VARIANTS.docs, ...option };
}

export interface ErrorAnswer {
  code: string;
  message: string;
  requestId: string;
  /** The host and path asked for, as COS errors name them. */
  resource: string;
}

/** An error's body and content type in the forms' error form. */
export function errorBody(forms: AnswerForms, error: ErrorAnswer): { type: string; body: string } {
  if (forms.errorBody === 'json') {
    const { code, message, requestId } = error;
    return { type: 'application/json', body: JSON.stringify({ code, message, request_id: requestId }) };
  }
  return {
    type: 'application/xml',
    body: errorXml(error.code, error.message, error.requestId, error.resource),
  };
}
