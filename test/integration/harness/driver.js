#!/usr/bin/env node
// Drives the VS Code workbench that code-server serves, in headless Chromium (playwright-core), the
// way VS Code's own browser integration tests do: the extension and the test module go in the URL's
// payload; the workbench calls window.codeAutomationLog(type, args) for extension-host console output
// and window.codeAutomationExit(code) when the tests are done.
// Counts the suite's "ok - " / "not ok - " lines and always ends with "N passed, N failed".
//
// The tests drive the workbench as a user would (keys, clicks on the status bar, the lightbulb) through
// --ui-port: a localhost HTTP endpoint (POST /ui with one action as JSON) that plays the action on the
// page with playwright and answers with its result; the extension host reaches it with fetch.
//
// usage: node driver.js --url <workbench url> [--timeout 300] [--server-log file] [--trace file] [--ui-port N]
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
const uiPort = Number(arg('ui-port', '0'));
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

/** One user action on the page. Selectors are playwright selectors (CSS, or text=...). */
async function playUiAction(page, a) {
  switch (a.action) {
    case 'press':
      await page.keyboard.press(a.key);
      return null;
    case 'type':
      await page.keyboard.type(a.text, { delay: 10 });
      return null;
    case 'click':
      await page.locator(a.selector).first().click({ timeout: a.timeout ?? 30000 });
      return null;
    case 'waitFor':
      await page.locator(a.selector).first().waitFor({ state: a.state ?? 'visible', timeout: a.timeout ?? 30000 });
      return null;
    case 'texts':
      return page.locator(a.selector).allTextContents();
    case 'inputValue':
      return page.locator(a.selector).first().inputValue({ timeout: a.timeout ?? 30000 });
    case 'count':
      return page.locator(a.selector).count();
    case 'focused':
      // Where keystrokes go: the focused element's classes and those of its nearest ancestors.
      // Runs in the page, where document is the workbench.
      return page.evaluate(() => {
        /* global document */
        const chain = [];
        for (let e = document.activeElement; e && chain.length < 8; e = e.parentElement) chain.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
        return chain.join(' < ');
      });
    case 'screenshot':
      await page.screenshot({ path: a.path, ...(a.clip ? { clip: a.clip } : {}) });
      return null;
    default:
      throw new Error(`unknown ui action ${JSON.stringify(a)}`);
  }
}

function serveUi(page, port) {
  const http = require('http');
  const server = http.createServer((req, res) => {
    const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
    if (req.method === 'OPTIONS') return res.writeHead(204, headers).end();
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      let action;
      try {
        action = JSON.parse(body);
        const value = await playUiAction(page, action);
        tlog('[ui]', body, '->', JSON.stringify(value));
        res.writeHead(200, headers).end(JSON.stringify({ value }));
      } catch (error) {
        tlog('[ui]', body, 'failed', String(error));
        res.writeHead(500, headers).end(JSON.stringify({ error: String((error && error.message) || error) }));
      }
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
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
  const ui = uiPort ? await serveUi(page, uiPort) : undefined;
  const timer = setTimeout(() => finish('timeout'), timeoutS * 1000);
  await page.goto(url);
  const result = await done;
  clearTimeout(timer);
  if (ui) ui.close();
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
