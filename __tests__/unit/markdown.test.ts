import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { codeSpan, markdownTable, stateLabel } from '../../src/report/markdown.js';

describe('codeSpan', () => {
  it.each(['plain', '`', '``x``', ' lead and trail ', 'a ` b', '```'])('holds %p exactly', async (text) => {
    const html = await marked.parseInline(codeSpan(text));
    const inner = /^<code>([\s\S]*)<\/code>$/.exec(html)?.[1];
    expect(inner?.replace(/&quot;/g, '"').replace(/&amp;/g, '&')).toBe(text);
  });
});

describe('stateLabel', () => {
  it('puts a glyph beside a known state, never instead of its name, and leaves another state as it is', () => {
    expect(stateLabel('Failed')).toBe('❌ Failed');
    expect(stateLabel('Success')).toBe('✅ Success');
    expect(stateLabel('Paused')).toBe('Paused');
  });
});

describe('markdownTable', () => {
  it('writes a header, its rule and one line per row, each cell kept to its column and its line', () => {
    const table = markdownTable(['Object', 'Message'], [['a|b.mp4', 'line one\r\nline two']]);
    expect(table.split('\n')).toEqual([
      '| Object | Message |',
      '| --- | --- |',
      '| a\\|b.mp4 | line one line two |',
    ]);
  });

  it('renders as a table of those cells, whatever the cells hold', () => {
    const html = marked.parse(markdownTable(['Key'], [['x | y'], ['`a|b`']]), { async: false });
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).toContain('<td>x | y</td>');
  });
});
