// Quick-fixes from the core's fixes and suggestions, "Disable postmortem/RULE for this line", and
// source.fixAll.postmortem (every safe fix, repeated like `postmortem --fix` until none is left; works
// with editor.codeActionsOnSave), also in the Ctrl+. menu as a quick-fix whose edit is computed when
// chosen. Every action carries a WorkspaceEdit for the document's current version.
import * as vscode from 'vscode';
import { disableRuleFix, replacementEdit, ruleById, type Finding, type Fix } from '../core/index';
import { DIAGNOSTIC_SOURCE, findingRange, toWorkspaceEdit } from './convert';
import type { LiveDiagnostics } from './diagnostics';
import type { PostmortemDocuments } from './documents';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postmortem');

export const FIX_ALL_TITLE = 'Fix all auto-fixable post-mortem problems';

/** Fix-all in the Ctrl+. menu (as ESLint offers it): its edit is computed only when chosen (resolveCodeAction). */
class FixAllQuickFix extends vscode.CodeAction {
  constructor(
    readonly document: vscode.TextDocument,
    readonly version: number,
  ) {
    super(FIX_ALL_TITLE, vscode.CodeActionKind.QuickFix);
  }
}

export class PostmortemCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly documents: PostmortemDocuments,
    private readonly diagnostics: LiveDiagnostics,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (!this.documents.isPostmortem(doc)) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.intersects(kind);
    let ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    // Markers reach the workbench asynchronously (a remote extension host, a request right after a
    // lint): when the context has none of ours yet, use what we published for this range.
    if (ours.length === 0 && wants(vscode.CodeActionKind.QuickFix)) ours = this.diagnostics.published(doc.uri).filter((d) => d.range.intersection(range) !== undefined);
    const wantsQuickFixes = wants(vscode.CodeActionKind.QuickFix) && ours.length > 0;
    // Fix-all lints the document several times: only when asked for (Source Action menu, on save, Fix All).
    const wantsFixAll = context.only !== undefined && context.only.intersects(FIX_ALL_KIND);
    if (!wantsQuickFixes && !wantsFixAll) return [];

    const version = doc.version;
    const actions: vscode.CodeAction[] = [];
    if (wantsQuickFixes) {
      const findings = await this.diagnostics.findingsFor(doc);
      if (token.isCancellationRequested || doc.version !== version) return [];
      for (const diagnostic of ours) {
        const finding = findingFor(diagnostic, findings);
        if (finding) actions.push(...this.quickFixes(doc, diagnostic, finding));
      }
      if (findings.some((f) => f.fix)) actions.push(new FixAllQuickFix(doc, version));
    }
    if (wantsFixAll) {
      const fixed = await this.diagnostics.fixAll(doc);
      if (token.isCancellationRequested || doc.version !== version) return [];
      const edit = fixed === undefined ? undefined : replacementEdit(doc.getText(), fixed);
      if (edit) {
        const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
        action.edit = toWorkspaceEdit(doc.uri, [edit]);
        actions.push(action);
      }
    }
    return actions;
  }

  async resolveCodeAction(action: vscode.CodeAction, token: vscode.CancellationToken): Promise<vscode.CodeAction> {
    if (!(action instanceof FixAllQuickFix)) return action;
    const doc = action.document;
    const fixed = await this.diagnostics.fixAll(doc);
    if (token.isCancellationRequested || doc.version !== action.version || fixed === undefined) return action;
    const edit = replacementEdit(doc.getText(), fixed);
    if (edit) action.edit = toWorkspaceEdit(doc.uri, [edit]);
    return action;
  }

  private quickFixes(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction[] {
    const fixes: Fix[] = [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? [])];
    const actions = fixes.map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(doc.uri, fix.edits);
      action.diagnostics = [diagnostic];
      // Only a safe fix is preferred (auto-fix applies it); a suggestion replaces what the author wrote.
      action.isPreferred = fix === finding.fix;
      return action;
    });
    if (ruleById(finding.ruleId)) {
      const disable = disableRuleFix(doc.getText(), finding.line, finding.ruleId);
      const action = new vscode.CodeAction(disable.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(doc.uri, disable.edits);
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }
}

/** The finding behind a diagnostic: same rule and message, the same range when several match. */
function findingFor(diagnostic: vscode.Diagnostic, findings: readonly Finding[]): Finding | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  const candidates = findings.filter((f) => f.ruleId === String(code) && f.message === diagnostic.message);
  return candidates.find((f) => findingRange(f).isEqual(diagnostic.range)) ?? candidates[0];
}
