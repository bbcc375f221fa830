// The one place where core positions (1-based line/column, end exclusive) become VS Code positions
// (0-based line/character), and core findings and edits become diagnostics and WorkspaceEdits.
import * as vscode from 'vscode';
import { disjointEdits, type Finding, type Range, type Severity, type TextEdit } from '../core/index';

export const DIAGNOSTIC_SOURCE = 'postmortem';

export function toPosition(p: { line: number; column: number }): vscode.Position {
  return new vscode.Position(p.line - 1, p.column - 1);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

export function findingRange(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  return new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
  }
}

/** Where a rule is documented: its section in the README. */
export type RuleDocs = (ruleId: string) => vscode.Uri;

export function toDiagnostic(uri: vscode.Uri, f: Finding, docs: RuleDocs): vscode.Diagnostic {
  const d = new vscode.Diagnostic(findingRange(f), f.message, toSeverity(f.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: docs(f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, findingRange(r)), r.message));
  }
  return d;
}

/** Edits applied together (fix-all, multi-edit fixes) are made disjoint the same way the core's applyEdits resolves them. */
export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of disjointEdits(edits)) edit.replace(uri, toRange(e.range), e.text);
  return edit;
}
