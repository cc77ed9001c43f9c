/**
 * What a step loads is what it needs (README › Performance): nothing for HTTP, signing or XML
 * reading before the first request, and undici only behind a proxy. Checked on the bundle through
 * the Node built-ins the process loads, which each of those brings in.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runStep, type StepOptions } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from './fixtures.js';

const emulator = useEmulator();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-up-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The step's run, and the built-ins it loaded. */
async function loadedBy(options: StepOptions): Promise<{ code: number | null; modules: string[] }> {
  const file = join(dir, 'modules');
  const run = await runStep({
    ...options,
    env: {
      ...options.env,
      NODE_OPTIONS: `--import ${join(ROOT, '__fixtures__/loaded-modules.mjs')}`,
      LOADED_MODULES_FILE: file,
    },
  });
  return { code: run.code, modules: readFileSync(file, 'utf8').split('\n') };
}

// Not `net`: the runner's stdout is a pipe, which Node writes through net.Socket.
const HTTP_AND_SIGNING = ['http', 'https', 'tls', 'crypto'];
/** What importing undici loads besides http, https and net. */
const UNDICI = ['http2', 'zlib', 'worker_threads', 'tls'];

const inputs = (extra: Record<string, string>) => ({
  ...commonInputs(emulator()),
  'workflow-id': WORKFLOW_ID,
  object: 'videos/a.mp4',
  ...extra,
});

describe('what a step loads', () => {
  it('a dry run loads no HTTP client and no crypto module', async () => {
    const { code, modules } = await loadedBy({ inputs: inputs({ 'dry-run': 'true' }) });
    expect(code).toBe(0);
    expect(modules.filter((name) => HTTP_AND_SIGNING.includes(name))).toEqual([]);
  });

  it('a step that fails on its inputs loads no HTTP client either', async () => {
    const { code, modules } = await loadedBy({ inputs: inputs({ 'poll-interval': 'soon' }) });
    expect(code).toBe(1);
    expect(modules.filter((name) => HTTP_AND_SIGNING.includes(name))).toEqual([]);
  });

  it('a create against an http endpoint loads node:http and crypto, not https or undici', async () => {
    const { code, modules } = await loadedBy({ inputs: inputs({ wait: 'false' }) });
    expect(code).toBe(0);
    expect(modules).toEqual(expect.arrayContaining(['http', 'crypto']));
    expect(modules.filter((name) => name === 'https' || UNDICI.includes(name))).toEqual([]);
  });

  it('behind a proxy, undici is what connects', async () => {
    const { code, modules } = await loadedBy({
      inputs: inputs({ wait: 'false' }),
      // The proxy is not reached (NO_PROXY covers the emulator); loading undici is what is shown.
      env: { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1' },
    });
    expect(code).toBe(0);
    expect(modules).toEqual(expect.arrayContaining(['http2']));
  });
});
