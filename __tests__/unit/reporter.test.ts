import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../__fixtures__/core.js';

jest.unstable_mockModule('@actions/core', () => core);
const { githubReporter, ActionsStateStore, MAX_SUMMARY_BYTES, MAX_OUTPUT_BYTES } =
  await import('../../src/github/reporter.js');

beforeEach(() => {
  jest.clearAllMocks();
  core.summaryWrites.length = 0;
  const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
  writeFileSync(file, '');
  process.env.GITHUB_STEP_SUMMARY = file;
  delete process.env.GITHUB_REPOSITORY;
});

describe('log lines', () => {
  const hostile = 'videos/a.mp4\n::error::injected\r\n::add-mask::x\u2028::stop-commands::t';

  it('info escapes every line break of a value, so it cannot start a workflow command', () => {
    githubReporter([]).info(`Started a run on ${hostile}`);
    const line = core.info.mock.calls[0]?.[0] as string;
    expect(line).not.toMatch(/[\r\n\u2028]/);
    expect(line).toContain('videos/a.mp4\\n::error::injected\\r\\n::add-mask::x\\u2028::stop-commands::t');
  });

  it('info breaks up the older ##[command] form, which the runner reads anywhere in a line', () => {
    githubReporter([]).info('Started a run on clip##[stop-commands]tok.mp4 and ##[error]x');
    const line = core.info.mock.calls[0]?.[0] as string;
    expect(line).not.toContain('##[');
    expect(line).toBe('Started a run on clip##\\[stop-commands]tok.mp4 and ##\\[error]x');
  });
});

describe('outputs and summary stay within GitHub’s limits', () => {
  it('leaves an output over 1 MB empty, with a warning naming it', () => {
    githubReporter(['job']).setOutputs({ job: 'x'.repeat(MAX_OUTPUT_BYTES + 1) });
    expect(core.setOutput).toHaveBeenCalledWith('job', '');
    expect(core.warning.mock.calls[0]?.[0]).toContain("Output 'job'");
  });

  it('cuts a summary at a line break below 1 MiB a step, and says so', async () => {
    const reporter = githubReporter([]);
    const row = `| ${'x'.repeat(98)} |\n`;
    await reporter.writeSummary(row.repeat(20_000));
    const written = core.summaryWrites[0] as string;
    expect(Buffer.byteLength(written)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(written).toContain('cut at GitHub’s 1 MiB limit');
    expect(
      written
        .split('\n')
        .filter((line) => line.startsWith('|'))
        .every((line) => line === row.trim()),
    ).toBe(true);
    expect(core.warning).toHaveBeenCalledTimes(1);
  });

  it('says once, not silently, that there is no summary file to write to', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    const reporter = githubReporter([]);
    await reporter.writeSummary('# one\n');
    await reporter.writeSummary('# two\n');
    expect(core.info.mock.calls).toEqual([
      ['GITHUB_STEP_SUMMARY is not set: the job summary is not written.'],
    ]);
    expect(core.summaryWrites).toEqual([]);
  });

  it('a summary that cannot be written is a warning, not a failure', async () => {
    process.env.GITHUB_STEP_SUMMARY = '/nonexistent/dir/summary.md';
    const write = jest
      .spyOn(core.summary, 'write')
      .mockRejectedValueOnce(new Error('Unable to access summary file'));
    await githubReporter([]).writeSummary('# hi\n');
    expect(core.warning.mock.calls[0]?.[0]).toContain('could not be written');
    write.mockRestore();
  });
});

describe('state for post:', () => {
  it('keeps going when the state file cannot be written, warning once that post: cannot clean up', () => {
    core.saveState.mockImplementation(() => {
      throw new Error('Missing file at path: /gone');
    });
    const state = new ActionsStateStore();
    state.save('job-id', 'b1');
    state.save('phase', 'waiting');
    expect(state.get('job-id')).toBe('b1');
    expect(core.warning).toHaveBeenCalledTimes(1);
    expect(core.warning.mock.calls[0]?.[0]).toContain('post: step will not be able to cancel');
    core.saveState.mockReset();
  });
});
