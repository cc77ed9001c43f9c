import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { CELL_CHARACTERS, literal, markdownTable, stateCell } from '../../src/report/markdown.js';

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

describe('markdownTable', () => {
  it('keeps a row whole whatever its cells hold: pipes, LF, a lone CR', async () => {
    const html = await marked.parse(markdownTable(['a', 'b'], [['x | y', 'one\rtwo\nthree']]));
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html.match(/<td>/g)).toHaveLength(2);
  });
});
