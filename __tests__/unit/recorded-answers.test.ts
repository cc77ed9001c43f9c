/**
 * Every answer set under __fixtures__/recorded/ (the docs' samples, the emulator's, and each one
 * `npm run contract` brings back from the real service) read by the action's own readers: each
 * field the action uses must be found.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { missingFields, readIndex, recordedSets, replay } from '../../test-support/recorded-answers.js';

const sets = recordedSets();

describe('recorded answer sets', () => {
  it('start with the docs samples and one recorded from the emulator', () => {
    expect(sets.map((set) => basename(set))).toEqual(expect.arrayContaining(['docs-samples', 'emulator']));
  });

  it.each(sets.map((set) => [basename(set), set]))(
    '%s: every field the action uses is found',
    (_name, set) => {
      const replayed = replay(set);
      expect(replayed.length).toBe(readIndex(set).calls.filter((call) => call.file).length);
      expect(missingFields(replayed)).toEqual([]);
    },
  );

  it.each(sets.map((set) => [basename(set), set]))('%s: says where its answers came from', (_name, set) => {
    expect(readIndex(set).source).toMatch(/^(Recorded from|Written by hand from)/);
  });
});

describe('the replay', () => {
  const folderWith = (calls: object[], files: Record<string, string>) => {
    const folder = mkdtempSync(join(tmpdir(), 'replay-'));
    writeFileSync(join(folder, 'index.json'), JSON.stringify({ source: 'test', recordedAt: '', calls }));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
  };

  it('names each field an answer lacks: a run list without its time, a job without its id', () => {
    const folder = folderWith(
      [
        {
          call: 'DescribeWorkflowExecutions',
          file: 'runs.xml',
          status: 200,
          headers: { 'x-ci-request-id': 'r1' },
        },
        { call: 'DescribeInventoryTriggerJob', file: 'job.xml', status: 200, headers: {} },
      ],
      {
        'runs.xml':
          '<Response><WorkflowExecutionList><RunId>i1</RunId><Object>a.mp4</Object><State>Success</State>' +
          '<StartTime>2026-01-01T00:00:00+08:00</StartTime></WorkflowExecutionList></Response>',
        'job.xml': '<Response><RequestId>r2</RequestId><JobsDetail><Name>n</Name></JobsDetail></Response>',
      },
    );
    const missing = missingFields(replay(folder));
    expect(missing).toContain('runs.xml: CreateTime or CreationTime');
    expect(missing).toContain('job.xml: JobId');
    expect(missing).toContain('job.xml: Operation.WorkflowIds');
    expect(missing).not.toContain('job.xml: request id');
  });

  it("finds a failed run's own reason, or its media job, and an error's code in XML or JSON", () => {
    const run = (task: string) =>
      `<Response><WorkflowExecution><RunId>i1</RunId><Object>a.mp4</Object><State>Failed</State>` +
      `<CreationTime>2026-01-01T00:00:00+08:00</CreationTime>${task}</WorkflowExecution></Response>`;
    const folder = folderWith(
      [
        {
          call: 'DescribeWorkflowExecution',
          file: 'own.xml',
          status: 200,
          headers: { 'x-ci-request-id': 'r' },
        },
        {
          call: 'DescribeWorkflowExecution (ended)',
          file: 'none.xml',
          status: 200,
          headers: { 'x-ci-request-id': 'r' },
        },
        { call: 'DescribeMediaJob', file: 'json.json', status: 403, headers: {} },
      ],
      {
        'own.xml': run('<Tasks><Name>T_1</Name><State>Failed</State><Code>InvalidInput</Code></Tasks>'),
        'none.xml': run('<Tasks><Name>T_1</Name><State>Failed</State></Tasks>'),
        'json.json': '{"code":"AccessDenied","message":"no","request_id":"r3"}',
      },
    );
    const replayed = replay(folder);
    expect(replayed[0]!.fields['its own Code, or a media JobId']).toBe('InvalidInput');
    expect(missingFields(replayed)).toEqual(['none.xml: its own Code, or a media JobId']);
    expect(replayed[2]!.fields).toEqual({ 'error Code': 'AccessDenied', 'request id': 'r3' });
  });

  it('refuses an answer that is not the XML the API sends, naming the file', () => {
    const folder = folderWith([{ call: 'TriggerWorkflow', file: 'cut.xml', status: 200, headers: {} }], {
      'cut.xml': '<Response><InstanceId>i1</Inst',
    });
    expect(() => replay(folder)).toThrow(/^cut\.xml: /);
  });
});
