import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/github/input-error.js';

describe('InputError', () => {
  it('names the input, what was expected and what was given', () => {
    const error = new InputError('limit', 'a whole number from 1 to 1000', '10.5');
    expect(error.message).toBe("Input 'limit': expected a whole number from 1 to 1000, got '10.5'.");
    expect(error).toMatchObject({ name: 'InputError', input: 'limit', given: '10.5' });
  });

  it('says only what is needed for an input that is missing or secret', () => {
    expect(new InputError('secret-key', 'required: set the input').message).toBe(
      "Input 'secret-key': required: set the input.",
    );
  });
});
