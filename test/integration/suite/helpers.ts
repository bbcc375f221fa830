// Shared by the integration tests: the extension's API, fixtures, and waiting on events (never on time).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LintEvent } from '../../../src/vscode/diagnostics';
import type { PostmortemApi } from '../../../src/vscode/extension';

export const EXTENSION_ID = 'postmortem-kit.postmortem-kit';

export async function extensionApi(): Promise<PostmortemApi> {
  const extension = vscode.extensions.getExtension<PostmortemApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** out/integration -> the repository's test/integration/fixtures. */
const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'integration', 'fixtures');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Records lint events for a document from now on; until() resolves with the first (past or future) match. */
export function recordLints(api: PostmortemApi, uri: vscode.Uri) {
  const events: LintEvent[] = [];
  const waiters: { match: (e: LintEvent) => boolean; resolve: (e: LintEvent) => void }[] = [];
  const subscription = api.onDidLint((e) => {
    if (e.uri.toString() !== uri.toString()) return;
    events.push(e);
    for (const w of [...waiters]) {
      if (!w.match(e)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(e);
    }
  });
  return {
    events,
    until(match: (e: LintEvent) => boolean): Promise<LintEvent> {
      const seen = events.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
    dispose: () => subscription.dispose(),
  };
}

let copies = 0;

/**
 * Writes text to a new file (a fresh name per call, so tests never share a document), opens it in an
 * editor, and waits until it has been linted.
 */
export async function openPostmortem(
  api: PostmortemApi,
  text: string,
  name: string,
  folder = 'docs/postmortems',
): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor; event: LintEvent }> {
  const uri = workspaceUri(folder, `t${++copies}-${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const lints = recordLints(api, uri);
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const event = await lints.until((e) => e.outcome === 'linted' && e.version === doc.version);
    return { doc, editor, event };
  } finally {
    lints.dispose();
  }
}

export function ours(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'postmortem');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

/** The current diagnostics of a document once they satisfy ready (now, or after a later change). */
export function diagnosticsOf(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (ready(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const current = vscode.languages.getDiagnostics(uri);
      if (!ready(current)) return;
      subscription.dispose();
      resolve(current);
    });
  });
}

export interface DiagnosticSummary {
  rule: string;
  range: [number, number, number, number];
  severity: string;
  message: string;
}

export function summarize(d: vscode.Diagnostic): DiagnosticSummary {
  const r = d.range;
  return { rule: ruleOf(d), range: [r.start.line, r.start.character, r.end.line, r.end.character], severity: vscode.DiagnosticSeverity[d.severity], message: d.message };
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return actions ?? [];
}

/** Applies a code action's edit and waits for the lint of the resulting version. */
export async function applyAndRelint(api: PostmortemApi, doc: vscode.TextDocument, action: vscode.CodeAction): Promise<LintEvent> {
  if (!action.edit) throw new Error(`"${action.title}" has no edit`);
  const lints = recordLints(api, doc.uri);
  try {
    if (!(await vscode.workspace.applyEdit(action.edit))) throw new Error(`applying "${action.title}" failed`);
    return await lints.until((e) => e.outcome === 'linted' && e.version === doc.version);
  } finally {
    lints.dispose();
  }
}

/** Changes a postmortem.* setting in the workspace (undefined removes it). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('postmortem').update(key, value, vscode.ConfigurationTarget.Workspace);
}
