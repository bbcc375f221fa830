// The HTML incident report opened in headless Chromium (/usr/bin/chromium through playwright-core, as
// the integration harness drives it: test/integration/harness/driver.js; both are installed by
// test/integration/harness/install.sh, which .ci/run runs). No console error, no request beyond the
// file itself, the charts there (one dot per measured incident), document text escaped, and the page
// in dark colours when the system prefers them.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { buildReport, isSkipped, readIncident, reportHtml, type IncidentReading } from '../../src/core/index';

const root = join(__dirname, '..', '..');
const chromiumPath = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const playwrightDir = join(root, '.vscode-test-offline', 'driver', 'node_modules', 'playwright-core');

function loadPlaywright(): { chromium: any } | undefined {
  try {
    return createRequire(join(root, 'package.json'))('playwright-core');
  } catch {
    return existsSync(playwrightDir) ? createRequire(join(playwrightDir, 'package.json'))(playwrightDir) : undefined;
  }
}

const playwright = existsSync(chromiumPath) ? loadPlaywright() : undefined;
const skip = !existsSync(chromiumPath)
  ? `no Chromium at ${chromiumPath} (run test/integration/harness/install.sh, as .ci/run does)`
  : playwright === undefined
    ? `no playwright-core (run test/integration/harness/install.sh, as .ci/run does)`
    : false;
if (skip) console.log(`# SKIPPED reportHtml: ${skip}`);

const fixtures = join(__dirname, '..', 'fixtures', 'report');
function readings(): IncidentReading[] {
  const list = readdirSync(fixtures)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readIncident(readFileSync(join(fixtures, f), 'utf8'), { file: f }));
  // A title and an action meant to break out of the page: both must be shown as text.
  const hostile = readIncident(
    '# Post-Mortem: `<script>window.pwned = 1</script>` and `<img src=x onerror="window.pwned=2">`\n\n## Summary\n\n**Incident ID:** INC-666  \n**Date:** 2026-04-02  \n**Severity:** SEV4  \n',
    { file: 'evil"<b>.md' },
  );
  return [...list, hostile].filter((r): r is IncidentReading => !isSkipped(r));
}

const temp = mkdtempSync(join(tmpdir(), 'postmortem-report-html-'));
after(() => rmSync(temp, { recursive: true, force: true }));

describe('report: html in Chromium', { skip }, () => {
  it('opens with no console error and no request, its charts present, text escaped, light and dark', async () => {
    const report = buildReport(readings(), { today: '2026-05-01', by: 'severity' });
    const file = join(temp, 'report.html');
    writeFileSync(file, reportHtml(report, { link: (f) => `https://example.invalid/${encodeURIComponent(f)}` }));
    const browser = await playwright!.chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const problems: string[] = [];
      const requests: string[] = [];
      const open = async (colorScheme: 'light' | 'dark') => {
        const page = await (await browser.newContext({ colorScheme })).newPage();
        page.on('console', (m: any) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
        page.on('request', (r: any) => requests.push(r.url()));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        return page;
      };
      const light = await open('light');
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, [pathToFileURL(file).href], 'nothing fetched but the page');
      // Five metric dot plots, incidents per month, factors.
      assert.equal(await light.locator('svg.chart').count(), 7);
      // One dot per measured value: TTD 6, TTA, TTM, TTR and Duration 5 each.
      assert.equal(await light.locator('svg circle.dot').count(), 26);
      // A median per severity that has values: TTD for SEV1, SEV2, SEV3; the others for SEV1 and SEV2.
      assert.equal(await light.locator('svg line.median').count(), 3 + 4 * 2);
      assert.equal(await light.locator('figure:has-text("Incidents per month") rect.bar').count(), 4);
      assert.ok((await light.locator('figure:has-text("Contributing factors") rect.bar').count()) >= 7);
      assert.equal(await light.locator('script, img').count(), 0, 'document text stays text');
      assert.equal(await light.evaluate('window.pwned'), undefined);
      const shown = await light.locator('body').innerText();
      assert.ok(shown.includes('<script>window.pwned = 1</script> and <img src=x onerror="window.pwned=2">'), 'the title shown as written');
      assert.ok(shown.includes('evil"<b>.md'), 'the file name shown as written');
      assert.equal(await light.locator('table.incidents tbody tr').count(), 7);
      const lightBackground = await light.evaluate('getComputedStyle(document.body).backgroundColor');
      const dark = await open('dark');
      const darkBackground = await dark.evaluate('getComputedStyle(document.body).backgroundColor');
      const darkText = await dark.evaluate('getComputedStyle(document.body).color');
      assert.equal(lightBackground, 'rgb(255, 255, 255)');
      assert.equal(darkBackground, 'rgb(13, 17, 23)');
      assert.equal(darkText, 'rgb(230, 237, 243)');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
