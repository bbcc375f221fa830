// "Add Timeline Entry": a timeline row stamped with the current UTC time (written like the table's other
// times) at its chronological place; the cursor lands in its event cell.
import * as vscode from 'vscode';
import { postmortemEditor } from '../activePostmortem';
import type { ConfigFiles } from '../configFiles';
import type { Linter } from '../linter';

export interface AddTimelineEntryArgs {
  /** The entry's time as an ISO 8601 date-time (defaults to now), for keybindings and tests. */
  now?: string;
}

/** Returns the time written in the new row, or undefined when nothing was inserted. */
export async function addTimelineEntry(deps: { configs: ConfigFiles; linter: Linter }, args?: AddTimelineEntryArgs): Promise<string | undefined> {
  const active = postmortemEditor('Add Timeline Entry', 'markdown');
  if (!active) return undefined;
  const now = args?.now === undefined ? new Date() : new Date(args.now);
  if (Number.isNaN(now.getTime())) {
    void vscode.window.showErrorMessage(`Add Timeline Entry: "${args?.now}" is not a date and time: expected ISO 8601, e.g. 2026-03-14T09:05:00Z.`);
    return undefined;
  }
  const { editor, document: doc } = active;
  const { templateText } = await deps.configs.forDocument(doc.uri);
  // Parsing a large document takes seconds: done in the worker, like the lint.
  const { result: entry } = await deps.linter.timelineEntry(doc.getText(), now.getTime(), templateText);
  if (!entry) {
    void vscode.window.showInformationMessage(
      'Add Timeline Entry: this post-mortem has no timeline table: expected a "| Time | Event |" table in its Timeline section (Insert Section... adds the section).',
    );
    return undefined;
  }
  if (!active.unchanged()) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, doc.positionAt(entry.offset), entry.text);
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  const cursor = doc.positionAt(entry.eventOffset);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return entry.time;
}
