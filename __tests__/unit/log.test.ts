import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';

jest.unstable_mockModule('@actions/core', () => core);
const { log } = await import('../../src/github/log.js');

beforeEach(() => {
  jest.clearAllMocks();
});

describe('log lines outside a step reporter', () => {
  const hostile = 'videos/a.mp4\n::error::injected\r\n::add-mask::x\u2028::stop-commands::t';

  it('a printed block escapes each of its lines too', () => {
    log.block('Dry run', ['<Object>a', `b${hostile}`]);
    for (const [line] of core.info.mock.calls) expect(line).not.toMatch(/[\r\n]/);
    expect(core.startGroup).toHaveBeenCalledWith('Dry run');
    expect(core.endGroup).toHaveBeenCalled();
  });

  it('info escapes the line breaks of a value, so it cannot start a workflow command', () => {
    log.info(`Received ${hostile}`);
    expect(core.info).toHaveBeenCalledTimes(1);
    expect(core.info.mock.calls[0]?.[0]).not.toMatch(/[\r\n\u2028]/);
  });

  it('cuts a line of a megabyte to 64 KB at most, in info, warnings, debug lines and the failure', () => {
    const message = `Job ended Failed: ${'m%\n'.repeat(350_000)}`;
    log.info(message);
    log.warning(message);
    log.debug(message);
    log.fail(message);
    const written = [core.info, core.warning, core.debug, core.setFailed].map((fn) =>
      String(fn.mock.calls[0]?.[0]),
    );
    for (const text of written) {
      expect(text.startsWith('Job ended Failed: m%')).toBe(true);
      expect(text).toMatch(/… \(cut: \d+ more characters\)$/);
      // As written to the log: a workflow command escapes %, CR and LF to three bytes each.
      const escaped = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
      expect(Buffer.byteLength(escaped) + '::warning::'.length).toBeLessThanOrEqual(64 * 1024);
    }
    log.info('short');
    expect(core.info).toHaveBeenLastCalledWith('short');
  });

  it('hides a secret through the runner, and fails the step with one error annotation', () => {
    log.mask('s3cr3t');
    log.fail("Input 'bucket': required.");
    expect(core.setSecret).toHaveBeenCalledWith('s3cr3t');
    expect(core.setFailed).toHaveBeenCalledWith("Input 'bucket': required.");
    expect(core.error).not.toHaveBeenCalled();
  });
});
