// The active post-mortem: the editor a command acts on (postmortemEditor), and at a glance a status bar
// item "Post-mortem 72% · 14 placeholders" (click: Go to Next Placeholder) and the
// `postmortem.isPostmortem` context key that enables the post-mortem-only commands and keybindings.
// Both follow the active editor and each published lint.
import * as vscode from 'vscode';
import { type Completion } from '../core/index';
import type { LiveDiagnostics } from './diagnostics';
import type { PostmortemDocuments } from './documents';

export const IS_POSTMORTEM_CONTEXT = 'postmortem.isPostmortem';

/** The editor a command acts on, and the version of its document when the command started. */
export class PostmortemEditor {
  readonly document: vscode.TextDocument;
  readonly version: number;

  constructor(
    readonly editor: vscode.TextEditor,
    private readonly command: string,
  ) {
    this.document = editor.document;
    this.version = editor.document.version;
  }

  /** The document was edited while the command waited (on the worker, on a pick): what it computed no longer fits. */
  get changed(): boolean {
    return this.document.version !== this.version;
  }

  /** Before an edit: true while the document is as the command found it, else false with a warning. */
  unchanged(): boolean {
    if (!this.changed) return true;
    void vscode.window.showWarningMessage(`${this.command}: the document changed meanwhile; run the command again.`);
    return false;
  }
}

/**
 * The active editor (or the visible editor of `target`) when its document is one `command` works on: any
 * Markdown document, or one `documents` recognises as a post-mortem. Otherwise undefined, after telling the user.
 */
export function postmortemEditor(command: string, accepts: 'markdown' | PostmortemDocuments, target?: vscode.Uri): PostmortemEditor | undefined {
  const editor = target ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString()) : vscode.window.activeTextEditor;
  if (accepts === 'markdown') {
    if (editor && editor.document.languageId === 'markdown') return new PostmortemEditor(editor, command);
    void vscode.window.showInformationMessage(`${command}: open a Markdown post-mortem first.`);
    return undefined;
  }
  if (editor && accepts.isPostmortem(editor.document)) return new PostmortemEditor(editor, command);
  void vscode.window.showInformationMessage(`${command}: open a post-mortem first.`);
  return undefined;
}

/** What the status bar item shows; undefined while it is hidden. */
export interface CompletionStatusView {
  text: string;
  tooltip: string;
}

export class ActivePostmortem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('postmortem.completion', vscode.StatusBarAlignment.Left, 11);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private view: CompletionStatusView | undefined;
  private isPostmortem: boolean | undefined;

  constructor(
    private readonly documents: PostmortemDocuments,
    private readonly live: LiveDiagnostics,
  ) {
    this.item.name = 'Post-mortem completion';
    this.item.command = 'postmortem.nextPlaceholder';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      live.onDidLint((e) => {
        if (e.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    );
    this.update();
  }

  /** The status bar item as shown (for the extension's API and the integration tests). */
  current(): CompletionStatusView | undefined {
    return this.view;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const isPostmortem = doc !== undefined && this.documents.isPostmortem(doc);
    if (isPostmortem !== this.isPostmortem) {
      this.isPostmortem = isPostmortem;
      void vscode.commands.executeCommand('setContext', IS_POSTMORTEM_CONTEXT, isPostmortem);
    }
    // Until its first lint (or when the config ignores it) there is nothing to show.
    const latest = doc && isPostmortem ? this.live.latestResult(doc.uri) : undefined;
    if (!latest) {
      this.view = undefined;
      this.item.hide();
      return;
    }
    this.view = completionView(latest.result.completion);
    this.item.text = this.view.text;
    this.item.tooltip = this.view.tooltip;
    const { percent, placeholders } = latest.result.completion;
    this.item.accessibilityInformation = { label: `Post-mortem ${percent}% complete, ${count(placeholders, 'placeholder')} left` };
    this.item.show();
  }
}

export function completionView(completion: Completion): CompletionStatusView {
  const { sectionsFilled, sectionsTotal, percent, placeholders, findings, filled, total } = completion;
  const left = placeholders === 0 ? 'no placeholders' : count(placeholders, 'placeholder');
  return {
    text: `$(checklist) Post-mortem ${percent}% · ${left}`,
    tooltip: [
      ...(total ? [`Filled: ${filled ?? 0} of ${total} (the template's placeholders, fields, table cells, checklists and sections)`] : []),
      `Sections filled: ${sectionsFilled} of ${sectionsTotal}`,
      `Placeholders left: ${placeholders}`,
      `Problems: ${count(findings.error, 'error')}, ${count(findings.warning, 'warning')}, ${findings.info} info`,
      placeholders > 0 ? 'Click to go to the next placeholder.' : 'Every placeholder is filled in.',
    ].join('\n'),
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
