import { XMLParser } from 'fast-xml-parser';
import { buildCreateJobBody } from '../../src/ci/xml-body.js';

// The sample request of the English create page: the documented body, well-formed.
const DOCS_CREATE_REQUEST =
  '<Request><Name>demo</Name><Type>Workflow</Type><Input><Prefix>input</Prefix></Input><Operation>' +
  '<TimeInterval><Start>2022-02-01T12:00:00+0800</Start><End>2022-05-01T12:00:00+0800</End></TimeInterval>' +
  '<WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds></Operation></Request>';

describe('buildCreateJobBody', () => {
  const reader = new XMLParser({ parseTagValue: false, trimValues: false, htmlEntities: true });

  it('writes the documented body', () => {
    const body = buildCreateJobBody({
      name: 'demo',
      workflowId: 'w7476ff3564ee45b7b490d64bccaba6cc',
      input: { kind: 'Prefix', value: 'input' },
      timeInterval: { start: '2022-02-01T12:00:00+0800', end: '2022-05-01T12:00:00+0800' },
    });
    expect(body).toBe(DOCS_CREATE_REQUEST);
  });

  it('escapes every XML special character and keeps emoji and Chinese as they are', () => {
    const name = `a&b<c>d"e'f 😀 任务`;
    const key = ` dir/<x> & "y" 'z' 🎬 视频.mp4 `;
    const body = buildCreateJobBody({ name, workflowId: 'w1', input: { kind: 'Object', value: key } });
    expect(body).not.toMatch(/<c>|<x>/);
    expect(body).toContain('😀 任务');
    expect(body).toContain('🎬 视频.mp4');
    const parsed = reader.parse(body);
    expect(parsed.Request.Name).toBe(name);
    expect(parsed.Request.Input).toEqual({ Object: key });
    expect(parsed.Request.Operation).toEqual({ WorkflowIds: 'w1' });
  });

  it.each(['Object', 'Prefix', 'Manifest', 'UrlFile'] as const)(
    'sends a %s input as its own node',
    (kind) => {
      const body = buildCreateJobBody({ name: '007', workflowId: 'w1', input: { kind, value: '123e4' } });
      expect(reader.parse(body).Request).toEqual({
        Name: '007',
        Type: 'Workflow',
        Input: { [kind]: '123e4' },
        Operation: { WorkflowIds: 'w1' },
      });
    },
  );

  it('sends only the ends of the time window that were given', () => {
    const base = { name: 'n', workflowId: 'w1', input: { kind: 'Prefix', value: 'p/' } } as const;
    const body = buildCreateJobBody({ ...base, timeInterval: { end: '2026-11-01T00:00:00+0000' } });
    expect(body).toContain(
      '<Operation><TimeInterval><End>2026-11-01T00:00:00+0000</End></TimeInterval><WorkflowIds>',
    );
    expect(buildCreateJobBody({ ...base, timeInterval: { start: '', end: '' } })).not.toContain(
      'TimeInterval',
    );
    expect(buildCreateJobBody(base)).not.toContain('TimeInterval');
  });
});
