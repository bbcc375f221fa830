// Drives the workbench as a user does: keys and clicks played on the page by the harness's driver
// (driver.js --ui-port, reached at POSTMORTEM_UI_URL), not through the extension's commands.
// Desktop VS Code (.vscode-test.mjs) has no driver: tests that need one are reported as skipped there.
import * as vscode from 'vscode';

const UI_URL = typeof process !== 'undefined' ? process.env['POSTMORTEM_UI_URL'] : undefined;

export const uiAvailable = UI_URL !== undefined;

/** In a test: skip (reported as "skipped", never as passed) where no driver plays the UI. */
export function needsUi(context: Mocha.Context): void {
  if (!uiAvailable) context.skip();
}

async function play<T>(action: Record<string, unknown>): Promise<T> {
  if (!UI_URL) throw new Error('no UI driver (POSTMORTEM_UI_URL is not set)');
  const response = await fetch(UI_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(action) });
  const body = (await response.json()) as { value?: T; error?: string };
  if (!response.ok) throw new Error(`UI action ${JSON.stringify(action)} failed: ${body.error}`);
  return body.value as T;
}

export const QUICK_INPUT = '.quick-input-widget';
export const QUICK_INPUT_TITLE = '.quick-input-widget .quick-input-title';
export const QUICK_INPUT_MESSAGE = '.quick-input-widget .quick-input-message';
export const QUICK_INPUT_BACK = '.quick-input-widget .quick-input-left-action-bar .codicon-quick-input-back';

export const ui = {
  press: (key: string) => play<null>({ action: 'press', key }),
  type: (text: string) => play<null>({ action: 'type', text }),
  click: (selector: string) => play<null>({ action: 'click', selector }),
  waitFor: (selector: string, state: 'visible' | 'hidden' | 'attached' | 'detached' = 'visible', timeout = 30_000) => play<null>({ action: 'waitFor', selector, state, timeout }),
  texts: (selector: string) => play<string[]>({ action: 'texts', selector }),
  /** The live value of an input (its value attribute is not). */
  inputValue: (selector: string) => play<string>({ action: 'inputValue', selector }),
  count: (selector: string) => play<number>({ action: 'count', selector }),
  /** The focused element and its ancestors, "tag.class.class < ...". */
  focused: () => play<string>({ action: 'focused' }),
  screenshot: (path: string, clip?: { x: number; y: number; width: number; height: number }) => play<null>({ action: 'screenshot', path, ...(clip ? { clip } : {}) }),
};

/**
 * Waits until check() holds, polling the page (UI state has no extension-host event to wait on). The
 * generous default is for a loaded machine, where the extension host can stall for seconds.
 */
export async function eventually<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** The quick input's title once it reads `title` (the step shown). */
export function quickInputTitled(title: string): Promise<string[]> {
  return eventually(`quick input title "${title}"`, () => ui.texts(QUICK_INPUT_TITLE), (t) => t.some((x) => x.includes(title)));
}

/** Runs a command from the Command Palette (F1), by its title as the palette shows it. */
export async function runFromPalette(title: string): Promise<void> {
  await ui.press('F1');
  await ui.waitFor(`${QUICK_INPUT} input`);
  await ui.type(title);
  await eventually(`palette entry "${title}"`, () => ui.texts(`${QUICK_INPUT} .monaco-list-row[aria-label]`), (rows) => rows.some((r) => r.includes(title)));
  await ui.press('Enter');
}

/** Replaces the quick input's value as a user does: select all, type. */
export async function typeIntoQuickInput(text: string): Promise<void> {
  await ui.press('ControlOrMeta+A');
  await ui.type(text);
}

/** The active editor, once it is the one for `uri` (after a UI action opened it). */
export function activeEditorFor(match: (doc: vscode.TextDocument) => boolean, timeoutMs = 30_000): Promise<vscode.TextEditor> {
  const now = vscode.window.activeTextEditor;
  if (now && match(now.document)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching active editor after ${timeoutMs} ms (active: ${vscode.window.activeTextEditor?.document.uri.toString()})`));
    }, timeoutMs);
    const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
      if (!e || !match(e.document)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}
