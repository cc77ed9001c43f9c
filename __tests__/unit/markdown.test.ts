import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import {
  CELL_CHARACTERS,
  codeSpan,
  literal,
  markdownTable,
  stateCell,
  stateLabel,
} from '../../src/report/markdown.js';

describe('literal: a value from an answer in the summary', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '[click](https://evil.example)',
    '</details><script>x</script>',
    '**bold** _it_ # heading',
    'a\r# heading after a CR',
    'tick ` and ``double``',
  ];

  it.each(hostile)('renders %p as text, never as markup', async (text) => {
    const html = await marked.parse(markdownTable(['a'], [[literal(text)]]));
    expect(html).not.toMatch(/<img|<a |<\/details>|<script|<strong>|<em>|<h1/);
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html).toContain('<code>');
  });

  it(`cuts a long value to a cell's length (${CELL_CHARACTERS} characters) on one line`, () => {
    const span = literal(`${'x'.repeat(1_000_000)}\n`);
    expect(span.length).toBeLessThanOrEqual(CELL_CHARACTERS + 2);
    expect(span).toMatch(/^`x+…`$/);
    expect(literal('')).toBe('');
  });

  it('shows a known state with its glyph, any other state as the text it is', () => {
    expect(stateCell('Failed')).toBe('❌ Failed');
    expect(stateCell('<b>Paused</b>')).toBe('`<b>Paused</b>`');
  });
});

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

  it('keeps a row whole whatever its cells hold: pipes, LF, a lone CR', async () => {
    const html = await marked.parse(markdownTable(['a', 'b'], [['x | y', 'one\rtwo\nthree']]));
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html.match(/<td>/g)).toHaveLength(2);
  });
});
