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

/** No line the step writes to the log is longer, however long a message from an answer is. */
export const MAX_LOG_LINE_BYTES = 64 * 1024;
/** Left for what goes around the text: `::error::`, an annotation's properties, the cut's note. */
const ROOM_BYTES = 1024;
/** What a character may take once escaped, where that is more than its UTF-8 bytes. */
const ESCAPED_BYTES: Record<string, number> = {
  '%': 3,
  '\r': 3,
  '\n': 3,
  '\u0085': 6,
  '\u2028': 6,
  '\u2029': 6,
};

/**
 * The text of one log line (a line, an annotation, a debug message), cut so that the line stays
 * within MAX_LOG_LINE_BYTES: each character counts the bytes it may take once escaped (`%`, CR and
 * LF become three in a workflow command, U+2028 six in `oneLine`).
 */
export function boundedLine(text: string): string {
  const budget = MAX_LOG_LINE_BYTES - ROOM_BYTES;
  // No UTF-16 unit costs more than six bytes: most lines need no counting.
  if (text.length * 6 <= budget) return text;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const cost = ESCAPED_BYTES[character] ?? Buffer.byteLength(character);
    if (bytes + cost > budget) {
      return `${text.slice(0, end)}… (cut: ${text.length - end} more characters)`;
    }
    bytes += cost;
    end += character.length;
  }
  return text;
}

/** A line for `core.info`, which writes its text as it is: bounded, on one line. */
export function logLine(text: string): string {
  return oneLine(boundedLine(text));
}
