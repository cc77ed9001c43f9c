/// <reference lib="dom" />
// `npm run render-summary [-- summary.md [out.png]]`: render a job summary as GitHub shows it, Mermaid
// diagrams included, to a PNG (docs/summary.png by default). Without a Markdown file it runs the demo
// (`scripts/demo.ts`, the bundle against the emulator) and renders that step's summary.
//
// Needs Chromium from Debian (`apt-get install -y chromium`); nothing is fetched from the network:
// the page is built here and Mermaid's browser bundle is inlined from node_modules. Exits non-zero
// when a diagram did not render (no <svg>, or Mermaid's "Syntax error" in its place).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const [inputArg, outputArg] = process.argv.slice(2);
const output = resolve(outputArg ?? join(ROOT, 'docs/summary.png'));

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The demo's summary Markdown, written by `scripts/demo.ts` through DEMO_SUMMARY_FILE. */
function demoSummary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'render-summary-'));
  const file = join(dir, 'summary.md');
  try {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const run = spawnSync(tsx, [join(ROOT, 'scripts/demo.ts')], {
      cwd: ROOT,
      env: { ...process.env, DEMO_SUMMARY_FILE: file },
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      process.stderr.write(run.stdout + run.stderr);
      throw new Error(`the demo failed (exit code ${run.status}); see its output above`);
    }
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** GitHub-flavoured Markdown to HTML: ```mermaid blocks become Mermaid containers, raw HTML is shown as text. */
function toHtml(markdown: string): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      code({ text, lang }) {
        if (lang === 'mermaid')
          return `<div class="mermaid-box"><pre class="mermaid">${escapeHtml(text)}</pre></div>\n`;
        return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
      },
      html({ text }) {
        return escapeHtml(text);
      },
    },
  });
  return marked.parse(markdown, { async: false });
}

const FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, ' +
  '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';

// The parts of GitHub's markdown-body (light theme) a summary uses, inside the job-summary frame.
const CSS = `
  body { margin: 0; padding: 24px; background: #f6f8fa; font-family: ${FONT}; color: #1f2328; }
  .summary { max-width: 880px; margin: 0 auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .summary > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-size: 14px; font-weight: 600; }
  .markdown-body { padding: 16px 24px 24px; font-size: 14px; line-height: 1.5; word-wrap: break-word; }
  .markdown-body > :first-child { margin-top: 0 !important; }
  h1, h2, h3, h4, h5, h6 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
  h3 { font-size: 1.25em; } h4 { font-size: 1em; }
  p, table, pre, .mermaid-box { margin: 0 0 16px; }
  code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
    font-size: 85%; padding: 0.2em 0.4em; background: rgba(129, 139, 152, 0.12); border-radius: 6px; }
  pre { padding: 16px; overflow: auto; background: #f6f8fa; border-radius: 6px; }
  pre code { padding: 0; background: none; font-size: 85%; }
  table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  th { font-weight: 600; }
  tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
  tr:nth-child(2n) { background: #f6f8fa; }
  .mermaid-box { padding: 8px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; }
  pre.mermaid { margin: 0; padding: 0; background: none; text-align: center; }
`;

function page(body: string, mermaidJs: string): string {
  // `</script` cannot occur inside the inlined bundle without ending the element early.
  const inline = mermaidJs.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Job summary</title><style>${CSS}</style></head>
<body><div class="summary"><header>cos-workflow-trigger summary</header>
<article class="markdown-body">${body}</article></div>
<script>${inline}</script>
<script>
  window.renderResult = (async () => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default',
      fontFamily: ${JSON.stringify(FONT)}, gantt: { useWidth: 830 } });
    const errors = [];
    try { await mermaid.run({ querySelector: 'pre.mermaid', suppressErrors: false }); }
    catch (error) { errors.push(String(error && error.message || error)); }
    return errors;
  })();
</script>
</body></html>`;
}

const markdown = inputArg ? readFileSync(resolve(inputArg), 'utf8') : demoSummary();
console.log(markdown);
const mermaidJs = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');
const html = page(toHtml(markdown), mermaidJs);

const profile = mkdtempSync(join(tmpdir(), 'render-summary-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 960, height: 600 },
  deviceScaleFactor: 2,
});
let failures: string[] = [];
try {
  // Nothing leaves the machine: the page is set from a string, and any request is refused.
  await context.route('**/*', (route) => route.abort());
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.setContent(html, { waitUntil: 'load' });
  const errors = await tab.evaluate(
    () => (window as unknown as { renderResult: Promise<string[]> }).renderResult,
  );
  const boxes = await tab.$$eval('pre.mermaid', (nodes) =>
    nodes.map((node) => {
      // The text a reader sees: Mermaid's error diagram says "Syntax error in text"; styles are not text.
      const copy = node.cloneNode(true) as Element;
      copy.querySelectorAll('style').forEach((style) => style.remove());
      return { svg: node.querySelector('svg') !== null, text: copy.textContent ?? '' };
    }),
  );
  failures = [...errors];
  if (markdown.includes('```mermaid') && boxes.length === 0)
    failures.push('no Mermaid container on the page');
  boxes.forEach((box, i) => {
    if (!box.svg) failures.push(`diagram ${i + 1}: no <svg> was drawn`);
    if (/syntax error|parse error/i.test(box.text))
      failures.push(`diagram ${i + 1}: ${box.text.trim().slice(0, 200)}`);
  });
  mkdirSync(dirname(output), { recursive: true });
  await tab.locator('.summary').screenshot({ path: output });
  console.log(`${boxes.length} diagram(s) rendered into ${output}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`Mermaid did not render:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
}
