const GLYPHS: Record<string, string> = {
  Success: '✅',
  Failed: '❌',
  Cancel: '⏹',
  Submitted: '⏳',
  Running: '⏳',
  Pause: '⏸',
};

/** A glyph beside the state's name, never instead of it: the word is what people search for. */
export function stateLabel(state: string): string {
  const glyph = GLYPHS[state];
  return glyph ? `${glyph} ${state}` : state;
}

/**
 * A code span that holds any text: its fence is longer than any run of backticks inside, and a
 * space pads a text that starts or ends with a backtick or a space (CommonMark strips one each side).
 */
export function codeSpan(text: string): string {
  if (text === '') return '';
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A GitHub-flavoured table; cell text is escaped so that user data cannot break the layout. */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/**
 * `text` ended as a sentence: a full stop is added unless it already ends with one (or with `!`,
 * `?`, or their CJK forms), as a message from the service often does.
 */
export function sentence(text: string): string {
  return /[.!?。！？]\s*$/.test(text) ? text.trimEnd() : `${text}.`;
}
