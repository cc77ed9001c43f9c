/** A wrong input: names it, says what was expected and what was given (never a secret's value). */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly input: string,
    readonly expected: string,
    /** What the user gave, already safe to print; undefined for a missing input or a secret. */
    readonly given?: string,
  ) {
    super(
      given === undefined
        ? `Input '${input}': ${expected}.`
        : `Input '${input}': expected ${expected}, got '${given}'.`,
    );
  }
}
