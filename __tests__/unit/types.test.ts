import { describe, expect, it } from '@jest/globals';
import { isFinalJobState, isJobId, isTaskOrRunId, readState } from '../../src/ci/types.js';

describe('the API vocabulary', () => {
  it('counts Success, Failed and Cancel as final, and not Pause, which may be resumed', () => {
    expect(['Success', 'Failed', 'Cancel'].map(isFinalJobState)).toEqual([true, true, true]);
    expect(['Submitted', 'Running', 'Pause', 'success', ''].map(isFinalJobState)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('takes as a job id only b and 32 lower-case hex characters, which are safe in a path', () => {
    expect(isJobId('b' + '0123456789abcdef'.repeat(2))).toBe(true);
    for (const id of [
      'b' + 'A'.repeat(32),
      'b' + '0'.repeat(31),
      '../../inventorytriggerjob',
      'b' + '0'.repeat(32) + '\n',
    ]) {
      expect(isJobId(id)).toBe(false);
    }
  });

  it('reads a known state with stray white space as that state, and keeps any other text as sent', () => {
    expect(['Success ', ' Failed', 'Running\n', 'Cancel'].map(readState)).toEqual([
      'Success',
      'Failed',
      'Running',
      'Cancel',
    ]);
    expect(['success', 'Paused ', ''].map(readState)).toEqual(['success', 'Paused ', '']);
  });

  it('takes as a run or media job id one path segment of letters and digits', () => {
    expect(isTaskOrRunId('j8d1f6b2c0a9e4f7b8c3d2e1f0a9b8c7d')).toBe(true);
    for (const id of ['', '../jobs', 'j1?x=1', 'j'.repeat(65)]) expect(isTaskOrRunId(id)).toBe(false);
  });
});
