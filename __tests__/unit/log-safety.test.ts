import { describe, expect, it } from '@jest/globals';
import { oneLine } from '../../src/github/log-safety.js';

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
