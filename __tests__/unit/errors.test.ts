import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../src/ci/errors.js';

describe('ApiError', () => {
  it('says the code, the message, the status and the request id, to quote to support', () => {
    const error = new ApiError(403, 'AccessDenied', 'no permission', 'NjJhOTg4YzRf');
    expect(error.message).toBe('AccessDenied: no permission (HTTP 403, request id NjJhOTg4YzRf)');
    expect(error.name).toBe('ApiError');
  });

  it('leaves out a message or request id the answer did not give', () => {
    expect(new ApiError(500, 'InternalError', '', '').message).toBe('InternalError (HTTP 500)');
  });
});
