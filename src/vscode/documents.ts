// Which documents get post-mortem treatment: Markdown matched by `postmortem.files`, Markdown the core
// recognises as a post-mortem (H1 or front matter), and documents this extension created or was
// explicitly asked to lint. Other Markdown gets nothing.
import * as vscode from 'vscode';
import { isPostmortem } from '../core/index';
import { readSettings } from './settings';

// Read-only views of other documents (diffs, history, output): never linted.
const DERIVED_SCHEMES = new Set(['git', 'gitfs', 'output', 'debug', 'vscode-scm', 'review', 'pr', 'comment', 'vscode-notebook-cell-output', 'chat-editing-snapshot-text-model', 'chat-editing-text-model']);

const RECOGNITION_LINES = 2000;

export class PostmortemDocuments {
  private readonly adopted = new Set<string>();

  /** Markdown in a real or virtual file system, or untitled. */
  isMarkdown(doc: vscode.TextDocument): boolean {
    return doc.languageId === 'markdown' && !DERIVED_SCHEMES.has(doc.uri.scheme);
  }

  isPostmortem(doc: vscode.TextDocument): boolean {
    if (!this.isMarkdown(doc)) return false;
    if (this.adopted.has(doc.uri.toString())) return true;
    if (this.matchesFiles(doc)) return true;
    // The H1 and front matter sit at the top: no need to copy a large document's whole text per keystroke.
    const head = Math.min(doc.lineCount, RECOGNITION_LINES);
    return isPostmortem(doc.getText(new vscode.Range(0, 0, head, 0)));
  }

  /** A document created by "New Post-Mortem" or linted on request is a post-mortem from then on. */
  adopt(uri: vscode.Uri): void {
    this.adopted.add(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.adopted.delete(uri.toString());
  }

  private matchesFiles(doc: vscode.TextDocument): boolean {
    if (doc.isUntitled) return false;
    const globs = readSettings(doc.uri).files;
    return globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
  }
}
