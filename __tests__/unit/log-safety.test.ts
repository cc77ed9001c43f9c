import { describe, expect, it } from '@jest/globals';
import { boundedLine, logLine, MAX_LOG_LINE_BYTES, oneLine } from '../../src/github/log-safety.js';

describe('oneLine', () => {
  it('escapes every line break a log line can hold, so that a value cannot start a line of its own', () => {
    const hostile = 'a.mp4\n::error::x\r\n::add-mask::y\u0085::warning::z\u2028::debug::w\u2029::group::v';
    const line = oneLine(hostile);
    expect(line).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
    expect(line).toBe(
      'a.mp4\\n::error::x\\r\\n::add-mask::y\\u0085::warning::z\\u2028::debug::w\\u2029::group::v',
    );
  });

  it('breaks up the older ##[command] form wherever it is, and leaves other text alone', () => {
    expect(oneLine('clip##[error]x ##[set-output name=a]b')).toBe(
      'clip##\\[error]x ##\\[set-output name=a]b',
    );
    expect(oneLine('Job b1 is Running (5s since start): ## [a] :: 视频 😀')).toBe(
      'Job b1 is Running (5s since start): ## [a] :: 视频 😀',
    );
  });
});

describe('boundedLine and logLine', () => {
  it('leave a line of ordinary length as it is', () => {
    const line = `Job b1 is Running: ${'x'.repeat(10_000)}`;
    expect(boundedLine(line)).toBe(line);
    expect(logLine(line)).toBe(line);
  });

  it.each([
    ['plain text', 'x'],
    ['escaped by a workflow command (%, CR, LF)', '%\r\n'],
    ['escaped to six characters by oneLine', '\u2028'],
    ['of four UTF-8 bytes', '😀'],
  ])('cut a megabyte %s to one line within 64 KB, saying how much was cut', (_, unit) => {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const cut = boundedLine(text);
    expect(cut).toMatch(/… \(cut: \d+ more characters\)$/);
    const asCommand = cut.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    expect(Buffer.byteLength(asCommand)).toBeLessThanOrEqual(MAX_LOG_LINE_BYTES);
    expect(Buffer.byteLength(logLine(text))).toBeLessThanOrEqual(MAX_LOG_LINE_BYTES);
    expect(logLine(text)).not.toMatch(/[\r\n\u2028]/);
  });
});
