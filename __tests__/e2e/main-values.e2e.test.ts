import { describe, expect, it } from '@jest/globals';
import { runStep } from '../../test-support/github-runner.js';
import {
  everythingShown,
  SECRET_KEY,
  SESSION_TOKEN,
  tokenInputs,
  useEmulator,
} from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator({ sessionToken: SESSION_TOKEN });

function inputs(extra: Record<string, string>) {
  return tokenInputs(emulator(), { wait: 'false', ...extra });
}

async function createdRequest(extra: Record<string, string>) {
  const run = await runStep({ inputs: inputs(extra) });
  expect(run.errors).toEqual([]);
  const job = emulator()
    .jobs()
    .find((candidate) => candidate.id === run.outputs['job-id']);
  if (!job) throw new Error(`no job was created: ${run.stdout}`);
  return job.request;
}

describe('object keys', () => {
  it.each([
    ['object', 'Object', `视频/节目 01 & "预告" <final> 'cut'.mp4`],
    ['prefix', 'Prefix', 'raw/2026 11/ümlaut+plus=eq&amp;#hash?q/🎬/'],
    ['manifest', 'Manifest', 'inventory/media-1250000000/daily/2026-11-22/manifest.json'],
    ['url-file', 'UrlFile', 'lists/urls & more <1>.txt'],
  ])('%s with Unicode and XML special characters reaches the service unchanged', async (input, kind, key) => {
    expect(await createdRequest({ [input]: key })).toMatchObject({ input: { kind, value: key } });
  });
});

describe('the upload-time window', () => {
  const NOW_TOLERANCE_S = 120;

  it.each([
    ['ISO 8601 with Z', '2026-11-01T00:00:00Z', '2026-11-01T08:00:00+0800'],
    ['ISO 8601 with an offset', '2026-11-01T08:00:00+08:00', '2026-11-01T08:00:00+0800'],
    ["the API's own form", '2026-11-01T08:00:00+0800', '2026-11-01T08:00:00+0800'],
    ['another offset', '2026-10-31T20:00:00-04:00', '2026-11-01T08:00:00+0800'],
    ['fractional seconds', '2026-11-01T00:00:00.750Z', '2026-11-01T08:00:00+0800'],
  ])('accepts %s and sends the API form in Beijing time', async (_notation, given, sent) => {
    const request = await createdRequest({
      prefix: 'v/',
      'start-time': given,
      'end-time': '2026-11-02T00:00:00Z',
    });
    expect(request.timeInterval).toEqual({ start: sent, end: '2026-11-02T08:00:00+0800' });
  });

  it.each([
    ['-24h', 24 * 3600],
    ['-7d', 7 * 86400],
    ['-90m', 90 * 60],
    ['now', 0],
  ])('accepts the relative time %s, before now', async (given, secondsAgo) => {
    const request = await createdRequest({ prefix: 'v/', 'start-time': given });
    const start = request.timeInterval?.start ?? '';
    expect(start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0800$/);
    const sentSecondsAgo = (Date.now() - Date.parse(start.replace('+0800', '+08:00'))) / 1000;
    expect(Math.abs(sentSecondsAgo - secondsAgo)).toBeLessThan(NOW_TOLERANCE_S);
    expect(request.timeInterval?.end).toBeUndefined();
  });

  it('sends no TimeInterval without a window', async () => {
    expect((await createdRequest({ prefix: 'v/' })).timeInterval).toBeUndefined();
  });
});

describe('secrets', () => {
  it('never appear in the log, outputs, state or summary with step debug logging on, on any path', async () => {
    const runs = await Promise.all([
      runStep({
        inputs: inputs({ prefix: 'ok/', wait: 'true', 'poll-interval': '1s' }),
        env: { RUNNER_DEBUG: '1' },
      }),
      runStep({ inputs: inputs({ prefix: 'ok/', 'dry-run': 'true' }), env: { RUNNER_DEBUG: '1' } }),
      runStep({ inputs: inputs({ prefix: 'ok/', bucket: 'bad' }), env: { RUNNER_DEBUG: '1' } }),
      runStep({ inputs: inputs({ prefix: 'ok/', 'session-token': '' }), env: { RUNNER_DEBUG: '1' } }),
    ]);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 1, 1]);
    expect(runs[0]?.stdout).toContain('::debug::');
    expect(runs[3]?.stdout).toContain('::debug::');
    for (const run of runs) {
      const shown = everythingShown(run);
      expect(shown).not.toContain(SECRET_KEY);
      expect(shown).not.toContain(SESSION_TOKEN);
      expect(shown).not.toMatch(/q-signature|q-sign-algorithm|authorization/i);
    }
    // The debug log shows each request: method, path, status, request id, milliseconds.
    expect(runs[0]?.stdout).toMatch(
      /::debug::POST \/inventorytriggerjob → 200 \(request id [^)]+\) in \d+ ms/,
    );
  });

  it('are masked at once: the runner is told to hide the key and the token before anything else', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'ok/' }) });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`::add-mask::${SECRET_KEY}`);
    expect(lines[1]).toBe(`::add-mask::${SESSION_TOKEN}`);
  });
});
