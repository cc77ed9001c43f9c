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

/** A GitHub-flavoured table; cell text is escaped so that user data cannot break the layout. */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}
