/**
 * `npm run contract` (scripts/contract.ts) as a user runs it: without keys it says what it needs,
 * and with the emulator as its endpoint it records a full set that the replay reads. Never pointed
 * at the real service here.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../test-support/github-runner.js';
import { missingFields, readIndex, replay } from '../../test-support/recorded-answers.js';
import { SECRET_ID, SECRET_KEY, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const BUCKET = 'media-1250000042';
const OBJECT = 'contract/scratch 1.mp4';

/** The script under tsx, with only the environment given (and PATH, HOME): no CONTRACT_* from outside. */
function contract(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/contract.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const emulator = useEmulator({
  schedule: { queuedMs: 50, runningMs: 300, final: 'Success' },
  // The scratch object's runs fail in their snapshot: the set holds a failed task and its media job.
  objectsFor: ({ input }) =>
    input.Object === OBJECT
      ? [{ key: OBJECT, runMs: 300, final: 'Failed', failure: { task: 'Snapshot_1', code: 'InvalidInput' } }]
      : undefined,
});

function settings(out: string): Record<string, string> {
  return {
    CONTRACT_SECRET_ID: SECRET_ID,
    CONTRACT_SECRET_KEY: SECRET_KEY,
    CONTRACT_BUCKET: BUCKET,
    CONTRACT_REGION: 'ap-guangzhou',
    CONTRACT_WORKFLOW_ID: WORKFLOW_ID,
    CONTRACT_OBJECT: OBJECT,
    CONTRACT_ENDPOINT: emulator().url,
    CONTRACT_OUT: out,
    CONTRACT_RUN_WAIT: '20',
  };
}

describe('npm run contract', () => {
  it('without keys, says what it needs, sends nothing and exits 2', async () => {
    const before = emulator().requests.length;
    const run = await contract({});
    expect(run.code).toBe(2);
    for (const name of ['CONTRACT_SECRET_ID', 'CONTRACT_SECRET_KEY', 'CONTRACT_BUCKET', 'CONTRACT_REGION'])
      expect(run.stderr).toContain(`${name}`);
    expect(run.stderr).toContain('CONTRACT_WORKFLOW_ID');
    expect(run.stderr).toContain('CONTRACT_OBJECT');
    expect(run.stderr).toContain('CONTRACT_ENDPOINT');
    expect(run.stderr).toContain('Nothing was sent.');
    expect(emulator().requests.length).toBe(before);
  });

  it('refuses an http:// endpoint that is not loopback, and a malformed bucket, before sending', async () => {
    const out = mkdtempSync(join(tmpdir(), 'contract-'));
    const plain = await contract({ ...settings(out), CONTRACT_ENDPOINT: 'http://ci.example.com' });
    expect([plain.code, plain.stderr]).toEqual([2, expect.stringContaining('CONTRACT_ENDPOINT')]);
    const bucket = await contract({ ...settings(out), CONTRACT_BUCKET: 'no-appid' });
    expect([bucket.code, bucket.stderr]).toEqual([2, expect.stringContaining('CONTRACT_BUCKET')]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('with the emulator as its endpoint, records a full set, keys and ids replaced, that the replay reads', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'contract-')), 'set');
    const from = emulator().requests.length;
    const run = await contract(settings(out));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const set = readIndex(out);
    expect(set.source).toBe("Recorded from the project's emulator, not the real service");
    expect(set.calls.map((call) => `${call.call} ${call.status}`)).toEqual([
      'CreateInventoryTriggerJob 200',
      'DescribeInventoryTriggerJob 200',
      'DescribeInventoryTriggerJobs 200',
      'TriggerWorkflow 200',
      'DescribeWorkflowExecution 200',
      'DescribeWorkflowExecution (ended) 200',
      'DescribeWorkflowExecutions 200',
      'DescribeMediaJob 200',
      'CancelInventoryTriggerJob 200',
    ]);
    expect(missingFields(replay(out))).toEqual([]);
    const ended = replay(out).find((answer) => answer.call === 'DescribeWorkflowExecution (ended)')!;
    expect(ended.fields['the task that ended it']).toBe('Snapshot_1');
    expect(readFileSync(join(out, set.calls[7]!.file!), 'utf8')).toContain('<Code>InvalidInput</Code>');

    // Each call went out once (the looks while the run ran are not kept), as the action sends it.
    const sent = emulator().requests.slice(from);
    for (const call of ['create', 'describe', 'list', 'trigger', 'executions', 'media-job', 'cancel'])
      expect([call, sent.filter((r) => r.call === call).length]).toEqual([call, 1]);
    expect(sent.filter((r) => r.call === 'list')[0]!.query).toMatchObject({
      type: 'Workflow',
      workflowId: WORKFLOW_ID,
    });

    const everything = readdirSync(out)
      .map((file) => readFileSync(join(out, file), 'utf8'))
      .join('\n');
    for (const secret of [SECRET_KEY, SECRET_ID, BUCKET, '1250000042', ...sent.map((r) => r.requestId)])
      expect([secret, everything.includes(secret)]).toEqual([secret, false]);
    expect(everything).toContain('REQUEST-ID-1');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('not the real service');
  });
});
