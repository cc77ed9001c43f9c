/**
 * A log line the runner reads as a workflow command starts with `::` (after any spaces), or holds
 * the older `##[command]` form anywhere in it. Values from answers and inputs (keys, names, job ids,
 * messages) may hold line breaks; escaped, they can never start a line of their own, and a `##[`
 * in them is broken up (`##\[`) so that it cannot be read as a command either.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\u0085\u2028\u2029]/g, (character) => ESCAPES[character] ?? '')
    .replace(/##\[/g, '##\\[');
}

const ESCAPES: Record<string, string> = {
  '\r': '\\r',
  '\n': '\\n',
  '\u0085': '\\u0085',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
