// "New Post-Mortem": asks for title, severity, date and incident ID in a multi-step input with Back (or
// takes them as an argument object and asks nothing), opens an untitled document that saves to
// <postmortem.directory>/<postmortem.fileName> (a free name: never overwriting), and inserts the
// template as a snippet with the answers filled in; an unanswered choice list stays as written.
import * as vscode from 'vscode';
import { fileNameFor, numberedNames, parseIsoDate, scaffoldSnippet, templateFor, templateProblem, type ScaffoldAnswers, type TemplateModel } from '../../core/index';
import type { ConfigFiles } from '../configFiles';
import type { PostmortemDocuments } from '../documents';
import { readSettings } from '../settings';
import { runWizard, type WizardStep } from '../wizard';

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
  const snippet = new vscode.SnippetString(scaffoldSnippet(template, answers, { undecidedChoices: 'text' }));

  if (!dirUri) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown' });
    deps.documents.adopt(doc.uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(snippet);
    return doc.uri;
  }

  const uri = await freeName(dirUri, fileNameFor(settings.fileName, answers));
  if (!uri) {
    void vscode.window.showErrorMessage(`New Post-Mortem: no free file name in ${vscode.workspace.asRelativePath(dirUri)}.`);
    return undefined;
  }
  // An untitled document that knows its path: nothing is on disk until the first save (which writes
  // there, creating missing folders), so "Don't Save" leaves nothing behind.
  const untitled = uri.with({ scheme: 'untitled' });
  deps.documents.adopt(untitled);
  deps.documents.adopt(uri);
  const doc = await vscode.workspace.openTextDocument(untitled);
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  return doc.uri;
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

/** name, else name-2, name-3, ...: an existing file, or one still untitled in an editor, is never overwritten. */
async function freeName(dir: vscode.Uri, name: string): Promise<vscode.Uri | undefined> {
  const pending = new Set(vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri.path));
  for (const candidate of numberedNames(name)) {
    const uri = vscode.Uri.joinPath(dir, candidate);
    if (!pending.has(uri.path) && !(await exists(uri))) return uri;
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
  const problem = dateProblem(date);
  if (problem) return refuse(problem);
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

/** Answers of a wizard the user left with Escape: offered again by the next New Post-Mortem of this session. */
let unfinished: Record<string, string> = {};

const DECIDE_LATER = 'Decide later';

async function askAnswers(template: TemplateModel): Promise<ScaffoldAnswers | undefined> {
  const choices = severityChoices(template);
  const steps: WizardStep[] = [
    { kind: 'input', key: 'title', prompt: 'Incident title', placeHolder: 'Checkout API returned 500s after a config push', validate: (v) => (v.trim() ? undefined : 'A title is required.') },
    choices
      ? { kind: 'pick', key: 'severity', placeHolder: 'Severity', items: [...choices.map((c) => ({ label: c })), { label: DECIDE_LATER, description: 'keep the choice list in the document' }] }
      : { kind: 'input', key: 'severity', prompt: 'Severity (optional)' },
    { kind: 'input', key: 'date', prompt: 'Incident date (YYYY-MM-DD)', initial: today, validate: (v) => dateProblem(v.trim()) },
    { kind: 'input', key: 'incidentId', prompt: 'Incident ID (optional)', placeHolder: 'INC-1234' },
  ];
  const { done, answers } = await runWizard('New Post-Mortem', steps, unfinished);
  unfinished = done ? {} : answers;
  if (!done) return undefined;
  const severity = answers['severity'] === DECIDE_LATER ? undefined : answers['severity']?.trim();
  const incidentId = answers['incidentId']?.trim();
  return {
    title: (answers['title'] ?? '').trim(),
    date: (answers['date'] ?? '').trim(),
    ...(severity ? { severity } : {}),
    ...(incidentId ? { incidentId } : {}),
  };
}

/** Why a date answer is refused: not written YYYY-MM-DD, or written so but not a day of the calendar. */
export function dateProblem(text: string): string | undefined {
  if (isIsoDate(text)) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return 'Expected a date written YYYY-MM-DD, e.g. 2024-05-01.';
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `${text} is not a calendar date: there is no month ${m[2]}.`;
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return `${text} is not a calendar date: ${name} ${m[1]} has ${days} days.`;
}
