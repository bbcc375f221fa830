// "Go to Next Placeholder": selects the next unfilled placeholder after the cursor (wrapping around to
// the first), from the lint of the document's current version, and focuses the editor, so typing replaces it.
import * as vscode from 'vscode';
import { postmortemEditor } from '../activePostmortem';
import { findingRange } from '../convert';
import type { LiveDiagnostics } from '../diagnostics';
import type { PostmortemDocuments } from '../documents';

const PLACEHOLDER_RULE = 'placeholder';

/** Returns the selected placeholder's range, or undefined when there is none left. */
export async function nextPlaceholder(deps: { documents: PostmortemDocuments; live: LiveDiagnostics }): Promise<vscode.Range | undefined> {
  const active = postmortemEditor('Go to Next Placeholder', deps.documents);
  if (!active) return undefined;
  const { editor, document: doc } = active;
  const findings = await deps.live.findingsFor(doc);
  if (active.changed) return undefined;
  const placeholders = findings.filter((f) => f.ruleId === PLACEHOLDER_RULE);
  const first = placeholders[0];
  if (!first) {
    void vscode.window.showInformationMessage('Go to Next Placeholder: no placeholder is left in this post-mortem.');
    return undefined;
  }
  // From a selected placeholder, move past it; from a bare cursor, a placeholder starting right there is next.
  const selection = editor.selection;
  const from = doc.offsetAt(selection.isEmpty ? selection.active : selection.end);
  const next = placeholders.find((f) => f.offset >= from) ?? first;
  const range = findingRange(next);
  // showTextDocument also takes the keyboard focus from wherever the command was run (the status bar
  // item keeps it otherwise), so typing replaces the selected placeholder.
  await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn ?? vscode.ViewColumn.Active, selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return range;
}
