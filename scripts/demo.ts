// `npm run demo`: start the CI emulator on loopback, then run the committed dist/index.js exactly
// as the GitHub runner does (Node 24, INPUT_* with the action.yml defaults, the runner's files) for
// a prefix job that reaches Success. Prints the step's log, its outputs and its summary.
import { writeFileSync } from 'node:fs';
import { runStep } from '../test-support/github-runner.js';
import { startEmulator } from '../emulator/index.js';

const credentials = { secretId: 'AKIDdemo0000000000000000', secretKey: 'demo-secret-key' };
const emulator = await startEmulator({
  ...credentials,
  schedule: { queuedMs: 1500, runningMs: 4000, final: 'Success' },
});
const section = (title: string) =>
  console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}\x1b[0m`);

try {
  section(`CI emulator at ${emulator.url}; running dist/index.js under Node 24`);
  const run = await runStep({
    inputs: {
      'secret-id': credentials.secretId,
      'secret-key': credentials.secretKey,
      bucket: 'media-1250000000',
      region: 'ap-guangzhou',
      endpoint: emulator.url,
      'workflow-id': 'w5f3e9a0c1b2d4e6f8a9b0c1d2e3f4a5b',
      prefix: 'uploads/2026-11-22/',
      'start-time': '-24h',
    },
  });
  section('step log (as the runner shows it; DEMO_DEBUG=1 for the debug lines too)');
  const shown = run.stdout
    .split('\n')
    .filter(
      (line) => !line.startsWith('::add-mask::') && (process.env.DEMO_DEBUG || !line.startsWith('::debug::')),
    );
  console.log(shown.join('\n'));
  section('outputs (GITHUB_OUTPUT)');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`);
  section('job summary (GITHUB_STEP_SUMMARY)');
  console.log(run.summary);
  if (process.env.DEMO_SUMMARY_FILE) writeFileSync(process.env.DEMO_SUMMARY_FILE, run.summary);
  section(`exit code ${run.code}`);
  process.exitCode = run.code === 0 && run.outputs.state === 'Success' ? 0 : 1;
} finally {
  await emulator.close();
}
