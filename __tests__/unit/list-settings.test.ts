import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { BASE_INPUTS, resetInputs, inputError } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { readListSettings: getListSettings } = await import('../../src/actions/list/settings.js');

const NOW = new Date('2026-11-23T12:00:00Z');

beforeEach(resetInputs);

describe('list settings', () => {
  it.each(['10.5', '0', '1001'])('refuses a limit of %s: a whole number from 1 to 1000', (limit) => {
    core.setInputs({ ...BASE_INPUTS, limit });
    const error = inputError(() => getListSettings(NOW));
    expect(error.input).toBe('limit');
    expect(error.message).toContain('from 1 to 1000');
  });

  it('refuses a since before 2000, naming the input and the range', () => {
    core.setInputs({ ...BASE_INPUTS, since: '-99999999d' });
    const error = inputError(() => getListSettings(NOW));
    expect(error.input).toBe('since');
    expect(error.message).toBe(
      "Input 'since': expected a time from 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z, got '-99999999d'.",
    );
  });

  it('shows since and until in the same form when since comes after until', () => {
    core.setInputs({ ...BASE_INPUTS, since: '-1h', until: '-2h' });
    expect(inputError(() => getListSettings(NOW)).message).toBe(
      "Input 'since': expected a time before until, but since '-1h' (2026-11-23T11:00:00Z) comes after " +
        "until '-2h' (2026-11-23T10:00:00Z).",
    );
  });

  it('maps order to the API words', () => {
    core.setInputs({ ...BASE_INPUTS, order: 'asc' });
    expect(getListSettings(NOW).order).toBe('Asc');
  });
});
