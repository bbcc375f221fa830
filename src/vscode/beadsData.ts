// The editor's Beads data: each document's repository read through src/beads (BEADS_DIR, the
// postmortem.beads.directory setting relative to the workspace folder, the nearest .beads), re-read
// when a .beads file changes (a watcher, debounced) and then every post-mortem is linted again. For a
// Dolt repository with bd on PATH, the ids a document references are asked of `bd show` in the
// background; the lint uses the answers once they are in (and lints again when they arrive).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { scanBeadsIds, type BeadsData, type BeadsIssue, type LintRunOptions } from '../core/index';
import { BeadsFinder, findBd, forIds, fromBd, showIssue, type BeadsRepository } from '../beads/index';

const WATCH_DEBOUNCE_MS = 300;

/** Where an issue came from, in words for a hover. */
export function sourceWords(data: BeadsData): string {
  if (data.source === 'bd') return '`bd show`';
  if (data.source === 'jsonl') return `\`${data.location}\``;
  return data.exportedAt ? `the export \`${data.location}\` of ${data.exportedAt.slice(0, 16).replace('T', ' ')} UTC (may be out of date)` : `\`${data.location}\` (missing)`;
}

export class BeadsWorkspace implements vscode.Disposable {
  /** One finder per configured folder ('' for none): each reads a .beads folder once until a change. */
  private readonly finders = new Map<string, BeadsFinder>();
  /** bd's answers per .beads folder: an issue, or null for "not found". */
  private readonly answers = new Map<string, Map<string, BeadsIssue | null>>();
  private readonly asking = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly onDidChange = this.changed.event;

  /** .beads folders whose reading problems were logged (once per reading). */
  private readonly logged = new Set<BeadsRepository>();

  constructor(private readonly log?: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.beads/{issues.jsonl,deletions.jsonl,metadata.json,config.yaml,redirect}');
    const later = () => this.refreshSoon();
    this.disposables.push(
      watcher,
      watcher.onDidChange(later),
      watcher.onDidCreate(later),
      watcher.onDidDelete(later),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.beads')) this.refreshSoon();
      }),
    );
  }

  /** Forget what was read: the next lint reads the .beads files again. */
  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.finders.clear();
      this.answers.clear();
      this.logged.clear();
      this.changed.fire();
    }, WATCH_DEBOUNCE_MS);
  }

  /** The bd on PATH now (looked up each time: PATH may change). */
  bd(): string | undefined {
    return findBd(process.env);
  }

  /** The postmortem.beads.directory setting, absolute (relative to the document's workspace folder); '' when unset. */
  private configuredDirectory(file: string): string {
    const uri = vscode.Uri.file(file);
    const directory = vscode.workspace.getConfiguration('postmortem', uri).get<string>('beads.directory', '');
    if (!directory) return '';
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? resolve(folder.uri.fsPath, directory) : resolve(directory);
  }

  repositoryFor(file: string): BeadsRepository | undefined {
    const directory = this.configuredDirectory(file);
    let finder = this.finders.get(directory);
    if (!finder) {
      // bd is asked asynchronously here (ask), never from the synchronous lint path.
      finder = new BeadsFinder({ env: process.env, useBd: false, ...(directory ? { directory } : {}) });
      this.finders.set(directory, finder);
    }
    const repository = finder.repositoryFor(file);
    if (repository && !this.logged.has(repository)) {
      this.logged.add(repository);
      for (const problem of repository.problems) this.log?.warn(`Beads: ${problem}`);
    }
    return repository;
  }

  /** The Beads data for a document's lint; undefined outside a Beads repository. */
  dataFor(file: string, text: string): BeadsData | undefined {
    const repository = this.repositoryFor(file);
    if (!repository) return undefined;
    // A regular-expression scan, not a parse: this runs on the extension host's thread.
    const ids = scanBeadsIds(text, repository.data.prefixes);
    const read = forIds(repository.data, ids);
    if (repository.data.authoritative) return read;
    const bd = this.bd();
    if (!bd) return read;
    const answered = this.answersOf(repository);
    const missing = ids.filter((id) => !answered.has(id));
    if (missing.length === 0) return fromBd(repository, new Map(ids.map((id) => [id, answered.get(id) ?? null])), new Date());
    void this.ask(bd, repository, missing);
    return read;
  }

  private answersOf(repository: BeadsRepository): Map<string, BeadsIssue | null> {
    let answered = this.answers.get(repository.location.dir);
    if (!answered) this.answers.set(repository.location.dir, (answered = new Map()));
    return answered;
  }

  private async ask(bd: string, repository: BeadsRepository, ids: string[]): Promise<void> {
    const answered = this.answersOf(repository);
    let any = false;
    for (const id of ids) {
      const key = `${repository.location.dir}\n${id}`;
      if (this.asking.has(key)) continue;
      this.asking.add(key);
      try {
        const answer = await showIssue(bd, id, repository.location.root, process.env);
        if (answer.kind === 'failed') continue;
        answered.set(id, answer.kind === 'found' ? (answer.issues.find((i) => i.id === id) ?? null) : null);
        any = true;
      } finally {
        this.asking.delete(key);
      }
    }
    if (any) this.changed.fire();
  }

  /** One issue for a hover or a view: from the data read, else from `bd show`; with where it came from. */
  async issue(file: string, id: string): Promise<{ issue: BeadsIssue | undefined; data: BeadsData; deleted: boolean } | undefined> {
    const repository = this.repositoryFor(file);
    if (!repository) return undefined;
    const data = repository.data;
    const bd = data.authoritative ? undefined : this.bd();
    if (!bd) return { issue: data.issues[id], data, deleted: data.deleted.includes(id) };
    const answered = this.answersOf(repository);
    if (!answered.has(id)) await this.ask(bd, repository, [id]);
    const known = answered.get(id);
    if (known === undefined) return { issue: data.issues[id], data, deleted: false };
    return { issue: known ?? undefined, data: fromBd(repository, new Map([[id, known]]), new Date()), deleted: false };
  }

  /** Remembers an issue bd just created (so the lint and the hover know it before any export). */
  remember(repository: BeadsRepository, issue: BeadsIssue): void {
    this.answersOf(repository).set(issue.id, issue);
    this.changed.fire();
  }

  /**
   * Adds the document's Beads data to lint options. The options name the file relative to its
   * workspace folder (diagnostics.ts lintOptions): it is found among the open documents or the folders.
   */
  withBeads(text: string, options: LintRunOptions): LintRunOptions {
    const file = options.file && this.pathOf(options.file);
    if (!file) return options;
    const beads = this.dataFor(file, text);
    return beads ? { ...options, beads } : options;
  }

  private pathOf(shown: string): string | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && vscode.workspace.asRelativePath(d.uri, false) === shown);
    if (open) return open.uri.fsPath;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const candidate = join(folder.uri.fsPath, shown);
      if (folder.uri.scheme === 'file' && existsSync(candidate)) return candidate;
    }
    return undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
