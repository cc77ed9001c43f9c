import { describe, expect, it } from '@jest/globals';
import { readKeyList } from '../../src/objects/keys.js';

/** A line of the objects file the main step writes. */
const line = (object: string, runId = '') =>
  JSON.stringify({
    object,
    runId,
    state: 'Failed',
    task: 'Transcode_1',
    code: 'X',
    message: '{"a"}',
    createTime: '',
  });

describe('a list of object keys', () => {
  it('takes each non-blank line as a key, as given: spaces kept, CRLF and blank lines dropped', () => {
    const list = readKeyList(' a b.mp4 \r\nc+d.mp4\n\n   \n\t\n视频/🎬.mp4\n');
    expect(list).toEqual({
      keys: [' a b.mp4 ', 'c+d.mp4', '视频/🎬.mp4'],
      format: 'lines',
      earlierRunIds: new Set(),
    });
  });

  it('keeps a key given twice once, in the order first given', () => {
    expect(readKeyList('b.mp4\na.mp4\nb.mp4\na.mp4\n').keys).toEqual(['b.mp4', 'a.mp4']);
  });

  it("reads the main step's objects file as JSON Lines: the keys, and the failed runs' ids", () => {
    const text = `${line('x/1.mp4', 'i1')}\n${line('x/2 "q".mp4', 'i2')}\n\n${line('x/1.mp4', 'i3')}\n`;
    expect(readKeyList(text)).toEqual({
      keys: ['x/1.mp4', 'x/2 "q".mp4'],
      format: 'json-lines',
      earlierRunIds: new Set(['i1', 'i2', 'i3']),
    });
  });

  it('keeps a key with a line break or leading spaces that only JSON can carry', () => {
    expect(readKeyList(`${line('a\nb.mp4')}\n${line('  c.mp4')}`).keys).toEqual(['a\nb.mp4', '  c.mp4']);
  });

  it('reads every line as a key when any line is not such a JSON object', () => {
    const text = `${line('x/1.mp4')}\nplain.mp4\n`;
    expect(readKeyList(text)).toMatchObject({ keys: [line('x/1.mp4'), 'plain.mp4'], format: 'lines' });
    for (const other of ['{"object": 1}', '{"object": ""}', '["x"]', '{"name":"x"}', '{not json']) {
      expect(readKeyList(`${line('x/1.mp4')}\n${other}`).format).toBe('lines');
    }
  });

  it('finds no key in blank text', () => {
    expect(readKeyList('\n \r\n').keys).toEqual([]);
  });
});
