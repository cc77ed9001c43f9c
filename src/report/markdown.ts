import { isJobState } from '../ci/types.js';

const GLYPHS: Record<string, string> = {
  Success: '✅',
  Failed: '❌',
  Cancel: '⏹',
  Submitted: '⏳',
  Running: '⏳',
  Pause: '⏸',
};

/** How long a value from an answer may be in a table cell (a job's message, a name, a code). */
export const CELL_CHARACTERS = 300;

/** A glyph beside the state's name, never instead of it: the word is what people search for. */
export function stateLabel(state: string): string {
  const glyph = GLYPHS[state];
  return glyph ? `${glyph} ${state}` : state;
}

/** A state as a summary shows it: a known one with its glyph, any other as the literal text it is. */
export function stateCell(state: string): string {
  return isJobState(state) ? stateLabel(state) : literal(state, 40);
}

/** Cut to `max` characters, line breaks as spaces: one line of a table or an annotation. */
export function clipToLine(text: string, max: number): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A value from an answer (a job's name, code or message, an object key, an id) as the summary
 * shows it, the one way: on one line, cut to `max` characters, in a code span. Inside a code span
 * nothing is markup: not `<img>`, `[text](link)`, `</details>` nor a heading; a line break cannot
 * end a table row.
 */
export function literal(text: string, max = CELL_CHARACTERS): string {
  return codeSpan(clipToLine(text, max));
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
  // A lone CR ends a line in Markdown as LF does: either would end the row.
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
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
