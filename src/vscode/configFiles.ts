// Configuration for a document: the nearest .postmortemrc.json / .yaml / .yml or package.json "postmortem"
// key, with what it extends and its overrides for that document (src/config reads them; its reads are
// answered through workspace.fs, so virtual workspaces work), the team template it names, and the
// `postmortem.rules` setting, which wins rule by rule. A broken config file gets one diagnostic and the
// documents lint with defaults.
import * as vscode from 'vscode';
import { LineIndex, validateConfig, type PostmortemConfig } from '../core/index';
import { CONFIG_FILE_NAMES, ConfigError, configForFile, findConfig, loadConfig, runAsync, type Located, type ResolvedConfig } from '../config/configLoader';
import { DIAGNOSTIC_SOURCE, toRange } from './convert';
import { readSettings } from './settings';

export const CONFIG_FILE_NAME = CONFIG_FILE_NAMES[0];
const CONFIG_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

export interface DocumentConfig {
  config: PostmortemConfig | undefined;
  /** The team template's Markdown, when the config file names one that could be read. */
  templateText: string | undefined;
  configUri: vscode.Uri | undefined;
  /** The config file's `ignore` globs, relative to the folder of the file that declares them (as the CLI reads them). */
  ignore: vscode.RelativePattern[];
}

interface Problem {
  message: string;
  range: vscode.Range;
}

export class ConfigFiles implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('postmortem-config');
  /** Directory -> the config file in effect there. */
  private readonly nearest = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly files = new Map<string, Promise<ResolvedConfig | undefined>>();
  private readonly templateTexts = new Map<string, Promise<string | undefined>>();
  /** Templates and extended config files: saving one relints. */
  private readonly dependencies = new Set<string>();
  /** The text of each config file read, for placing diagnostics. */
  private readonly texts = new Map<string, string>();
  private readonly warnedSettings = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a config file, a template or the `postmortem.rules` setting changed: relint. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
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
        if (!this.dependencies.has(doc.uri.toString())) return;
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
    const found = await vscode.workspace.findFiles(`**/{${CONFIG_FILE_NAMES.slice(0, 3).join(',')}}`, '**/node_modules/**', 100);
    await Promise.all(found.map((uri) => this.load(uri)));
  }

  async forDocument(uri: vscode.Uri): Promise<DocumentConfig> {
    const configUri = await this.find(uri);
    const resolved = configUri ? await this.load(configUri) : undefined;
    let config: PostmortemConfig | undefined;
    let templateText: string | undefined;
    let ignore: vscode.RelativePattern[] = [];
    if (configUri && resolved) {
      const applied = configForFile(resolved, uri.path);
      config = applied.config;
      if (applied.template) templateText = await this.template(configUri, applied.template);
      ignore = resolved.ignore.flatMap(({ base, value }) => value.map((glob) => new vscode.RelativePattern(configUri.with({ path: base }), glob)));
    }
    const settingsRules = this.settingsRules(uri);
    if (settingsRules) config = { ...config, rules: { ...config?.rules, ...settingsRules } };
    return { config, templateText, configUri, ignore };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private invalidate(): void {
    this.nearest.clear();
    this.files.clear();
    this.templateTexts.clear();
    this.dependencies.clear();
    this.texts.clear();
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

  /** A file's text through workspace.fs; undefined when it cannot be read (the loader looks elsewhere or reports it). */
  private readonly read = async (base: vscode.Uri, path: string): Promise<string | undefined> => {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(base.with({ path })));
      this.texts.set(path, text);
      return text;
    } catch {
      return undefined;
    }
  };

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
        const here = await runAsync(findConfig(dir.path, dir.path), (path) => this.read(dir, path));
        if (here !== undefined) return dir.with({ path: here });
        const parent = vscode.Uri.joinPath(dir, '..');
        const atRoot = (root !== undefined && dir.toString() === root.toString()) || parent.path === dir.path;
        return atRoot ? undefined : this.findFrom(parent, root);
      })();
      this.nearest.set(key, found);
    }
    return found;
  }

  private load(uri: vscode.Uri): Promise<ResolvedConfig | undefined> {
    const key = uri.toString();
    let loaded = this.files.get(key);
    if (!loaded) {
      loaded = this.resolve(uri);
      this.files.set(key, loaded);
    }
    return loaded;
  }

  private async resolve(uri: vscode.Uri): Promise<ResolvedConfig | undefined> {
    try {
      const resolved = await runAsync(
        loadConfig(uri.path, (path) => vscode.workspace.asRelativePath(uri.with({ path }))),
        (path) => this.read(uri, path),
      );
      for (const source of resolved.sources.slice(1)) this.dependencies.add(uri.with({ path: source }).toString());
      this.report(uri, undefined);
      return resolved;
    } catch (error) {
      this.report(uri, this.problemOf(uri, error));
      return undefined;
    }
  }

  /** The diagnostic of a config that failed to load: at the error's line and column, or at the key it names. */
  private problemOf(uri: vscode.Uri, error: unknown): Problem {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const text = this.texts.get(uri.path) ?? '';
    const problem = error instanceof ConfigError ? error.problem : undefined;
    if (!problem) return { message: `Could not read ${name} (linting with defaults): ${errorMessage(error)}`, range: new vscode.Range(0, 0, 0, 0) };
    if (problem.file !== uri.path) {
      return { message: `The configuration ${name} extends is broken (linting with defaults): ${errorMessage(error)}`, range: errorRange(text, 'extends') };
    }
    if (problem.kind === 'syntax') {
      const format = /\.ya?ml$/i.test(name) ? 'YAML' : 'JSON';
      return { message: `${name} is not valid ${format} (linting with defaults): ${problem.detail.replace(/^not valid \w+: /, '')}`, range: pointRange(text, problem.at) };
    }
    if (problem.kind === 'invalid') return { message: `Invalid ${name} (linting with defaults): ${problem.detail}`, range: errorRange(text, problem.detail) };
    if (problem.kind === 'read') return { message: `Could not read ${name} (linting with defaults): ${problem.detail}`, range: new vscode.Range(0, 0, 0, 0) };
    return { message: `${name}: ${problem.detail} (linting with defaults)`, range: errorRange(text, 'extends') };
  }

  private template(configUri: vscode.Uri, template: Located<string>): Promise<string | undefined> {
    const templateUri = resolvePath(configUri.with({ path: template.base }), template.value);
    const key = templateUri.toString();
    this.dependencies.add(key);
    let text = this.templateTexts.get(key);
    if (!text) {
      text = (async () => {
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(templateUri));
        } catch (error) {
          this.report(configUri, {
            message: `The template "${template.value}" could not be read (linting with the built-in template): ${errorMessage(error)}`,
            range: errorRange(this.texts.get(configUri.path) ?? '', 'template:'),
          });
          return undefined;
        }
      })();
      this.templateTexts.set(key, text);
    }
    return text;
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

/** A path in the config file: relative to the config file's folder (`folder`), or absolute. */
function resolvePath(folder: vscode.Uri, path: string): vscode.Uri {
  const normalized = path.replace(/\\/g, '/');
  if (/^(?:[a-zA-Z]:)?\//.test(normalized)) return folder.with({ path: normalized.startsWith('/') ? normalized : `/${normalized}` });
  return vscode.Uri.joinPath(folder, normalized);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A 1-based line and column (a parse error's) as a range of one character, or the end of the text. */
function pointRange(text: string, at: { line: number; column: number } | undefined): vscode.Range {
  const lines = new LineIndex(text);
  const offset = at ? Math.min(text.length, lines.lineStart(at.line) + at.column - 1) : text.length;
  const line = lines.point(offset).line;
  return toRange(lines.range(offset, Math.max(offset, Math.min(offset + 1, lines.lineEnd(line)))));
}

/** Points at the key an error names ("rules.timeline: ..." -> "timeline"), else at the first line. */
function errorRange(text: string, error: string | undefined): vscode.Range {
  const lines = new LineIndex(text);
  const path = error?.split(':')[0]?.trim() ?? '';
  const key = path.split(/[./[\]]/).filter(Boolean).pop();
  const at = key ? text.indexOf(`"${key}"`) : -1;
  if (key && at >= 0) return toRange(lines.range(at, at + key.length + 2));
  const bare = key ? text.search(new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\s*:`, 'm')) : -1;
  if (key && bare >= 0) return toRange(lines.range(bare, lines.lineEnd(lines.point(bare).line)));
  return toRange(lines.range(0, lines.lineEnd(1)));
}
