// Live diagnostics: lint on open and on change (debounced per document) or on save, publish only
// results for the version that is still current, clear on close. One lint per document at a time:
// edits made meanwhile are linted once it finishes.
import * as vscode from 'vscode';
import { type Finding, type LintResult, type LintRunOptions } from '../core/index';
import type { ConfigFiles, DocumentConfig } from './configFiles';
import { toDiagnostic, type RuleDocs } from './convert';
import type { PostmortemDocuments } from './documents';
import type { Linter } from './linter';
import { readSettings } from './settings';

export type LintReason = 'open' | 'type' | 'save' | 'config' | 'command' | 'rerun';

export interface LintEvent {
  uri: vscode.Uri;
  version: number;
  /**
   * linted: diagnostics published; ignored: not a post-mortem (nothing published); too-large: over
   * postmortem.lint.maxSizeKb, not linted as you type; stale: the document changed while it was
   * linted (result dropped); failed: the lint threw (logged).
   */
  outcome: 'linted' | 'ignored' | 'too-large' | 'stale' | 'failed';
  findings?: number;
  ms?: number;
  where?: 'inline' | 'worker';
}

/** A lint result and the document version it describes. */
export interface LintedVersion {
  version: number;
  result: LintResult;
}

interface DocumentState {
  timer: ReturnType<typeof setTimeout> | undefined;
  running: boolean;
  /** Lint again when the running lint finishes (the document or the config changed meanwhile). */
  again: 'no' | 'yes' | 'forced';
  latest: LintedVersion | undefined;
  toldTooLarge: boolean;
}

export class LiveDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('postmortem');
  private readonly states = new Map<string, DocumentState>();
  private readonly started = new vscode.EventEmitter<{ uri: vscode.Uri; version: number }>();
  private readonly finished = new vscode.EventEmitter<LintEvent>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.started, this.finished];
  readonly onDidStartLint = this.started.event;
  readonly onDidLint = this.finished.event;

  constructor(
    private readonly documents: PostmortemDocuments,
    private readonly configs: ConfigFiles,
    private readonly linter: Linter,
    private readonly docs: RuleDocs,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.request(doc, 'open')),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (readSettings(e.document.uri).run === 'onType') this.request(e.document, 'type');
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.states.get(doc.uri.toString())?.latest?.version === doc.version) return;
        this.request(doc, 'save');
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc)),
      // VS Code closes a document (onDidCloseTextDocument) up to minutes after its last tab: the
      // Problems panel forgets it when its last tab closes, and it is linted again when shown again.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.tabsClosed(e.closed)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const { document } of editors) if (!this.states.has(document.uri.toString())) this.request(document, 'open');
      }),
      this.configs.onDidChange(() => this.relintAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.files') || e.affectsConfiguration('postmortem.lint')) this.relintAll();
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.request(doc, 'open');
  }

  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.request(doc, 'config');
  }

  /** Lints now whatever its size or the lint.run mode ("Lint This Post-Mortem"). */
  lintNow(doc: vscode.TextDocument): void {
    this.request(doc, 'command', true);
  }

  /** Is this post-mortem too large to lint as you type? */
  isTooLarge(doc: vscode.TextDocument): boolean {
    return documentLength(doc) > readSettings(doc.uri).maxSizeKb * 1024;
  }

  /** The findings for the document's current version: the published ones, or a fresh lint (not published). */
  async findingsFor(doc: vscode.TextDocument): Promise<Finding[]> {
    return (await this.resultFor(doc)).findings;
  }

  /** The lint result (findings, completion, metrics) for the document's current version, like findingsFor. */
  async resultFor(doc: vscode.TextDocument): Promise<LintResult> {
    const state = this.states.get(doc.uri.toString());
    if (state?.latest?.version === doc.version) return state.latest.result;
    const version = doc.version;
    const text = doc.getText();
    const { result } = await this.linter.lint(text, lintOptions(doc.uri, await this.configs.forDocument(doc.uri)));
    if (state && doc.version === version) state.latest = { version, result };
    return result;
  }

  /**
   * The last result published for an open document, possibly for an older version while a lint is
   * pending (the status bar and the CodeLens show it until the next one arrives).
   */
  latestResult(uri: vscode.Uri): LintedVersion | undefined {
    return this.states.get(uri.toString())?.latest;
  }

  /** Publishes findings for a document that is not open (Lint All Post-Mortems). */
  /** The diagnostics this extension published for a document (read in the extension host, no round-trip). */
  published(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  publish(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.collection.set(uri, visibleFindings(findings).map((f) => toDiagnostic(uri, f, this.docs)));
  }

  dispose(): void {
    for (const state of this.states.values()) clearTimeout(state.timer);
    this.states.clear();
    for (const d of this.disposables) d.dispose();
  }

  private request(doc: vscode.TextDocument, reason: LintReason, force = false): void {
    if (!this.documents.isMarkdown(doc)) return;
    const key = doc.uri.toString();
    if (!this.documents.isPostmortem(doc)) {
      this.forget(doc);
      this.finished.fire({ uri: doc.uri, version: doc.version, outcome: 'ignored' });
      return;
    }
    const state = this.state(key);
    clearTimeout(state.timer);
    state.timer = undefined;
    const automatic = reason === 'open' || reason === 'type' || reason === 'config' || reason === 'rerun';
    if (!force && automatic && this.isTooLarge(doc)) {
      this.tellTooLarge(doc, state);
      this.finished.fire({ uri: doc.uri, version: doc.version, outcome: 'too-large' });
      return;
    }
    if (reason === 'type') {
      state.timer = setTimeout(() => {
        state.timer = undefined;
        void this.run(doc, state, force);
      }, readSettings(doc.uri).debounceMs);
    } else {
      void this.run(doc, state, force);
    }
  }

  private async run(doc: vscode.TextDocument, state: DocumentState, force: boolean): Promise<void> {
    const key = doc.uri.toString();
    if (state.running) {
      state.again = force || state.again === 'forced' ? 'forced' : 'yes';
      return;
    }
    state.running = true;
    const version = doc.version;
    const text = doc.getText();
    try {
      const resolved = await this.configs.forDocument(doc.uri);
      if (resolved.ignore.some((pattern) => vscode.languages.match({ pattern }, doc) > 0)) {
        this.collection.delete(doc.uri);
        state.latest = undefined;
        this.finished.fire({ uri: doc.uri, version, outcome: 'ignored' });
        return;
      }
      this.started.fire({ uri: doc.uri, version });
      const { result, ms, where } = await this.linter.lint(text, lintOptions(doc.uri, resolved));
      if (this.states.get(key) !== state) return;
      if (doc.version !== version) {
        this.finished.fire({ uri: doc.uri, version, outcome: 'stale', ms, where });
        return;
      }
      state.latest = { version, result };
      this.publish(doc.uri, result.findings);
      this.finished.fire({ uri: doc.uri, version, outcome: 'linted', findings: result.findings.length, ms, where });
    } catch (error) {
      this.log.error(`Linting ${doc.uri.toString(true)} failed:`, error instanceof Error ? error : String(error));
      this.finished.fire({ uri: doc.uri, version, outcome: 'failed' });
    } finally {
      state.running = false;
      if (state.again !== 'no' && this.states.get(key) === state) {
        const forced = state.again === 'forced';
        state.again = 'no';
        this.request(doc, 'rerun', forced);
      }
    }
  }

  /** The document's text with every safe fix applied, repeatedly (source.fixAll); undefined when nothing is fixable. */
  async fixAll(doc: vscode.TextDocument): Promise<string | undefined> {
    const text = doc.getText();
    const { result } = await this.linter.fixAll(text, lintOptions(doc.uri, await this.configs.forDocument(doc.uri)));
    return result.text !== text ? result.text : undefined;
  }

  private tellTooLarge(doc: vscode.TextDocument, state: DocumentState): void {
    if (state.toldTooLarge) return;
    state.toldTooLarge = true;
    const kb = Math.round(documentLength(doc) / 1024);
    const name = doc.uri.path.split('/').pop() ?? doc.uri.path;
    void vscode.window
      .showInformationMessage(
        `${name} is ${kb} KB, over postmortem.lint.maxSizeKb (${readSettings(doc.uri).maxSizeKb} KB): it is linted when you save it or run "Lint This Post-Mortem", not as you type.`,
        'Lint Now',
      )
      .then((choice) => {
        if (choice === 'Lint Now' && !doc.isClosed) this.lintNow(doc);
      });
  }

  private state(key: string): DocumentState {
    let state = this.states.get(key);
    if (!state) {
      state = { timer: undefined, running: false, again: 'no', latest: undefined, toldTooLarge: false };
      this.states.set(key, state);
    }
    return state;
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const state = this.states.get(key);
    if (state) clearTimeout(state.timer);
    this.states.delete(key);
    this.collection.delete(doc.uri);
  }

  private tabsClosed(closed: readonly vscode.Tab[]): void {
    if (closed.length === 0) return;
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) for (const tab of group.tabs) for (const uri of tabUris(tab)) shown.add(uri.toString());
    for (const tab of closed) {
      for (const uri of tabUris(tab)) {
        const key = uri.toString();
        if (shown.has(key)) continue;
        const state = this.states.get(key);
        if (state) clearTimeout(state.timer);
        this.states.delete(key);
        this.collection.delete(uri);
      }
    }
  }

  private close(doc: vscode.TextDocument): void {
    this.forget(doc);
    if (doc.isUntitled) this.documents.forget(doc.uri);
  }
}

/** VS Code shows at most 1000 problems per file; past that, squiggles stop part-way through the document. */
export const MAX_DIAGNOSTICS = 999;
/** How many placeholders a document over MAX_DIAGNOSTICS still shows (the first ones, where the author is). */
export const SHOWN_PLACEHOLDERS = 100;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * At most MAX_DIAGNOSTICS findings: when a document has more, the first SHOWN_PLACEHOLDERS placeholders,
 * every other finding (most severe first, while room is left), and one finding that says what is not shown.
 */
export function visibleFindings(findings: readonly Finding[]): readonly Finding[] {
  if (findings.length <= MAX_DIAGNOSTICS) return findings;
  const placeholders = findings.filter((f) => f.ruleId === 'placeholder');
  const shownPlaceholders = placeholders.slice(0, SHOWN_PLACEHOLDERS);
  const others = findings.filter((f) => f.ruleId !== 'placeholder').sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.offset - b.offset);
  const shownOthers = others.slice(0, MAX_DIAGNOSTICS - 1 - shownPlaceholders.length);
  const hiddenPlaceholders = placeholders.length - shownPlaceholders.length;
  const hiddenOthers = others.length - shownOthers.length;
  const at = placeholders[SHOWN_PLACEHOLDERS] ?? others[shownOthers.length] ?? (findings[0] as Finding);
  const parts = [hiddenPlaceholders ? `${hiddenPlaceholders} more placeholder${hiddenPlaceholders === 1 ? '' : 's'}` : '', hiddenOthers ? `${hiddenOthers} other problem${hiddenOthers === 1 ? '' : 's'}` : ''].filter(Boolean);
  const summary: Finding = {
    file: at.file,
    ruleId: at.ruleId,
    severity: 'info',
    message: `${parts.join(' and ')} not shown (the Problems panel shows up to 1000 per file): fill in the ones above, or run "postmortem lint" on the file for the full list.`,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column,
    offset: at.offset,
    endOffset: at.offset,
  };
  return [...shownPlaceholders, ...shownOthers, summary].sort((a, b) => a.offset - b.offset);
}

function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.original, input.modified];
  return [];
}

function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(new vscode.Position(doc.lineCount, 0));
}

/** The core's lint options for a document (also used for files that are not open). */
export function lintOptions(uri: vscode.Uri, { config, templateText }: DocumentConfig): LintRunOptions {
  return {
    file: uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri, false),
    ...(config !== undefined ? { config } : {}),
    ...(templateText !== undefined ? { templateText } : {}),
  };
}
