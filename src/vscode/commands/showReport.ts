// "Post-Mortem: Show Incident Report": every post-mortem of the workspace (as Lint All Post-Mortems
// finds them) read in the lint workers, put together by the core's buildReport and shown as the same
// HTML page `postmortem report --format html` writes, in a webview with no script at all (its CSP
// allows nothing but the nonce'd style). Each incident links back to its document by a command URI
// that only postmortem.openReportIncident may use.
import * as vscode from 'vscode';
import { buildReport, isPostmortem, isSkipped, reportHtml, type IncidentReading, type ReportGrouping } from '../../core/index';
import type { ConfigFiles } from '../configFiles';
import { lintOptions } from '../diagnostics';
import type { Linter } from '../linter';
import { findCandidates, isIgnored } from './lintWorkspace';

export const OPEN_INCIDENT_COMMAND = 'postmortem.openReportIncident';

export interface ShowReportDeps {
  configs: ConfigFiles;
  linter: Linter;
}

/** The argument form (tests, keybindings): group the report, count overdue from another day. */
export interface ShowReportArgs {
  by?: ReportGrouping;
  today?: string;
}

export interface ShowReportResult {
  /** Workspace-relative paths of the post-mortems in the report. */
  files: string[];
  html: string;
  panel: vscode.WebviewPanel;
}

let current: vscode.WebviewPanel | undefined;

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A command URI opening `uri` at a 1-based line. */
function incidentLink(uri: vscode.Uri, line: number | undefined): string {
  return `command:${OPEN_INCIDENT_COMMAND}?${encodeURIComponent(JSON.stringify([uri.toString(), line ?? 1]))}`;
}

/** postmortem.openReportIncident: the document at its line, in the editor group beside the report. */
export async function openReportIncident(uri: unknown, line: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof uri !== 'string') return undefined;
  const target = vscode.Uri.parse(uri, true);
  const at = typeof line === 'number' && line >= 1 ? Math.floor(line) - 1 : 0;
  const position = new vscode.Position(at, 0);
  return vscode.window.showTextDocument(target, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
}

async function readAll(deps: ShowReportDeps, token: vscode.CancellationToken): Promise<{ readings: IncidentReading[]; uris: Map<string, vscode.Uri>; notes: string[] }> {
  const readings: IncidentReading[] = [];
  const uris = new Map<string, vscode.Uri>();
  const notes: string[] = [];
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const ignoredByConfig = new Map<string, Promise<Set<string>>>();
  const pending: Promise<void>[] = [];
  for (const { uri, matched } of await findCandidates(token)) {
    if (token.isCancellationRequested) break;
    let text: string;
    try {
      // An open document is read from its editor text, unsaved changes included.
      text = open.get(uri.toString())?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      continue;
    }
    if (!matched && !isPostmortem(text)) continue;
    const resolved = await deps.configs.forDocument(uri);
    if (await isIgnored(uri, resolved, ignoredByConfig)) continue;
    const options = lintOptions(uri, resolved);
    uris.set(options.file ?? uri.toString(), uri);
    // The two lint workers read the files while the next ones are found.
    pending.push(
      deps.linter.reportIncident(text, options).then(
        ({ result }) => {
          if (isSkipped(result)) notes.push(`${result.file}: ${result.skipped}`);
          else readings.push(result);
        },
        (error: unknown) => {
          notes.push(`${options.file}: not read (${error instanceof Error ? error.message : String(error)})`);
        },
      ),
    );
  }
  await Promise.all(pending);
  return { readings, uris, notes };
}

export async function showReport(deps: ShowReportDeps, args: ShowReportArgs | undefined): Promise<ShowReportResult | undefined> {
  const { readings, uris, notes } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Reading post-mortems for the incident report', cancellable: true },
    (_progress, token) => readAll(deps, token),
  );
  const today = args?.today ?? new Date().toISOString().slice(0, 10);
  const report = buildReport(readings, { today, by: args?.by ?? 'severity' });
  const styleNonce = nonce();
  const html = reportHtml(report, {
    nonce: styleNonce,
    link: (file, line) => {
      const uri = uris.get(file);
      return uri ? incidentLink(uri, line) : undefined;
    },
  });
  const panel =
    current ??
    vscode.window.createWebviewPanel('postmortem.report', 'Incident Report', vscode.ViewColumn.Active, {
      enableScripts: false,
      enableCommandUris: [OPEN_INCIDENT_COMMAND],
      localResourceRoots: [],
    });
  if (!current) {
    current = panel;
    panel.onDidDispose(() => (current = undefined));
  }
  panel.webview.html = html;
  panel.reveal();
  if (notes.length) void vscode.window.showInformationMessage(`Incident report: ${notes.length} document${notes.length === 1 ? '' : 's'} left out (${notes.slice(0, 3).join('; ')}${notes.length > 3 ? '; ...' : ''}).`);
  if (readings.length === 0) void vscode.window.showInformationMessage('Incident report: no post-mortem found in the workspace.');
  return { files: report.incidents.map((r) => r.file), html, panel };
}
