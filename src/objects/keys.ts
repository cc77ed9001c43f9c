/**
 * The object keys a `trigger-workflow/` step runs on, from the `objects` input or an `objects-file`:
 * one key a line, or the JSON Lines the main step and `wait/` write (`objects-file`), so that the
 * failures of one step are the input of the next.
 */

/** The most keys one step runs on; more is a job for the main step (`prefix`, `manifest`, `url-file`). */
export const MAX_KEYS = 1000;

export interface KeyList {
  /** Distinct keys, each as given, in the order first given. */
  keys: string[];
  /** How the text was read. */
  format: 'lines' | 'json-lines';
  /**
   * Run ids the JSON Lines name (the runs that failed before): a look-up after a lost trigger
   * never takes one of them for the run it started.
   */
  earlierRunIds: Set<string>;
}

/** A line of only spaces and tabs holds no key: a YAML block's indentation, a file's trailing line. */
const isBlank = (line: string) => /^[ \t]*$/.test(line);

/** A line of the JSON Lines form: an object with a non-empty string `object`. */
function jsonLineOf(line: string): { object: string; runId?: unknown } | undefined {
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const { object, runId } = value as Record<string, unknown>;
    return typeof object === 'string' && object !== '' ? { object, runId } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a list of keys. The text is JSON Lines when every non-blank line is a JSON object with a
 * string `object`; otherwise each non-blank line is a key, taken as given (not trimmed). Lines end
 * in LF or CRLF. A key given twice is kept once.
 */
export function readKeyList(text: string): KeyList {
  const lines = text.split(/\r?\n/).filter((line) => !isBlank(line));
  const parsed = lines.map(jsonLineOf);
  const jsonLines = parsed.length > 0 && parsed.every((line) => line !== undefined);
  const earlierRunIds = new Set<string>();
  const keys = new Set<string>();
  if (jsonLines) {
    for (const line of parsed) {
      keys.add(line!.object);
      if (typeof line!.runId === 'string' && line!.runId !== '') earlierRunIds.add(line!.runId);
    }
  } else {
    for (const line of lines) keys.add(line);
  }
  return { keys: [...keys], format: jsonLines ? 'json-lines' : 'lines', earlierRunIds };
}
