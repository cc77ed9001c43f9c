import { XmlShapeError } from '../../src/ci/errors.js';
import {
  parseErrorBody,
  parseExecutionResponse,
  parseExecutionsResponse,
  parseJobResponse,
  parseTriggerWorkflowResponse,
} from '../../src/ci/xml-answers.js';

// The response sample of the documentation's "触发任务(工作流)" page, indentation and all.
const DOCS_CREATE_RESPONSE = `<Response>
    <JobsDetail>
        <Code>Success</Code>
        <Message/>
        <Type>Workflow</Type>
        <Name>demo</Name>
        <JobId>b3deffea2f84911ec9cb15254008618d9</JobId>
        <State>Running</State>
        <CreationTime>2022-06-27T15:23:10+0800</CreationTime>
        <StartTime>-</StartTime>
        <EndTime>-</EndTime>
        <Input>
            <Prefix>input</Prefix>
        </Input>
        <Operation>
            <TimeInterval>
                <Start>2022-02-01T12:00:00+0800</Start>
                <End>2022-05-01T12:00:00+0800</End>
            </TimeInterval>
            <WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds>  
        </Operation>
    </JobsDetail>
</Response>`;

// The PHP SDK's list sample as XML: WorkflowIds beside Operation, placeholder times.
const SDK_LIST_RESPONSE =
  '<Response><JobsDetail><Code>Success</Code><CreationTime>2022-06-15T15:17:23+0800</CreationTime>' +
  '<EndTime>2022-06-15T15:21:17+0800</EndTime><Input><Object>test01.png</Object></Input>' +
  '<JobId>b33872336ec7b11ecas8d90as8d09ad6f</JobId><Name>存量触发任务名称</Name><Operation><TimeInterval>' +
  '<End>2022-06-15T15:17:23+08:00</End></TimeInterval></Operation><StartTime>2022-06-15T15:17:23+0800</StartTime>' +
  '<State>Success</State><WorkflowIds>w9938edb1asd80a9s8d09asddebdd</WorkflowIds></JobsDetail>' +
  '<JobsDetail><Code>Success</Code><CreationTime>2022-06-14T11:17:19+0800</CreationTime>' +
  '<EndTime>1-01-01T08:05:43+0805</EndTime><Input><Object>test01.png</Object></Input>' +
  '<JobId>b7fca9011ec9e215a09s8d09as8d6f</JobId><Name>存量触发任务名称-5</Name><Operation><TimeInterval/></Operation>' +
  '<StartTime>2022-06-14T11:17:19+0800</StartTime><State>Success</State>' +
  '<WorkflowIds>w993asd81as98d09a8d762bddebdd</WorkflowIds></JobsDetail>' +
  '<JobsDetail><Code>Success</Code><JobId>w993asd81as98d09a8d762bddebdd</JobId><State>Cancel</State></JobsDetail>' +
  '<NextToken>1930</NextToken><RequestId>NjJhOTg4YzRfZmNjYTNAOISUDOIASUDWU0OTM=</RequestId></Response>';

const DOCS_ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>InvalidArgument</Code>
  <Message>Name is invalid &amp; too long</Message>
  <RequestId>NTk0MjdmODlfMjQ4OGY3XzYzYzh****=</RequestId>
  <TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NDQ4ZjQ1OGE1MDJmNjNlNWQ4ZTM2MjU5MjRhYTc=</TraceId>
</Error>`;

const NGINX_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

describe('parseJobResponse', () => {
  it('reads the documented create answer', () => {
    expect(parseJobResponse(DOCS_CREATE_RESPONSE)).toEqual({
      requestId: '',
      nonExistJobIds: [],
      nextToken: '',
      jobs: [
        {
          jobId: 'b3deffea2f84911ec9cb15254008618d9',
          name: 'demo',
          type: 'Workflow',
          state: 'Running',
          code: 'Success',
          message: '',
          creationTime: '2022-06-27T15:23:10+0800',
          startTime: '-',
          endTime: '-',
          input: { Prefix: 'input' },
          operation: {
            workflowIds: 'w7476ff3564ee45b7b490d64bccaba6cc',
            timeInterval: { start: '2022-02-01T12:00:00+0800', end: '2022-05-01T12:00:00+0800' },
          },
        },
      ],
    });
  });

  it('reads a list answer with many jobs, its next token and request id', () => {
    const page = parseJobResponse(SDK_LIST_RESPONSE);
    expect(page.requestId).toBe('NjJhOTg4YzRfZmNjYTNAOISUDOIASUDWU0OTM=');
    expect(page.nextToken).toBe('1930');
    expect(page.jobs.map((job) => [job.jobId, job.state, job.name])).toEqual([
      ['b33872336ec7b11ecas8d90as8d09ad6f', 'Success', '存量触发任务名称'],
      ['b7fca9011ec9e215a09s8d09as8d6f', 'Success', '存量触发任务名称-5'],
      ['w993asd81as98d09a8d762bddebdd', 'Cancel', ''],
    ]);
    expect(page.jobs[0]?.operation).toEqual({
      workflowIds: 'w9938edb1asd80a9s8d09asddebdd',
      timeInterval: { end: '2022-06-15T15:17:23+08:00' },
    });
    expect(page.jobs[1]?.endTime).toBe('1-01-01T08:05:43+0805');
    expect(page.jobs[1]?.operation).toEqual({ workflowIds: 'w993asd81as98d09a8d762bddebdd' });
  });

  it('gives missing nodes as empty strings and leaves out absent containers', () => {
    const [job] = parseJobResponse('<Response><JobsDetail><JobId>j1</JobId></JobsDetail></Response>').jobs;
    expect(job).toEqual({
      ...{ jobId: 'j1', name: '', type: '', state: '', code: '', message: '' },
      ...{ creationTime: '', startTime: '', endTime: '' },
    });
  });

  it('reads an answer without any JobsDetail as no jobs', () => {
    const xml = '<Response><RequestId>r-1</RequestId><NextToken/></Response>';
    expect(parseJobResponse(xml)).toEqual({ requestId: 'r-1', jobs: [], nonExistJobIds: [], nextToken: '' });
  });

  it('lists the job ids the service does not know, one node or many', () => {
    const one = '<Response><RequestId>r</RequestId><NonExistJobIds>b1</NonExistJobIds></Response>';
    const many =
      '<Response><NonExistJobIds>b1</NonExistJobIds><NonExistJobIds>007</NonExistJobIds></Response>';
    expect(parseJobResponse(one).nonExistJobIds).toEqual(['b1']);
    expect(parseJobResponse(many).nonExistJobIds).toEqual(['b1', '007']);
    expect(parseJobResponse('<Response><NonExistJobIds/></Response>').nonExistJobIds).toEqual([]);
  });

  it("reads a job's and a run's known state with white space around it as that state", () => {
    const jobs = '<Response><JobsDetail><State>Success </State></JobsDetail></Response>';
    expect(parseJobResponse(jobs).jobs[0]?.state).toBe('Success');
    const runs = '<Response><WorkflowExecutionList><State> Failed</State></WorkflowExecutionList></Response>';
    expect(parseExecutionsResponse(runs).executions[0]?.state).toBe('Failed');
  });

  it('keeps the spaces at the ends of an object key', () => {
    const xml =
      '<Response><JobsDetail>\n  <Input>\n    <Object> a b.mp4 </Object>\n  </Input>\n</JobsDetail></Response>';
    expect(parseJobResponse(xml).jobs[0]?.input).toEqual({ Object: ' a b.mp4 ' });
  });

  it('keeps numeric-looking values as the exact strings sent', () => {
    const xml =
      '<Response><RequestId>true</RequestId><JobsDetail><JobId>123e4</JobId><Name>007</Name>' +
      '<Code>0x1F</Code><Progress>50.10</Progress></JobsDetail><NextToken>0010</NextToken></Response>';
    const page = parseJobResponse(xml);
    expect(page).toMatchObject({ requestId: 'true', nextToken: '0010' });
    expect(page.jobs[0]).toMatchObject({ jobId: '123e4', name: '007', code: '0x1F', progress: '50.10' });
  });

  it('decodes entities, character references and CDATA, and accepts a declaration and BOM', () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<Response><JobsDetail><Name>a&amp;b&lt;&gt;&quot;&apos;' +
      '&#20013;&#x1F600;&amp;#1;</Name><Input><Object><![CDATA[<k> & v]]></Object></Input></JobsDetail></Response>';
    const [job] = parseJobResponse(xml).jobs;
    expect(job?.name).toBe(`a&b<>"'中😀&#1;`);
    expect(job?.input).toEqual({ Object: '<k> & v' });
    expect(job?.progress).toBeUndefined();
  });
});

describe('workflow answers', () => {
  it('reads the instance id of a TriggerWorkflow answer', () => {
    const xml =
      '<Response><RequestId>NjJhN2ZkYmZfNzgwYAASDKJAPODJMPFNFM=</RequestId>' +
      '<InstanceId>i7fb6e17cebds8v7x897cv89x7v98d6f</InstanceId></Response>';
    expect(parseTriggerWorkflowResponse(xml)).toEqual({
      requestId: 'NjJhN2ZkYmZfNzgwYAASDKJAPODJMPFNFM=',
      instanceId: 'i7fb6e17cebds8v7x897cv89x7v98d6f',
    });
  });

  it('reads one workflow execution with its topology, and none when absent', () => {
    const xml = `<Response><RequestId>r</RequestId><WorkflowExecution>
        <RunId>i37145b2919714156bd97f91dc03fa2b4</RunId><WorkflowId>we65e4d260e1042debdfb7e4560a19d3d</WorkflowId>
        <WorkflowName>demo</WorkflowName><State>Failed</State><CreateTime>2019-07-07T12:12:12+08:00</CreateTime>
        <Object>a &amp; b.mp4</Object>
        <Topology>
          <Dependencies>
            <Start>Snapshot_1</Start>
          </Dependencies>
        </Topology>
      </WorkflowExecution></Response>`;
    expect(parseExecutionResponse(xml)).toEqual({
      requestId: 'r',
      execution: {
        runId: 'i37145b2919714156bd97f91dc03fa2b4',
        workflowId: 'we65e4d260e1042debdfb7e4560a19d3d',
        name: 'demo',
        object: 'a & b.mp4',
        state: 'Failed',
        createTime: '2019-07-07T12:12:12+08:00',
        topology: { Dependencies: { Start: 'Snapshot_1' } },
      },
    });
    expect(parseExecutionResponse('<Response><RequestId>r</RequestId></Response>').execution).toBeUndefined();
  });

  it('reads a list of executions with one, many or no nodes', () => {
    const node = (runId: string, object: string): string =>
      `<WorkflowExecutionList><RunId>${runId}</RunId><WorkflowId>w1</WorkflowId><Object>${object}</Object>` +
      `<CreateTime>2026-11-01T08:00:00+08:00</CreateTime><State>Failed</State></WorkflowExecutionList>`;
    const many = parseExecutionsResponse(
      `<Response><RequestId>r</RequestId>${node('i1', '视频/1.mp4')}${node('i2', '007')}<NextToken>t2</NextToken></Response>`,
    );
    expect(many.nextToken).toBe('t2');
    expect(many.executions.map((e) => [e.runId, e.object, e.state, e.name])).toEqual([
      ['i1', '视频/1.mp4', 'Failed', ''],
      ['i2', '007', 'Failed', ''],
    ]);
    expect(parseExecutionsResponse(`<Response>${node('i1', 'a')}</Response>`).executions).toHaveLength(1);
    expect(parseExecutionsResponse('<Response><RequestId>r</RequestId></Response>')).toEqual({
      requestId: 'r',
      executions: [],
      nextToken: '',
    });
  });
});

describe('parseErrorBody', () => {
  it('reads the code, message and request id of an error document', () => {
    expect(parseErrorBody(DOCS_ERROR)).toEqual({
      code: 'InvalidArgument',
      message: 'Name is invalid & too long',
      requestId: 'NTk0MjdmODlfMjQ4OGY3XzYzYzh****=',
    });
  });

  it.each([
    ['a Response document', DOCS_CREATE_RESPONSE],
    ['an HTML page', NGINX_PAGE],
    ['a truncated error', DOCS_ERROR.slice(0, 80)],
    ['an empty body', ''],
  ])('gives undefined for %s', (_what, body) => {
    expect(parseErrorBody(body)).toBeUndefined();
  });
});

describe('answers that are not the XML the API sends', () => {
  const parsers = {
    parseJobResponse,
    parseTriggerWorkflowResponse,
    parseExecutionResponse,
    parseExecutionsResponse,
  };

  it.each([
    ['an HTML error page', NGINX_PAGE],
    ['a well-formed XHTML page', '<!DOCTYPE html><html><body><p>Gateway Timeout</p></body></html>'],
    ['an error document', DOCS_ERROR],
    ['plain text', 'Bad Gateway'],
    ['an empty body', ''],
    ['a document with text after its end', '<Response></Response>trailing'],
  ])('throws XmlShapeError for %s', (_what, body) => {
    for (const parse of Object.values(parsers)) expect(() => parse(body)).toThrow(XmlShapeError);
  });

  it('throws XmlShapeError for a document cut at any point, never returning part of it', () => {
    const compact = SDK_LIST_RESPONSE;
    for (let length = 0; length < compact.length; length++) {
      expect(() => parseJobResponse(compact.slice(0, length))).toThrow(XmlShapeError);
    }
    expect(parseJobResponse(compact).jobs).toHaveLength(3);
  });
});

describe('reading answers safely', () => {
  it('reads CR LF line ends as LF, in indentation and in values', () => {
    const xml =
      '<Response>\r\n  <JobsDetail>\r\n    <JobId>b1</JobId>\r\n    <Message>one\r\ntwo\rthree</Message>\r\n' +
      '    <Input>\r\n      <Object>a.mp4</Object>\r\n    </Input>\r\n  </JobsDetail>\r\n</Response>\r\n';
    const [job] = parseJobResponse(xml).jobs;
    expect(job).toMatchObject({ jobId: 'b1', message: 'one\ntwo\nthree', input: { Object: 'a.mp4' } });
  });

  it('reads empty JobsDetail nodes as no job, beside real ones', () => {
    const xml =
      '<Response><JobsDetail/><JobsDetail></JobsDetail><JobsDetail>\n  </JobsDetail>' +
      '<JobsDetail><JobId>b2</JobId></JobsDetail></Response>';
    expect(parseJobResponse(xml).jobs.map((job) => job.jobId)).toEqual(['b2']);
  });

  it('keeps values that a number parser would change as the strings sent', () => {
    const xml =
      '<Response><JobsDetail><JobId>0b101</JobId><Code>-0</Code><Name>Infinity</Name>' +
      '<Message>1e400</Message><State>1.50</State></JobsDetail></Response>';
    expect(parseJobResponse(xml).jobs[0]).toMatchObject({
      ...{ jobId: '0b101', code: '-0', name: 'Infinity', message: '1e400', state: '1.50' },
    });
  });

  it.each([
    ['before the root', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaa">]><Response>&a;</Response>'],
    ['inside the root', '<Response><!DOCTYPE r [<!ENTITY a "b1">]><RequestId>&a;</RequestId></Response>'],
  ])('refuses a DOCTYPE %s, so that no declared entity is ever expanded', (_where, xml) => {
    expect(() => parseJobResponse(xml)).toThrow(
      new XmlShapeError('XML with a DOCTYPE, which the API never sends'),
    );
    expect(parseErrorBody(xml.replace(/Response/g, 'Error'))).toBeUndefined();
  });

  it('refuses a document nested deeper than 100 elements, rather than exhausting the stack', () => {
    const nest = (depth: number) =>
      `<Response>${'<a>'.repeat(depth - 1)}${'</a>'.repeat(depth - 1)}</Response>`;
    expect(parseJobResponse(nest(100)).jobs).toEqual([]);
    expect(() => parseJobResponse(nest(101))).toThrow(XmlShapeError);
    expect(() => parseJobResponse(nest(100_000))).toThrow(XmlShapeError);
  });

  it('refuses an answer over 1 MiB before reading it, and reads one of exactly 1 MiB', () => {
    const answer = (bytes: number) => {
      const frame = '<Response><RequestId></RequestId></Response>';
      return frame.replace('</RequestId>', `${'x'.repeat(bytes - frame.length)}</RequestId>`);
    };
    expect(parseJobResponse(answer(1024 * 1024)).requestId).toHaveLength(1024 * 1024 - 44);
    expect(() => parseJobResponse(answer(1024 * 1024 + 1))).toThrow(
      new XmlShapeError('an answer over 1 MiB'),
    );
    // Counted in bytes, not characters: 中 is three bytes of UTF-8.
    const chinese = answer(1024 * 1024 - 2 * 350_000).replace(
      '<RequestId>',
      `<RequestId>${'中'.repeat(350_001)}`,
    );
    expect(() => parseJobResponse(chinese)).toThrow(XmlShapeError);
  });

  it('reads a page as wide as 1 MiB allows without running out of stack', () => {
    const xml = `<Response>${'<JobsDetail><JobId>b</JobId></JobsDetail>'.repeat(25_000)}</Response>`;
    expect(parseJobResponse(xml).jobs).toHaveLength(25_000);
  });

  it('refuses two root elements and a mismatched closing tag', () => {
    expect(() => parseJobResponse('<Response/><Response/>')).toThrow(XmlShapeError);
    expect(() => parseJobResponse('<Response><JobId>b1</JobIdX></Response>')).toThrow(XmlShapeError);
    expect(() => parseJobResponse('<Response><A><B></A></B></Response>')).toThrow(XmlShapeError);
  });
});
