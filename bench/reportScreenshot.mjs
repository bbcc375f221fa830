// images/report.png, the README's picture of the HTML incident report: `postmortem report --format html`
// of the report fixtures (test/fixtures/report) opened in headless Chromium through playwright-core (both
// from the integration harness, test/integration/harness/install.sh). Run by `npm run screenshots`
// after the build; alone: node bench/reportScreenshot.mjs [--dark]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const harness = join(root, '.vscode-test-offline', 'driver', 'node_modules', 'playwright-core');
const { chromium } = createRequire(join(harness, 'package.json'))(harness);
const dark = process.argv.includes('--dark');
const temp = mkdtempSync(join(tmpdir(), 'postmortem-report-shot-'));
try {
  const page = join(temp, 'report.html');
  execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'report', '.', '--format', 'html', '--by', 'severity', '--today', '2026-05-01', '--output', page], {
    cwd: join(root, 'test', 'fixtures', 'report'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, colorScheme: dark ? 'dark' : 'light' });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    const out = join(root, 'images', dark ? 'report-dark.png' : 'report.png');
    await tab.screenshot({ path: out, fullPage: false });
    console.log(out);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
