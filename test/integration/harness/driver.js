#!/usr/bin/env node
// Drives the VS Code workbench that code-server serves, in headless Chromium (playwright-core), the
// way VS Code's own browser integration tests do: the extension and the test module go in the URL's
// payload; the workbench calls window.codeAutomationLog(type, args) for extension-host console output
// and window.codeAutomationExit(code) when the tests are done.
// Counts the suite's "ok - " / "not ok - " lines and always ends with "N passed, N failed".
//
// usage: node driver.js --url <workbench url> [--timeout 300] [--server-log file] [--trace file]
// exit: 0 all passed, 1 a test failed or the suite could not run, 124 timeout, 3 driver error.
const { chromium } = require('playwright-core');
const fs = require('fs');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const url = arg('url');
const timeoutS = Number(arg('timeout', '300'));
const serverLog = arg('server-log');
const tracePath = arg('trace');
const trace = tracePath ? fs.createWriteStream(tracePath) : null;
const tlog = (...a) => trace && trace.write(a.join(' ') + '\n');
if (!url) {
  console.error('--url required');
  process.exit(2);
}

// The workbench's own chatter on the same channel as the extension host's console output.
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|\[ChatModelSelection\]|\[DefaultAccount\]|Ignoring fetching additional builtin|Canceled: Canceled|getaddrinfo ENOTFOUND|Found additional builtin location|Loading development extension|Request to .*package\.nls\.json' failed|%c)/;

let passed = 0;
let failed = 0;

function finalLine(code, reason) {
  if (reason) console.log(reason);
  // A run that did not finish cleanly is a failure even when no test reported one.
  const extra = code !== 0 && failed === 0 ? 1 : 0;
  console.log(`${passed} passed, ${failed + extra} failed`);
}

function serverLogTail() {
  if (!serverLog || !fs.existsSync(serverLog)) return;
  const lines = fs.readFileSync(serverLog, 'utf8').trimEnd().split('\n');
  console.log('--- code-server log (last 40 lines) ---');
  console.log(lines.slice(-40).join('\n'));
}

(async () => {
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('console', (m) => tlog('[browser console ' + m.type() + ']', m.text()));
  page.on('pageerror', (e) => tlog('[pageerror]', (e && e.stack) || e));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const list = Array.isArray(args) ? args : [args];
    const first = typeof list[0] === 'string' ? list[0] : '';
    tlog('[log ' + type + ']', JSON.stringify(list));
    if (NOISE.test(first)) return;
    for (const line of first.split('\n')) {
      if (line.startsWith('ok - ')) passed++;
      else if (line.startsWith('not ok - ')) failed++;
    }
    (console[type] || console.log).apply(console, list);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  const timer = setTimeout(() => finish('timeout'), timeoutS * 1000);
  await page.goto(url);
  const result = await done;
  clearTimeout(timer);
  await browser.close().catch(() => {});
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result === 'timeout') {
    serverLogTail();
    finalLine(124, `TIMEOUT: the suite did not finish within ${timeoutS}s (${seconds}s in the browser)`);
    process.exit(124);
  }
  const code = result === 0 && failed === 0 ? 0 : 1;
  if (code !== 0 && failed === 0) serverLogTail();
  finalLine(code, `[driver] suite finished with exit code ${result} after ${seconds}s in the browser`);
  process.exit(code);
})().catch((error) => {
  console.error('[driver] error', error);
  serverLogTail();
  finalLine(3);
  process.exit(3);
});
