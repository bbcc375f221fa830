// Beads in the editor: a hover on a reference (bd://<id>, or a bare id with the repository's prefix)
// shows its issue; each reference is a link (a read-only view of the issue, or `bd show` in a terminal
// when bd is on PATH); an action-item row without an issue offers "Create Beads issue for this action
// item" when bd is on PATH. The data comes from BeadsWorkspace; the references from the core.
import * as vscode from 'vscode';
import { closedAsWontDo, type BeadsActionRow, type BeadsDocumentReferences, type BeadsIssue } from '../core/index';
import { createIssue } from '../beads/index';
import type { ConfigFiles } from './configFiles';
import type { LiveDiagnostics } from './diagnostics';
import type { PostmortemDocuments } from './documents';
import type { Linter } from './linter';
import { BeadsWorkspace, sourceWords } from './beadsData';

export const BEADS_SCHEME = 'postmortem-beads';
export const OPEN_ISSUE_COMMAND = '_postmortem.beads.open';
export const CREATE_ISSUE_COMMAND = '_postmortem.beads.create';
export const CREATE_ISSUE_TITLE = 'Create Beads issue for this action item';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Deps {
  documents: PostmortemDocuments;
  configs: ConfigFiles;
  beads: BeadsWorkspace;
  linter: Linter;
  /** The last reading per document (hover, links and code actions ask for the same version). */
  readings: Map<string, { key: string; reading: Promise<BeadsDocumentReferences | undefined> }>;
}

/** The document's references, read in the lint worker (a parse must not run on the extension host's thread). */
function referencesOf(deps: Deps, doc: vscode.TextDocument): Promise<BeadsDocumentReferences | undefined> {
  if (doc.uri.scheme !== 'file' || !deps.documents.isPostmortem(doc)) return Promise.resolve(undefined);
  const repository = deps.beads.repositoryFor(doc.uri.fsPath);
  if (!repository) return Promise.resolve(undefined);
  const key = `${doc.version} ${repository.data.prefixes.join(' ')}`;
  const cached = deps.readings.get(doc.uri.toString());
  if (cached?.key === key) return cached.reading;
  const text = doc.getText();
  const reading = deps.configs
    .forDocument(doc.uri)
    .then(({ templateText }) => deps.linter.beadsReferences(text, templateText, repository.data.prefixes))
    .then(
      (outcome) => outcome.result,
      () => undefined,
    );
  deps.readings.set(doc.uri.toString(), { key, reading });
  return reading;
}

function range(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

/** The issue as Markdown lines: title, status, priority, type, assignee, dates, close reason. */
export function issueMarkdown(issue: BeadsIssue): string[] {
  const facts = [`Status: ${issue.status.replace(/_/g, ' ')}`];
  if (issue.priority !== undefined) facts.push(`Priority: P${issue.priority}`);
  if (issue.issueType) facts.push(`Type: ${issue.issueType}`);
  if (issue.assignee) facts.push(`Assignee: ${issue.assignee}`);
  const lines = [`**${issue.id}** ${escape(issue.title)}`, '', facts.join(' · ')];
  if (issue.status === 'closed') {
    const when = issue.closedAt ? ` ${issue.closedAt.slice(0, 10)}` : '';
    const why = issue.closeReason ? `: ${escape(issue.closeReason)}${closedAsWontDo(issue) ? " (won't do)" : ''}` : '';
    lines.push('', `Closed${when}${why}`);
  }
  if (issue.dueAt) lines.push('', `Due ${issue.dueAt.slice(0, 10)}`);
  if (issue.labels?.length) lines.push('', `Labels: ${issue.labels.map(escape).join(', ')}`);
  if (issue.externalRef) lines.push('', `External ref: ${escape(issue.externalRef)}`);
  return lines;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

class BeadsHover implements vscode.HoverProvider {
  constructor(private readonly deps: Deps) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const refs = await referencesOf(this.deps, doc);
    const offset = doc.offsetAt(position);
    const ref = refs?.references.find((r) => r.start <= offset && offset < r.end);
    if (!ref) return undefined;
    const found = await this.deps.beads.issue(doc.uri.fsPath, ref.id);
    if (!found) return undefined;
    const from = `_From ${sourceWords(found.data)}._`;
    const body = found.issue
      ? issueMarkdown(found.issue)
      : [`**${ref.id}**: ${found.deleted ? 'deleted' : found.data.authoritative ? 'no such issue' : 'not in the export'}`];
    return new vscode.Hover(new vscode.MarkdownString([...body, '', from].join('\n')), range(doc, ref.start, ref.end));
  }
}

class BeadsLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly deps: Deps) {}

  async provideDocumentLinks(doc: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    const refs = await referencesOf(this.deps, doc);
    return (refs?.references ?? []).map((ref) => {
      const args = encodeURIComponent(JSON.stringify([{ file: doc.uri.fsPath, id: ref.id }]));
      const link = new vscode.DocumentLink(range(doc, ref.start, ref.end), vscode.Uri.parse(`command:${OPEN_ISSUE_COMMAND}?${args}`));
      link.tooltip = `Open Beads issue ${ref.id}`;
      return link;
    });
  }
}

/** The read-only view of an issue: postmortem-beads:/<id>.md?<document path>. */
class BeadsIssueView implements vscode.TextDocumentContentProvider {
  constructor(private readonly deps: Deps) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const found = await this.deps.beads.issue(uri.query, id);
    if (!found) return `# ${id}\n\nNo Beads data was found for this document.\n`;
    const from = `From ${sourceWords(found.data)}.`;
    if (!found.issue) return `# ${id}\n\n${found.deleted ? 'This issue was deleted.' : 'No such issue.'}\n\n${from}\n`;
    return `# ${id}\n\n${issueMarkdown(found.issue).join('\n')}\n\n${from}\n`;
  }
}

export function issueViewUri(file: string, id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: BEADS_SCHEME, path: `/${id}.md`, query: file });
}

async function openIssue(deps: Deps, arg: unknown): Promise<void> {
  const { file, id } = (arg ?? {}) as { file?: unknown; id?: unknown };
  if (typeof file !== 'string' || typeof id !== 'string' || !/^[\w.-]+$/.test(id)) return;
  const bd = deps.beads.bd();
  const repository = deps.beads.repositoryFor(file);
  if (bd && repository) {
    // bd itself, no shell between: the terminal shows `bd show` as it prints it.
    const terminal = vscode.window.createTerminal({ name: `bd show ${id}`, cwd: repository.location.root, shellPath: bd, shellArgs: ['show', id] });
    terminal.show();
    return;
  }
  const doc = await vscode.workspace.openTextDocument(issueViewUri(file, id));
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

interface CreateArgs {
  uri: string;
  /** The row's start offset and action, to find it again. */
  rowStart: number;
  action: string;
}

function rowFor(refs: BeadsDocumentReferences | undefined, args: CreateArgs): BeadsActionRow | undefined {
  const rows = refs?.rows.filter((r) => r.issueUnset && r.issue && r.action === args.action) ?? [];
  return rows.find((r) => r.start === args.rowStart) ?? (rows.length === 1 ? rows[0] : undefined);
}

async function createForRow(deps: Deps, arg: unknown): Promise<string | undefined> {
  const args = arg as CreateArgs;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args?.uri);
  const bd = deps.beads.bd();
  const repository = doc && deps.beads.repositoryFor(doc.uri.fsPath);
  if (!doc || !bd || !repository) return undefined;
  const refs = await referencesOf(deps, doc);
  const row = rowFor(refs, args);
  if (!row) {
    void vscode.window.showWarningMessage('Create Beads issue: the action item changed; try again.');
    return undefined;
  }
  const created = await createIssue(
    bd,
    { title: row.action, assignee: row.owner, due: row.due && ISO_DAY.test(row.due) ? row.due : undefined, labels: ['postmortem'], externalRef: refs?.incidentId },
    repository.location.root,
  );
  if ('error' in created) {
    void vscode.window.showErrorMessage(`bd create failed: ${created.error}`);
    return undefined;
  }
  // The document may have changed while bd ran: the row is read again, and only its issue cell changes.
  const now = rowFor(await referencesOf(deps, doc), args);
  const cell = now?.issue;
  if (!cell) {
    void vscode.window.showWarningMessage(`Created ${created.issue.id}, but the action item changed: add bd://${created.issue.id} to it.`);
    return created.issue.id;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range(doc, cell.start, cell.end), cell.empty ? ` bd://${created.issue.id} ` : `bd://${created.issue.id}`);
  await vscode.workspace.applyEdit(edit);
  deps.beads.remember(repository, created.issue);
  return created.issue.id;
}

class BeadsCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly deps: Deps) {}

  async provideCodeActions(doc: vscode.TextDocument, requested: vscode.Range): Promise<vscode.CodeAction[]> {
    if (!this.deps.beads.bd()) return [];
    const refs = await referencesOf(this.deps, doc);
    const rows = (refs?.rows ?? []).filter((r) => r.issueUnset && r.issue && r.action !== '' && range(doc, r.start, r.end).intersection(requested) !== undefined);
    return rows.map((row) => {
      const action = new vscode.CodeAction(CREATE_ISSUE_TITLE, vscode.CodeActionKind.QuickFix);
      const args: CreateArgs = { uri: doc.uri.toString(), rowStart: row.start, action: row.action };
      action.command = { command: CREATE_ISSUE_COMMAND, title: CREATE_ISSUE_TITLE, arguments: [args] };
      return action;
    });
  }
}

/** Everything Beads in the editor; the lint gets each document's Beads data through the linter's options hook. */
export function registerBeads(base: { documents: PostmortemDocuments; configs: ConfigFiles; live: LiveDiagnostics; linter: Linter; log: vscode.LogOutputChannel }): vscode.Disposable[] {
  const beads = new BeadsWorkspace(base.log);
  const deps: Deps = { documents: base.documents, configs: base.configs, beads, linter: base.linter, readings: new Map() };
  const markdown: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };
  base.linter.setOptionsHook((text, options) => beads.withBeads(text, options));
  return [
    beads,
    beads.onDidChange(() => base.live.relintAll()),
    vscode.workspace.onDidCloseTextDocument((doc) => deps.readings.delete(doc.uri.toString())),
    vscode.languages.registerHoverProvider(markdown, new BeadsHover(deps)),
    vscode.languages.registerDocumentLinkProvider(markdown, new BeadsLinks(deps)),
    vscode.languages.registerCodeActionsProvider(markdown, new BeadsCodeActions(deps), BeadsCodeActions.metadata),
    vscode.workspace.registerTextDocumentContentProvider(BEADS_SCHEME, new BeadsIssueView(deps)),
    vscode.commands.registerCommand(OPEN_ISSUE_COMMAND, (arg: unknown) => openIssue(deps, arg)),
    vscode.commands.registerCommand(CREATE_ISSUE_COMMAND, (arg: unknown) => createForRow(deps, arg)),
  ];
}
