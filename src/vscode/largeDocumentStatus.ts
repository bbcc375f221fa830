// Status bar entry shown while the active editor holds a post-mortem too large to lint as you type:
// says why its problems may be out of date, and lints it on click.
import * as vscode from 'vscode';
import type { LiveDiagnostics } from './diagnostics';
import type { PostmortemDocuments } from './documents';
import { readSettings } from './settings';

export class LargeDocumentStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('postmortem.largeDocument', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly documents: PostmortemDocuments,
    private readonly live: LiveDiagnostics,
  ) {
    this.item.name = 'Post-mortem too large to lint as you type';
    this.item.command = 'postmortem.lintDocument';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      live.onDidLint((e) => {
        if (e.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem')) this.update();
      }),
    );
    this.update();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.documents.isPostmortem(doc) || !this.live.isTooLarge(doc)) {
      this.item.hide();
      return;
    }
    const limit = readSettings(doc.uri).maxSizeKb;
    this.item.text = '$(watch) Post-mortem: lint on save';
    this.item.tooltip = `This post-mortem is over postmortem.lint.maxSizeKb (${limit} KB), so it is not linted as you type: problems are updated when you save. Click to lint it now.`;
    this.item.show();
  }
}
