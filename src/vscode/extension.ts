// VS Code entry point: a thin adapter over src/core. It decides which documents are post-mortems,
// runs the core lint (in a worker for large documents), turns findings into diagnostics and fixes
// into code actions, shows completion in the status bar and timeline metrics in a CodeLens, and
// offers the commands. No rule logic lives here.
import * as vscode from 'vscode';
import { ActivePostmortem, type CompletionStatusView } from './activePostmortem';
import { registerBeads } from './beadsEditor';
import { PostmortemCodeActions } from './codeActions';
import { addTimelineEntry, type AddTimelineEntryArgs } from './commands/addTimelineEntry';
import { insertSection, type InsertSectionArgs } from './commands/insertSection';
import { lintWorkspace } from './commands/lintWorkspace';
import { newPostmortem, type NewPostmortemArgs } from './commands/newPostmortem';
import { nextPlaceholder } from './commands/nextPlaceholder';
import { showMetrics, type ShowMetricsArgs } from './commands/showMetrics';
import { OPEN_INCIDENT_COMMAND, openReportIncident, showReport, type ShowReportArgs } from './commands/showReport';
import { useAsTeamTemplate } from './commands/useAsTeamTemplate';
import { ConfigFiles } from './configFiles';
import { LiveDiagnostics, type LintEvent } from './diagnostics';
import { PostmortemDocuments } from './documents';
import { LargeDocumentStatus } from './largeDocumentStatus';
import { Linter } from './linter';
import { TimelineMetricsLens } from './metricsLens';
import { RuleDocumentation } from './ruleDocs';
import { TemplateSnippets } from './templateSnippets';

/** What activate() returns: lint progress and what the status bar shows, for other extensions and the integration tests. */
export interface PostmortemApi {
  onDidStartLint: vscode.Event<{ uri: vscode.Uri; version: number }>;
  onDidLint: vscode.Event<LintEvent>;
  /** The completion status bar item's text and tooltip for the active post-mortem; undefined while hidden. */
  statusBar(): CompletionStatusView | undefined;
}

export function activate(context: vscode.ExtensionContext): PostmortemApi {
  const log = vscode.window.createOutputChannel('Postmortem Kit', { log: true });
  const documents = new PostmortemDocuments();
  const configs = new ConfigFiles();
  const workerScript = context.extensionUri.scheme === 'file' ? vscode.Uri.joinPath(context.extensionUri, 'dist', 'lintWorker.js').fsPath : undefined;
  const linter = new Linter(workerScript);
  const ruleDocs = new RuleDocumentation(context.extensionUri);
  const live = new LiveDiagnostics(documents, configs, linter, ruleDocs.link, log);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  const active = new ActivePostmortem(documents, live);
  const metricsLens = new TimelineMetricsLens(documents, live);

  context.subscriptions.push(
    log,
    ruleDocs,
    configs,
    linter,
    live,
    new LargeDocumentStatus(documents, live),
    active,
    vscode.languages.registerCodeActionsProvider(markdown, new PostmortemCodeActions(documents, live), PostmortemCodeActions.metadata),
    metricsLens,
    vscode.languages.registerCodeLensProvider(markdown, metricsLens),
    vscode.languages.registerCompletionItemProvider(markdown, new TemplateSnippets(documents, configs)),
    vscode.commands.registerCommand('postmortem.new', (args?: NewPostmortemArgs) => newPostmortem({ documents, configs }, isObject(args) ? args : undefined)),
    vscode.commands.registerCommand('postmortem.insertSection', (args?: InsertSectionArgs) => insertSection({ configs, linter }, isObject(args) ? args : undefined)),
    vscode.commands.registerCommand('postmortem.lintWorkspace', () => lintWorkspace({ documents, configs, live, linter })),
    vscode.commands.registerCommand('postmortem.nextPlaceholder', () => nextPlaceholder({ documents, live })),
    vscode.commands.registerCommand('postmortem.addTimelineEntry', (args?: AddTimelineEntryArgs) => addTimelineEntry({ configs, linter }, isObject(args) ? args : undefined)),
    // The CodeLens passes its document; the palette nothing; keybindings and tests an argument object.
    vscode.commands.registerCommand('postmortem.showMetrics', (arg?: vscode.Uri | ShowMetricsArgs) =>
      showMetrics({ documents, live }, arg instanceof vscode.Uri ? arg : undefined, isObject(arg) ? arg : undefined),
    ),
    // The explorer's context menu passes the file; the palette nothing (the active editor's document).
    vscode.commands.registerCommand('postmortem.useAsTeamTemplate', (uri?: vscode.Uri) => useAsTeamTemplate(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('postmortem.showReport', (args?: ShowReportArgs) => showReport({ configs, linter }, isObject(args) ? args : undefined)),
    // The report's links back to each post-mortem (command URIs in its webview).
    vscode.commands.registerCommand(OPEN_INCIDENT_COMMAND, (uri?: unknown, line?: unknown) => openReportIncident(uri, line)),
    ...registerBeads({ documents, configs, live, linter, log }),
    vscode.commands.registerCommand('postmortem.lintDocument', (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('Lint This Post-Mortem: open a Markdown document first.');
        return;
      }
      documents.adopt(doc.uri);
      live.lintNow(doc);
    }),
  );
  live.start();
  void configs.checkWorkspace();
  return { onDidStartLint: live.onDidStartLint, onDidLint: live.onDidLint, statusBar: () => active.current() };
}

export function deactivate(): void {}

function isObject(value: unknown): value is Record<string, unknown> {
  // Commands run from a menu receive a Uri; only a plain object is the argument form.
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}
