// Configuration for a document: the nearest .postmortemrc.json (found and read through workspace.fs,
// so virtual workspaces work), the team template it names, and the `postmortem.rules` setting, which
// wins rule by rule. A broken config file gets one diagnostic and the documents lint with defaults.
import * as vscode from 'vscode';
import { LineIndex, validateConfig, type PostmortemConfig } from '../core/index';
import { DIAGNOSTIC_SOURCE, toRange } from './convert';
import { readSettings } from './settings';

export const CONFIG_FILE_NAME = '.postmortemrc.json';

export interface DocumentConfig {
  config: PostmortemConfig | undefined;
  /** The team template's Markdown, when the config file names one that could be read. */
  templateText: string | undefined;
  configUri: vscode.Uri | undefined;
  /** The config file's `ignore` globs, relative to its folder (as the CLI reads them). */
  ignore: vscode.RelativePattern[];
}

interface ConfigFile {
  config: PostmortemConfig | undefined;
  templateText: string | undefined;
  templateUri: vscode.Uri | undefined;
}

interface Problem {
  message: string;
  range: vscode.Range;
}

export class ConfigFiles implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('postmortem-config');
  /** Directory -> the config file in effect there. */
  private readonly nearest = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly files = new Map<string, Promise<ConfigFile>>();
  private readonly templates = new Set<string>();
  private readonly warnedSettings = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a config file, a template or the `postmortem.rules` setting changed: relint. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const onConfigFile = (uri: vscode.Uri, deleted: boolean) => {
      this.invalidate();
      if (deleted) this.diagnostics.delete(uri);
      else void this.load(uri);
      this.changed.fire();
    };
    this.disposables.push(
      this.diagnostics,
      this.changed,
      watcher,
      watcher.onDidCreate((uri) => onConfigFile(uri, false)),
      watcher.onDidChange((uri) => onConfigFile(uri, false)),
      watcher.onDidDelete((uri) => onConfigFile(uri, true)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (!this.templates.has(doc.uri.toString())) return;
        this.invalidate();
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.rules')) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.invalidate();
        this.changed.fire();
      }),
    );
  }

  /** Checks every config file in the workspace once, so a broken one shows up before a post-mortem is opened. */
  async checkWorkspace(): Promise<void> {
    const found = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**', 100);
    await Promise.all(found.map((uri) => this.load(uri)));
  }

  async forDocument(uri: vscode.Uri): Promise<DocumentConfig> {
    const configUri = await this.find(uri);
    const file: ConfigFile = configUri ? await this.load(configUri) : { config: undefined, templateText: undefined, templateUri: undefined };
    const settingsRules = this.settingsRules(uri);
    let config = file.config;
    if (settingsRules) config = { ...config, rules: { ...config?.rules, ...settingsRules } };
    const ignore = configUri && file.config?.ignore ? file.config.ignore.map((glob) => new vscode.RelativePattern(vscode.Uri.joinPath(configUri, '..'), glob)) : [];
    return { config, templateText: file.templateText, configUri, ignore };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private invalidate(): void {
    this.nearest.clear();
    this.files.clear();
    this.templates.clear();
  }

  private settingsRules(uri: vscode.Uri): PostmortemConfig['rules'] | undefined {
    const rules = readSettings(uri).rules;
    if (Object.keys(rules).length === 0) return undefined;
    const checked = validateConfig({ rules });
    if (checked.errors.length === 0) return checked.config?.rules;
    const message = `Postmortem Kit: the setting postmortem.rules is ignored: ${checked.errors.join('; ')}`;
    if (!this.warnedSettings.has(message)) {
      this.warnedSettings.add(message);
      void vscode.window.showWarningMessage(message);
    }
    return undefined;
  }

  private find(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
    if (uri.scheme === 'untitled') return folder ? this.findFrom(folder.uri, folder.uri) : Promise.resolve(undefined);
    return this.findFrom(vscode.Uri.joinPath(uri, '..'), folder?.uri);
  }

  /** Walks up from dir to the workspace folder (or the file system root), memoised per directory. */
  private findFrom(dir: vscode.Uri, root: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const key = dir.toString();
    let found = this.nearest.get(key);
    if (!found) {
      found = (async () => {
        const candidate = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
        if (await isFile(candidate)) return candidate;
        const parent = vscode.Uri.joinPath(dir, '..');
        const atRoot = (root !== undefined && dir.toString() === root.toString()) || parent.path === dir.path;
        return atRoot ? undefined : this.findFrom(parent, root);
      })();
      this.nearest.set(key, found);
    }
    return found;
  }

  private load(uri: vscode.Uri): Promise<ConfigFile> {
    const key = uri.toString();
    let loaded = this.files.get(key);
    if (!loaded) {
      loaded = this.read(uri);
      this.files.set(key, loaded);
    }
    return loaded;
  }

  private async read(uri: vscode.Uri): Promise<ConfigFile> {
    const none: ConfigFile = { config: undefined, templateText: undefined, templateUri: undefined };
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\ufeff/, '');
    } catch (error) {
      this.report(uri, { message: `Could not read ${CONFIG_FILE_NAME} (linting with defaults): ${errorMessage(error)}`, range: new vscode.Range(0, 0, 0, 0) });
      return none;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      this.report(uri, { message: `${CONFIG_FILE_NAME} is not valid JSON (linting with defaults): ${errorMessage(error)}`, range: jsonErrorRange(text, error) });
      return none;
    }
    const checked = validateConfig(raw);
    if (checked.errors.length > 0 || !checked.config) {
      this.report(uri, { message: `Invalid ${CONFIG_FILE_NAME} (linting with defaults): ${checked.errors.join('; ')}`, range: errorRange(text, checked.errors[0]) });
      return none;
    }
    const config = checked.config;
    if (config.template === undefined) {
      this.report(uri, undefined);
      return { config, templateText: undefined, templateUri: undefined };
    }
    const templateUri = resolvePath(uri, config.template);
    this.templates.add(templateUri.toString());
    try {
      const templateText = new TextDecoder().decode(await vscode.workspace.fs.readFile(templateUri));
      this.report(uri, undefined);
      return { config, templateText, templateUri };
    } catch (error) {
      this.report(uri, {
        message: `The template "${config.template}" could not be read (linting with the built-in template): ${errorMessage(error)}`,
        range: errorRange(text, 'template:'),
      });
      return { config, templateText: undefined, templateUri };
    }
  }

  private report(uri: vscode.Uri, problem: Problem | undefined): void {
    if (!problem) {
      this.diagnostics.delete(uri);
      return;
    }
    const d = new vscode.Diagnostic(problem.range, problem.message, vscode.DiagnosticSeverity.Error);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = 'config';
    this.diagnostics.set(uri, [d]);
  }
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** A path in the config file: relative to the config file's folder, or absolute. */
function resolvePath(configUri: vscode.Uri, path: string): vscode.Uri {
  const normalized = path.replace(/\\/g, '/');
  if (/^(?:[a-zA-Z]:)?\//.test(normalized)) return configUri.with({ path: normalized.startsWith('/') ? normalized : `/${normalized}` });
  return vscode.Uri.joinPath(configUri, '..', normalized);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** JSON.parse reports "line L column C" (Node 22+) or "position N". */
function jsonErrorRange(text: string, error: unknown): vscode.Range {
  const message = errorMessage(error);
  const lines = new LineIndex(text);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  let offset: number | undefined;
  if (lineColumn) offset = lines.lineStart(Number(lineColumn[1])) + Number(lineColumn[2]) - 1;
  const position = /position (\d+)/.exec(message);
  if (offset === undefined && position) offset = Number(position[1]);
  if (offset === undefined) offset = text.length;
  const line = lines.point(offset).line;
  return toRange(lines.range(offset, Math.max(offset, Math.min(offset + 1, lines.lineEnd(line)))));
}

/** Points at the key an error names ("rules.timeline: ..." -> "timeline"), else at the first line. */
function errorRange(text: string, error: string | undefined): vscode.Range {
  const lines = new LineIndex(text);
  const path = error?.split(':')[0]?.trim() ?? '';
  const key = path.split(/[./]/).filter(Boolean).pop();
  const at = key ? text.indexOf(`"${key}"`) : -1;
  if (key && at >= 0) return toRange(lines.range(at, at + key.length + 2));
  return toRange(lines.range(0, lines.lineEnd(1)));
}
