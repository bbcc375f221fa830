// "New Post-Mortem": asks for title, severity, date and incident ID (or takes them as an argument
// object and asks nothing), creates <postmortem.directory>/<postmortem.fileName> through workspace.fs
// without ever overwriting, and inserts the template as a snippet with the answers filled in.
import * as vscode from 'vscode';
import { fileNameFor, numberedNames, parseIsoDate, scaffoldSnippet, scaffoldText, templateFor, templateProblem, type ScaffoldAnswers, type TemplateModel } from '../../core/index';
import type { ConfigFiles } from '../configFiles';
import type { PostmortemDocuments } from '../documents';
import { readSettings } from '../settings';

/** The argument form, for keybindings, tasks and tests. */
export interface NewPostmortemArgs {
  title?: string;
  severity?: string;
  /** YYYY-MM-DD; defaults to today. */
  date?: string;
  incidentId?: string;
  /** Folder for the new file, relative to the workspace folder (or absolute); defaults to postmortem.directory. */
  directory?: string;
}

export interface NewPostmortemDeps {
  documents: PostmortemDocuments;
  configs: ConfigFiles;
}


/** Returns the new document's URI, or undefined when cancelled or refused. */
export async function newPostmortem(deps: NewPostmortemDeps, args?: NewPostmortemArgs): Promise<vscode.Uri | undefined> {
  const folder = targetFolder();
  const settings = readSettings(folder?.uri);
  const directory = args?.directory ?? settings.directory;
  const dirUri = folder ? resolveDirectory(folder.uri, directory) : undefined;
  // The team template in effect where the file will be created.
  const { templateText } = await deps.configs.forDocument(dirUri ? vscode.Uri.joinPath(dirUri, 'new.md') : vscode.Uri.parse('untitled:new.md'));
  const templateTooBig = templateProblem(templateText);
  if (templateTooBig) void vscode.window.showWarningMessage(templateTooBig);
  const template = templateFor(templateText);

  const answers = args ? answersFromArgs(args, template) : await askAnswers(template);
  if (!answers) return undefined;
  const snippet = new vscode.SnippetString(scaffoldSnippet(template, answers));

  if (!dirUri) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown' });
    deps.documents.adopt(doc.uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(snippet);
    return doc.uri;
  }

  await vscode.workspace.fs.createDirectory(dirUri);
  const uri = await freeName(dirUri, fileNameFor(settings.fileName, answers));
  if (!uri) {
    void vscode.window.showErrorMessage(`New Post-Mortem: no free file name in ${vscode.workspace.asRelativePath(dirUri)}.`);
    return undefined;
  }
  // The file is written complete first, so nothing is lost if the editor is closed without saving.
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(scaffoldText(template, answers)));
  deps.documents.adopt(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  await editor.insertSnippet(snippet, doc.validateRange(all));
  return uri;
}

function targetFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

function resolveDirectory(folder: vscode.Uri, directory: string): vscode.Uri {
  const path = directory.replace(/\\/g, '/');
  if (/^(?:[a-zA-Z]:)?\//.test(path)) return folder.with({ path: path.startsWith('/') ? path : `/${path}` });
  return vscode.Uri.joinPath(folder, path);
}

/** name, else name-2, name-3, ...: an existing file is never overwritten. */
async function freeName(dir: vscode.Uri, name: string): Promise<vscode.Uri | undefined> {
  for (const candidate of numberedNames(name)) {
    const uri = vscode.Uri.joinPath(dir, candidate);
    if (!(await exists(uri))) return uri;
  }
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function severityChoices(template: TemplateModel): string[] | undefined {
  return template.summaryFields.find((f) => f.name === 'severity')?.choices;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

function answersFromArgs(args: NewPostmortemArgs, template: TemplateModel): ScaffoldAnswers | undefined {
  const refuse = (message: string) => {
    void vscode.window.showErrorMessage(`New Post-Mortem: ${message}`);
    return undefined;
  };
  const title = typeof args.title === 'string' ? args.title.trim() : '';
  if (!title) return refuse('a title is required ({ "title": "..." }).');
  const date = args.date ?? today();
  if (!isIsoDate(date)) return refuse(`"${date}" is not a date: expected YYYY-MM-DD.`);
  const choices = severityChoices(template);
  if (args.severity !== undefined && choices && !choices.includes(args.severity)) {
    return refuse(`severity "${args.severity}" is not allowed: expected one of ${choices.join(', ')}.`);
  }
  return {
    title,
    date,
    ...(args.severity ? { severity: args.severity } : {}),
    ...(args.incidentId?.trim() ? { incidentId: args.incidentId.trim() } : {}),
  };
}

async function askAnswers(template: TemplateModel): Promise<ScaffoldAnswers | undefined> {
  const title = await vscode.window.showInputBox({
    title: 'New Post-Mortem (1/4)',
    prompt: 'Incident title',
    placeHolder: 'Checkout API returned 500s after a config push',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'A title is required.'),
  });
  if (title === undefined) return undefined;

  let severity: string | undefined;
  const choices = severityChoices(template);
  if (choices) {
    const later = 'Decide later';
    const picked = await vscode.window.showQuickPick([...choices.map((c) => ({ label: c })), { label: later, description: 'keep the choice list in the document' }], {
      title: 'New Post-Mortem (2/4)',
      placeHolder: 'Severity',
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.label !== later) severity = picked.label;
  } else {
    severity = await vscode.window.showInputBox({ title: 'New Post-Mortem (2/4)', prompt: 'Severity (optional)', ignoreFocusOut: true });
    if (severity === undefined) return undefined;
  }

  const date = await vscode.window.showInputBox({
    title: 'New Post-Mortem (3/4)',
    prompt: 'Incident date (YYYY-MM-DD)',
    value: today(),
    ignoreFocusOut: true,
    validateInput: (v) => (isIsoDate(v.trim()) ? undefined : 'Expected a date written YYYY-MM-DD, e.g. 2024-05-01.'),
  });
  if (date === undefined) return undefined;

  const incidentId = await vscode.window.showInputBox({
    title: 'New Post-Mortem (4/4)',
    prompt: 'Incident ID (optional)',
    placeHolder: 'INC-1234',
    ignoreFocusOut: true,
  });
  if (incidentId === undefined) return undefined;

  return {
    title: title.trim(),
    date: date.trim(),
    ...(severity?.trim() ? { severity: severity.trim() } : {}),
    ...(incidentId.trim() ? { incidentId: incidentId.trim() } : {}),
  };
}
