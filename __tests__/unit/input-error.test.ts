import { describe, expect, it } from '@jest/globals';
import { InputError, withoutUserinfo } from '../../src/github/input-error.js';

describe('InputError', () => {
  it('names the input, what was expected and what was given', () => {
    const error = new InputError('limit', 'a whole number from 1 to 1000', '10.5');
    expect(error.message).toBe("Input 'limit': expected a whole number from 1 to 1000, got '10.5'.");
    expect(error).toMatchObject({ name: 'InputError', input: 'limit', given: '10.5' });
  });

  it.each([
    ['https://user:s3cret@ci.example.com:99999', 'https://…@ci.example.com:99999'],
    ['https://user:pa ss@ci.example.com', 'https://…@ci.example.com'],
    ['https://user:p@s/s?#@host/x', 'https://…@host/x'],
    ['user:s3cret@ci.example.com', '…@ci.example.com'],
    ['sts.example.com', 'sts.example.com'],
  ])('never echoes the userinfo of %p, URL or not', (given, shown) => {
    expect(withoutUserinfo(given)).toBe(shown);
    const error = new InputError('endpoint', 'an https:// base URL', given);
    expect(error.given).toBe(shown);
    expect(error.message).toContain(`got '${shown}'`);
  });

  it('says only what is needed for an input that is missing or secret', () => {
    expect(new InputError('secret-key', 'required: set the input').message).toBe(
      "Input 'secret-key': required: set the input.",
    );
  });
});
