/** A wrong input: names it, says what was expected and what was given (never a secret's value). */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** What the user gave, as shown: without credentials; undefined for a missing input or a secret. */
  readonly given?: string;
  constructor(
    readonly input: string,
    readonly expected: string,
    given?: string,
  ) {
    const shown = given === undefined ? undefined : withoutUserinfo(given);
    super(
      shown === undefined
        ? `Input '${input}': ${expected}.`
        : `Input '${input}': expected ${expected}, got '${shown}'.`,
    );
    this.given = shown;
  }
}

/**
 * The one redaction of an input echoed in an error: a `user:password@` part (a URL's userinfo) is
 * taken out, whether or not the value parses as a URL (a port out of range, a space in it). Past
 * the `//` (or from the start without one), everything up to the last `@` goes: a password may
 * hold `@`, `/` or a space, and an error that says less is better than one that leaks.
 */
export function withoutUserinfo(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  const slashes = text.indexOf('//');
  const from = slashes >= 0 && slashes < at ? slashes + 2 : 0;
  return `${text.slice(0, from)}…${text.slice(at)}`;
}
