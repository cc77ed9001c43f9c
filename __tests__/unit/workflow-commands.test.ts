/**
 * src/runner/workflow-commands.ts speaks the runner's protocol in place of @actions/core (a
 * devDependency kept for this comparison): for the same calls, the same bytes on stdout and in the
 * runner's files, the same inputs and state read back, the same failures.
 */
import { jest } from '@jest/globals';
import * as toolkit from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ours from '../../src/runner/workflow-commands.js';

/** Deterministic strings over the characters the protocol escapes or delimits, and then some. */
function randomTexts(count: number, seed: number): string[] {
  const alphabet = [
    'a',
    'Z',
    '0',
    ' ',
    '%',
    '%25',
    '\r',
    '\n',
    '\r\n',
    ':',
    ',',
    '=',
    '::',
    '<<',
    '"',
    'é',
    '视频',
    '🎬',
    '\t',
  ];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from(
      { length: Math.floor(next() * 12) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join(''),
  );
}

const TEXTS = ['', 'plain', 'multi\nline\r\nvalue', '100% done: a, b', ...randomTexts(200, 7)];
const NAMES = ['job-id', 'state', 'name with spaces', 'a:b,c'];

let dir: string;
const savedEnv = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env = { ...savedEnv };
  process.exitCode = undefined;
  jest.restoreAllMocks();
});

/** What one implementation wrote: stdout, and the runner's files; delimiters made comparable. */
function effects(
  act: () => void,
  files: Record<string, string>,
): { stdout: string; files: Record<string, string> } {
  for (const [variable, name] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, '');
    process.env[variable] = path;
  }
  let stdout = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    act();
  } finally {
    write.mockRestore();
  }
  const written = Object.fromEntries(
    Object.values(files).map((name) => [
      name,
      readFileSync(join(dir, name), 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>'),
    ]),
  );
  return { stdout, files: written };
}

function expectSameEffects(call: (impl: typeof ours) => void, files: Record<string, string> = {}): void {
  const expected = effects(() => call(toolkit as unknown as typeof ours), files);
  const actual = effects(() => call(ours), files);
  expect(actual).toEqual(expected);
}

describe('workflow commands equal @actions/core', () => {
  it.each(NAMES)('setOutput %j writes the same GITHUB_OUTPUT lines for every value', (name) => {
    for (const value of TEXTS) {
      expectSameEffects((impl) => impl.setOutput(name, value), { GITHUB_OUTPUT: 'output' });
    }
  });

  it.each(NAMES)('saveState %j writes the same GITHUB_STATE lines for every value', (name) => {
    for (const value of TEXTS) {
      expectSameEffects((impl) => impl.saveState(name, value), { GITHUB_STATE: 'state' });
    }
  });

  it('without the runner files, outputs and state fall back to the same stdout commands', () => {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STATE;
    for (const value of TEXTS) {
      expectSameEffects((impl) => impl.setOutput('a:b,c', value));
      expectSameEffects((impl) => impl.saveState('a:b,c', value));
    }
  });

  it('debug, info, warning, error and add-mask lines are escaped the same way', () => {
    for (const text of TEXTS) {
      expectSameEffects((impl) => {
        impl.debug(text);
        impl.info(text);
        impl.warning(text);
        impl.error(text);
        impl.setSecret(text);
      });
    }
  });

  it('setFailed writes the same error annotation and sets exit code 1', () => {
    expectSameEffects((impl) => impl.setFailed('Input `bucket`: required\nsecond line'));
    expect(process.exitCode).toBe(1);
  });

  it('inputs and state are read from the same variables, spaces in names included', () => {
    process.env['INPUT_POLL-INTERVAL'] = ' 5s ';
    process.env['INPUT_SOME_NAME'] = 'x';
    process.env['STATE_job-id'] = 'b123';
    for (const name of ['poll-interval', 'some name', 'Some Name', 'missing']) {
      expect(ours.getInput(name).trim()).toBe(toolkit.getInput(name));
    }
    expect(ours.getInput('poll-interval')).toBe(' 5s '); // trimming is the readers' job
    expect(ours.getState('job-id')).toBe(toolkit.getState('job-id'));
    expect(ours.getState('phase')).toBe(toolkit.getState('phase'));
  });

  it('a missing output file fails the same way', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'gone');
    expect(() => ours.setOutput('a', 'b')).toThrow(`Missing file at path: ${join(dir, 'gone')}`);
    expect(() => toolkit.setOutput('a', 'b')).toThrow(`Missing file at path: ${join(dir, 'gone')}`);
  });
});

describe('the job summary', () => {
  it('appends the markdown exactly as core.summary.addRaw(...).write() does', async () => {
    // The toolkit's summary is a singleton that keeps the first path it used: one file per side.
    const expectedPath = join(dir, 'expected');
    const actualPath = join(dir, 'actual');
    writeFileSync(expectedPath, 'before\n');
    writeFileSync(actualPath, 'before\n');
    for (const markdown of ['### Title\n\n| a | b |\n| --- | --- |\n', '', ...TEXTS.slice(0, 50)]) {
      process.env.GITHUB_STEP_SUMMARY = expectedPath;
      await toolkit.summary.addRaw(markdown).write();
      process.env.GITHUB_STEP_SUMMARY = actualPath;
      ours.appendSummary(markdown);
    }
    expect(readFileSync(actualPath, 'utf8')).toBe(readFileSync(expectedPath, 'utf8'));
    expect(readFileSync(actualPath, 'utf8')).toContain('### Title');
  });

  it('refuses a summary file it cannot access, as the toolkit does', async () => {
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'missing', 'summary.md');
    expect(() => ours.appendSummary('x')).toThrow(/Unable to access summary file: '.*missing\/summary.md'/);
  });
});
